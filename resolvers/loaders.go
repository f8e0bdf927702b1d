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
// resolvers before it runs its query. gqlgen starts the resolvers of a
// list's items together, but on a loaded 2-core machine (and under the race
// detector) their keys can straggle past half a millisecond and split a
// batch, so 2 ms is the shortest wait that kept round trips constant in
// testing.
//
// The wait is the fallback, no longer the rule: a field that occurs once
// in the response (no list above it) reads directly, and the common nested
// reads (links, mentionedIn, a link's sources) are fetched ahead for a
// whole level at once by lookahead (lookahead.go), so their resolvers find
// the answer already here and never wait.
const batchWait = 2 * time.Millisecond

// Loaders batches the reads of one request. Loaders that take arguments
// (page size, filters) are kept per distinct argument set, so siblings
// asking the same question share one query.
type Loaders struct {
	store *cypher.Store
	scope cypher.Scope
	nodes *dataloadgen.Loader[string, cypher.Record]

	mu         sync.Mutex
	pages      lists[cypher.Page]     // keyed by list and arguments
	links      lists[cypher.LinkPage] // keyed by linkKey
	neighbours map[string]*dataloadgen.Loader[string, []cypher.Neighbour]

	// Nodes read ahead or read directly, by id: resolvers look here before
	// going to the loader. Every entry was read with this request's scope
	// by the same store call the loader would have made.
	knownNodes map[string]knownNode
}

// lists are the pages of one kind (entity lists, link pages) a request
// reads per parent, under a key naming the list and its arguments: those
// read ahead or read directly are remembered in known (key + "\x00" +
// parent); the rest are batched through one dataloader per key. Guarded
// by Loaders.mu.
type lists[V any] struct {
	loaders map[string]*dataloadgen.Loader[string, V]
	known   map[string]V
}

func newLists[V any]() lists[V] {
	return lists[V]{loaders: map[string]*dataloadgen.Loader[string, V]{}, known: map[string]V{}}
}

// load returns parent's page of list key: remembered, read directly when
// the field occurs once in the response, or through the key's loader.
func (ls *lists[V]) load(ctx context.Context, mu *sync.Mutex, key, parent string, fetch func(ctx context.Context, parents []string) (map[string]V, error)) (V, error) {
	if p, ok := ls.lookup(mu, key, parent); ok {
		return p, nil
	}
	if uniqueField(ctx) {
		found, err := fetch(ctx, []string{parent})
		if err != nil {
			var zero V
			return zero, err
		}
		ls.remember(mu, key, []string{parent}, found)
		return found[parent], nil
	}
	mu.Lock()
	ld, ok := ls.loaders[key]
	if !ok {
		ld = dataloadgen.NewLoader(func(ctx context.Context, parents []string) ([]V, []error) {
			found, err := fetch(ctx, parents)
			return fromMap(parents, found, err, nil)
		}, dataloadgen.WithWait(batchWait))
		ls.loaders[key] = ld
	}
	mu.Unlock()
	return ld.Load(ctx, parent)
}

// lookup returns a remembered page.
func (ls *lists[V]) lookup(mu *sync.Mutex, key, parent string) (V, bool) {
	mu.Lock()
	defer mu.Unlock()
	p, ok := ls.known[key+"\x00"+parent]
	return p, ok
}

// remember records the pages read for parents (a parent with no page in
// found gets the empty page: it was read and has nothing).
func (ls *lists[V]) remember(mu *sync.Mutex, key string, parents []string, found map[string]V) {
	mu.Lock()
	defer mu.Unlock()
	for _, p := range parents {
		ls.known[key+"\x00"+p] = found[p]
	}
}

// knownNode is a node lookup's outcome: the record, or not visible.
type knownNode struct {
	rec   cypher.Record
	found bool
}

type loadersKey struct{}

