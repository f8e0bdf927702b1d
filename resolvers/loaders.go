package resolvers

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

// batchWait is how long a loader waits to gather keys from sibling
// resolvers before it runs its query. It is paid once per level of a
// response. gqlgen starts the resolvers of a list's items together, but on
// a loaded 2-core machine (and under the race detector) their keys can
// straggle past half a millisecond and split a batch, so 2 ms is the
// shortest wait that kept round trips constant in testing.
const batchWait = 2 * time.Millisecond

// Loaders batches the reads of one request. Loaders that take arguments
// (page size, filters) are kept per distinct argument set, so siblings
// asking the same question share one query.
type Loaders struct {
	store *cypher.Store
	scope cypher.Scope
	nodes *dataloadgen.Loader[string, cypher.Record]

	mu         sync.Mutex
	pages      map[string]*dataloadgen.Loader[string, cypher.Page]
	links      map[string]*dataloadgen.Loader[string, cypher.LinkPage]
	neighbours map[string]*dataloadgen.Loader[string, []cypher.Neighbour]
}

type loadersKey struct{}

// WithLoaders attaches fresh loaders for the request's actor.
func WithLoaders(ctx context.Context, store *cypher.Store) context.Context {
	l := &Loaders{
		store:      store,
		scope:      cypher.ScopeOf(keyline.ActorFrom(ctx)),
		pages:      map[string]*dataloadgen.Loader[string, cypher.Page]{},
		links:      map[string]*dataloadgen.Loader[string, cypher.LinkPage]{},
		neighbours: map[string]*dataloadgen.Loader[string, []cypher.Neighbour]{},
	}
	l.nodes = dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([]cypher.Record, []error) {
		found, err := store.NodesByID(ctx, l.scope, ids)
		return fromMap(ids, found, err, func(id string) error { return keyline.ErrNotFound(id) })
	}, dataloadgen.WithWait(batchWait))
	return context.WithValue(ctx, loadersKey{}, l)
}

func loadersFrom(ctx context.Context) *Loaders {
	l, ok := ctx.Value(loadersKey{}).(*Loaders)
	if !ok {
		panic("resolvers: no loaders in context (WithLoaders not applied)")
	}
	return l
}

// fromMap spreads a keyed result over the keys a loader asked for. A
// missing key gets missing(key), or a zero value when missing is nil.
func fromMap[V any](keys []string, found map[string]V, err error, missing func(string) error) ([]V, []error) {
	vals := make([]V, len(keys))
	errs := make([]error, len(keys))
	for i, k := range keys {
		switch v, ok := found[k]; {
		case err != nil:
			errs[i] = err
		case ok:
			vals[i] = v
		case missing != nil:
			errs[i] = missing(k)
		}
	}
	return vals, errs
}

// Node loads one record by id in the caller's scope.
func (l *Loaders) Node(ctx context.Context, id string) (cypher.Record, error) {
	return l.nodes.Load(ctx, id)
}

// NodeMaybe loads a record, returning ok=false when it does not exist or
// the caller may not see it.
func (l *Loaders) NodeMaybe(ctx context.Context, id string) (cypher.Record, bool, error) {
	rec, err := l.nodes.Load(ctx, id)
	if keyline.ErrorCode(err) == keyline.CodeNotFound {
		return rec, false, nil
	}
	return rec, err == nil, err
}

// NodesMaybe loads several records in one batch (Load in a loop would wait
// a batch window per id), keyed by id; ids that do not exist or that the
// caller may not see are absent.
func (l *Loaders) NodesMaybe(ctx context.Context, ids []string) (map[string]cypher.Record, error) {
	thunks := make([]func() (cypher.Record, error), len(ids))
	for i, id := range ids {
		thunks[i] = l.nodes.LoadThunk(ctx, id)
	}
	out := make(map[string]cypher.Record, len(ids))
	for i, thunk := range thunks {
		rec, err := thunk()
		switch {
		case keyline.ErrorCode(err) == keyline.CodeNotFound:
		case err != nil:
			return nil, err
		default:
			out[ids[i]] = rec
		}
	}
	return out, nil
}

// Page loads a page of a list keyed by parent id; key identifies the list
// and its arguments, fetch runs the batched query.
func (l *Loaders) Page(ctx context.Context, key, parent string, fetch func(ctx context.Context, parents []string) (map[string]cypher.Page, error)) (cypher.Page, error) {
	l.mu.Lock()
	ld, ok := l.pages[key]
	if !ok {
		ld = dataloadgen.NewLoader(func(ctx context.Context, parents []string) ([]cypher.Page, []error) {
			found, err := fetch(ctx, parents)
			return fromMap(parents, found, err, nil)
		}, dataloadgen.WithWait(batchWait))
		l.pages[key] = ld
	}
	l.mu.Unlock()
	return ld.Load(ctx, parent)
}

// Links loads a page of an entity's links.
func (l *Loaders) Links(ctx context.Context, lq cypher.LinkQuery, parent string) (cypher.LinkPage, error) {
	key := fmt.Sprintf("%v", lq)
	l.mu.Lock()
	ld, ok := l.links[key]
	if !ok {
		ld = dataloadgen.NewLoader(func(ctx context.Context, parents []string) ([]cypher.LinkPage, []error) {
			found, err := l.store.LinksOf(ctx, l.scope, parents, lq)
			return fromMap(parents, found, err, nil)
		}, dataloadgen.WithWait(batchWait))
		l.links[key] = ld
	}
	l.mu.Unlock()
	return ld.Load(ctx, parent)
}

// Neighbours loads the records joined to parent by a structural
// relationship.
func (l *Loaders) Neighbours(ctx context.Context, rel string, out bool, parent string) ([]cypher.Neighbour, error) {
	key := fmt.Sprintf("%s/%v", rel, out)
	l.mu.Lock()
	ld, ok := l.neighbours[key]
	if !ok {
		ld = dataloadgen.NewLoader(func(ctx context.Context, parents []string) ([][]cypher.Neighbour, []error) {
			found, err := l.store.Neighbours(ctx, l.scope, rel, out, parents)
			return fromMap(parents, found, err, nil)
		}, dataloadgen.WithWait(batchWait))
		l.neighbours[key] = ld
	}
	l.mu.Unlock()
	return ld.Load(ctx, parent)
}