// WithLoaders attaches fresh loaders for the request's actor.
func WithLoaders(ctx context.Context, store *cypher.Store) context.Context {
	l := &Loaders{
		store:      store,
		scope:      cypher.ScopeOf(keyline.ActorFrom(ctx)),
		pages:      newLists[cypher.Page](),
		links:      newLists[cypher.LinkPage](),
		neighbours: map[string]*dataloadgen.Loader[string, []cypher.Neighbour]{},
		knownNodes: map[string]knownNode{},
	}
	l.nodes = dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([]cypher.Record, []error) {
		found, err := l.fetchNodes(ctx, ids)
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
	rec, ok, err := l.NodeMaybe(ctx, id)
	if err == nil && !ok {
		err = keyline.ErrNotFound(id)
	}
	return rec, err
}

// NodeMaybe loads a record, returning ok=false when it does not exist or
// the caller may not see it.
func (l *Loaders) NodeMaybe(ctx context.Context, id string) (cypher.Record, bool, error) {
	recs, err := l.NodesMaybe(ctx, []string{id})
	rec, ok := recs[id]
	return rec, ok, err
}

// NodesMaybe loads several records in one batch (Load in a loop would wait
// a batch window per id), keyed by id; ids that do not exist or that the
// caller may not see are absent. Ids already known to this request are not
// read again; a field that occurs once in the response reads the rest
// directly, anything else through the node loader.
func (l *Loaders) NodesMaybe(ctx context.Context, ids []string) (map[string]cypher.Record, error) {
	out := make(map[string]cypher.Record, len(ids))
	var missing []string
	l.mu.Lock()
	for _, id := range ids {
		if k, ok := l.knownNodes[id]; ok {
			if k.found {
				out[id] = k.rec
			}
			continue
		}
		missing = append(missing, id)
	}
	l.mu.Unlock()
	if len(missing) == 0 {
		return out, nil
	}
	if uniqueField(ctx) {
		found, err := l.fetchNodes(ctx, missing)
		if err != nil {
			return nil, err
		}
		for id, rec := range found {
			out[id] = rec
		}
		return out, nil
	}
	thunks := make([]func() (cypher.Record, error), len(missing))
	for i, id := range missing {
		thunks[i] = l.nodes.LoadThunk(ctx, id)
	}
	for i, thunk := range thunks {
		rec, err := thunk()
		switch {
		case keyline.ErrorCode(err) == keyline.CodeNotFound:
		case err != nil:
			return nil, err
		default:
			out[missing[i]] = rec
		}
	}
	return out, nil
}

// fetchNodes reads records by id now, and remembers the outcome for the
// rest of the request.
func (l *Loaders) fetchNodes(ctx context.Context, ids []string) (map[string]cypher.Record, error) {
	found, err := l.store.NodesByID(ctx, l.scope, ids)
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	for _, id := range ids {
		rec, ok := found[id]
		l.knownNodes[id] = knownNode{rec: rec, found: ok}
	}
	l.mu.Unlock()
	return found, nil
}

// Page loads a page of a list keyed by parent id; key identifies the list
// and its arguments, fetch runs the batched query.
func (l *Loaders) Page(ctx context.Context, key, parent string, fetch func(ctx context.Context, parents []string) (map[string]cypher.Page, error)) (cypher.Page, error) {
	return l.pages.load(ctx, &l.mu, key, parent, fetch)
}

// Links loads a page of an entity's links.
func (l *Loaders) Links(ctx context.Context, lq cypher.LinkQuery, parent string) (cypher.LinkPage, error) {
	return l.links.load(ctx, &l.mu, linkKey(lq), parent, func(ctx context.Context, parents []string) (map[string]cypher.LinkPage, error) {
		return l.store.LinksOf(ctx, l.scope, parents, lq)
	})
}

// Neighbours loads the records joined to parent by a structural
// relationship.
func (l *Loaders) Neighbours(ctx context.Context, rel string, dir cypher.Direction, parent string) ([]cypher.Neighbour, error) {
	key := fmt.Sprintf("%s/%v", rel, dir)
	l.mu.Lock()
	ld, ok := l.neighbours[key]
	if !ok {
		ld = dataloadgen.NewLoader(func(ctx context.Context, parents []string) ([][]cypher.Neighbour, []error) {
			found, err := l.store.Neighbours(ctx, l.scope, rel, dir, parents)
			return fromMap(parents, found, err, nil)
		}, dataloadgen.WithWait(batchWait))
		l.neighbours[key] = ld
	}
	l.mu.Unlock()
	return ld.Load(ctx, parent)
}

// linkKey identifies a link query by value (times by instant, not by
// pointer), so equal questions share one loader and one read-ahead.
func linkKey(lq cypher.LinkQuery) string {
	t := func(p *time.Time) string {
		if p == nil {
			return "-"
		}
		return p.UTC().Format(time.RFC3339Nano)
	}
	return fmt.Sprintf("%q/%g/%s/%s/%d/%d/%s", lq.Types, lq.MinConfidence, t(lq.SeenAfter), t(lq.SeenBefore), lq.Skip, lq.Limit, projectionKey(lq.Project))
}
