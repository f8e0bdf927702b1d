package resolvers

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph"
	"github.com/keyline/keyline/graph/model"
)

// Lookahead: deterministic batching without waiting.
//
// A dataloader batches sibling resolvers by waiting (batchWait) for their
// keys, once per level of a response. Instead, a resolver that returns a
// list of entities (or the one entity of a top-level field) reads the
// selection its objects will be asked for and fetches, for all of them in
// one store call per distinct question, what their child resolvers will
// ask: their links, the intelligence mentioning them, and (through their
// links) the far entities' links and the links' sources, level by level.
// The child resolvers then find the answers in the request's Loaders and
// return at once. Each level costs the same one store call per question
// the loaders would make, so round trips stay bounded and do not grow with
// the number of results; only the waiting goes.
//
// Everything read ahead is read by the same store methods, with the same
// scope, as the resolvers' own reads; it is only ever used by a resolver
// asking the identical question, and a resolver that finds nothing here
// falls back to its loader. Nothing read ahead reaches a client unless a
// resolver returns it (and so notes any intelligence for the read audit).

// maxReadAheadLevels bounds how deep one read-ahead follows links (the
// operation limits bound it already; this is a second stop).
const maxReadAheadLevels = 6

// uniqueField reports whether the field being resolved occurs once in the
// response: no list above it. Such a field has no siblings to batch with,
// so it reads directly instead of waiting for a batch.
func uniqueField(ctx context.Context) bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return false
	}
	for f := fc; f != nil; f = f.Parent {
		if f.Index != nil {
			return false
		}
	}
	return true
}

// implementors maps each object type to the type names its fields satisfy
// in fragments (itself and its interfaces).
var implementors = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	for name, def := range graph.NewExecutableSchema(graph.Config{}).Schema().Types {
		if def.Kind == ast.Object {
			out[name] = append([]string{name}, def.Interfaces...)
		}
	}
	return out
})

func satisfies(typeName string) []string {
	if s, ok := implementors()[typeName]; ok {
		return s
	}
	return []string{typeName}
}

// ahead is an object about to be returned, whose fields resolve next.
type ahead struct {
	kind keyline.Kind
	id   string
	sel  ast.SelectionSet
}

// linkSub is a links field of one entity: its parent and the selection of
// the LinkConnection.
type linkSub struct {
	parent     string
	parentKind keyline.Kind
	sel        ast.SelectionSet
}

type linkNeed struct {
	lq   cypher.LinkQuery
	ids  []string
	subs []linkSub
}

type mentionNeed struct {
	p   pageArgs
	ids []string
}

func mentionedInKey(p pageArgs) string { return fmt.Sprintf("mentionedIn/%d/%d", p.skip, p.limit) }

// readAhead fetches, level by level, what the resolvers below objs will
// ask for, and the records of sources (ids of link sources about to be
// resolved). It returns when everything is read; failures are left for
// the resolvers' own reads to report.
func (l *Loaders) readAhead(ctx context.Context, objs []ahead, sources []string) {
	if !graphql.HasOperationContext(ctx) {
		return
	}
	oc := graphql.GetOperationContext(ctx)
	for level := 0; level < maxReadAheadLevels && (len(objs) > 0 || len(sources) > 0); level++ {
		links := map[string]*linkNeed{}
		var linkKeys []string
		mentions := map[string]*mentionNeed{}
		var mentionKeys []string
		for _, o := range objs {
			if !slices.Contains(keyline.EntityKinds, o.kind) {
				continue
			}
			for _, f := range graphql.CollectFields(oc, o.sel, satisfies(string(o.kind))) {
				switch f.Name {
				case "links":
					lq, ok := linkQueryOf(f.ArgumentMap(oc.Variables))
					if !ok {
						continue
					}
					lq.Project = linkProjection(oc, f.Selections)
					key := linkKey(lq)
					n := links[key]
					if n == nil {
						n = &linkNeed{lq: lq}
						links[key] = n
						linkKeys = append(linkKeys, key)
					}
					if !slices.Contains(n.ids, o.id) && !l.knowsLinks(key, o.id) {
						n.ids = append(n.ids, o.id)
					}
					n.subs = append(n.subs, linkSub{parent: o.id, parentKind: o.kind, sel: f.Selections})
				case "mentionedIn":
					p, ok := pageOf(f.ArgumentMap(oc.Variables))
					if !ok {
						continue
					}
					key := mentionedInKey(p)
					n := mentions[key]
					if n == nil {
						n = &mentionNeed{p: p}
						mentions[key] = n
						mentionKeys = append(mentionKeys, key)
					}
					if !slices.Contains(n.ids, o.id) && !l.knowsPage(key, o.id) {
						n.ids = append(n.ids, o.id)
					}
				}
			}
		}
		sources = l.unknownNodes(sources)

		var wg sync.WaitGroup
		for _, key := range linkKeys {
			if n := links[key]; len(n.ids) > 0 {
				wg.Go(func() {
					if found, err := l.store.LinksOf(ctx, l.scope, n.ids, n.lq); err == nil {
						l.links.remember(&l.mu, key, n.ids, found)
					}
				})
			}
		}
		for _, key := range mentionKeys {
			if n := mentions[key]; len(n.ids) > 0 {
				wg.Go(func() {
					// Intelligence read ahead is recorded in the audit trail
					// in the same transaction as it is read (the resolvers
					// then return exactly these pages), instead of in a
					// separate write before the response.
					if rl, ok := ctx.Value(readLogKey{}).(*readLog); ok && keyline.ActorFrom(ctx) != nil {
						purpose, _ := ctx.Value(purposeKey{}).(string)
						found, recorded, err := l.store.MentionedInAudited(ctx, l.scope, keyline.ActorFrom(ctx), n.ids, n.p.skip, n.p.limit, purpose)
						if err == nil {
							rl.recorded(recorded)
							l.pages.remember(&l.mu, key, n.ids, found)
						}
						return
					}
					if found, err := l.store.MentionedIn(ctx, l.scope, n.ids, n.p.skip, n.p.limit); err == nil {
						l.pages.remember(&l.mu, key, n.ids, found)
					}
				})
			}
		}
		if len(sources) > 0 {
			ids := sources
			wg.Go(func() { _, _ = l.fetchNodes(ctx, ids) })
		}
		wg.Wait()

		// The next level: what the links just read lead to.
		objs, sources = nil, nil
		for _, key := range linkKeys {
			for _, sub := range links[key].subs {
				page, ok := l.knownLinkPage(key, sub.parent)
				if !ok {
					continue
				}
				o, s := linkChildren(oc, sub, page)
				objs, sources = append(objs, o...), append(sources, s...)
			}
		}
	}
}

// linkChildren lists what the selection sub.sel of a LinkConnection asks
// of the page's links: their ends' fields and their sources.
func linkChildren(oc *graphql.OperationContext, sub linkSub, page cypher.LinkPage) ([]ahead, []string) {
	var objs []ahead
	var sources []string
	for _, ef := range graphql.CollectFields(oc, sub.sel, satisfies("LinkConnection")) {
		if ef.Name != "edges" {
			continue
		}
		for _, nf := range graphql.CollectFields(oc, ef.Selections, satisfies("LinkEdge")) {
			if nf.Name != "node" {
				continue
			}
			for _, lf := range graphql.CollectFields(oc, nf.Selections, satisfies("Link")) {
				for _, lr := range page.Items {
					other := ahead{kind: lr.Other.Kind, id: lr.Other.ID(), sel: lf.Selections}
					self := ahead{kind: sub.parentKind, id: sub.parent, sel: lf.Selections}
					switch {
					case lf.Name == "other":
						objs = append(objs, other)
					case lf.Name == "from" && lr.Outgoing, lf.Name == "to" && !lr.Outgoing:
						objs = append(objs, self)
					case lf.Name == "from", lf.Name == "to":
						objs = append(objs, other)
					case lf.Name == "sources":
						sources = append(sources, stringsOf(lr.Props["sources"])...)
					}
				}
			}
		}
	}
	return objs, sources
}

// readAheadPage reads ahead below the records of a page about to be
// returned as a connection's edges.
func (l *Loaders) readAheadPage(ctx context.Context, page cypher.Page) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || len(page.Items) == 0 || !slices.Contains(keyline.EntityKinds, page.Items[0].Kind) || !graphql.HasOperationContext(ctx) {
		return
	}
	oc := graphql.GetOperationContext(ctx)
	var objs []ahead
	for _, ef := range graphql.CollectFields(oc, fc.Field.Selections, nil) {
		if ef.Name != "edges" {
			continue
		}
		for _, nf := range graphql.CollectFields(oc, ef.Selections, nil) {
			if nf.Name != "node" {
				continue
			}
			for _, rec := range page.Items {
				objs = append(objs, ahead{kind: rec.Kind, id: rec.ID(), sel: nf.Selections})
			}
		}
	}
	l.readAhead(ctx, objs, nil)
}

// readAheadLinks reads ahead below a link page about to be returned by
// the links field being resolved.
func (l *Loaders) readAheadLinks(ctx context.Context, parent model.Entity, page cypher.LinkPage) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || len(page.Items) == 0 || !graphql.HasOperationContext(ctx) {
		return
	}
	k, _ := keyline.KindOfID(entityID(parent))
	objs, sources := linkChildren(graphql.GetOperationContext(ctx), linkSub{parent: entityID(parent), parentKind: k, sel: fc.Field.Selections}, page)
	l.readAhead(ctx, objs, sources)
}

func (l *Loaders) knowsLinks(key, parent string) bool {
	_, ok := l.knownLinkPage(key, parent)
	return ok
}

func (l *Loaders) knownLinkPage(key, parent string) (cypher.LinkPage, bool) {
	return l.links.lookup(&l.mu, key, parent)
}

func (l *Loaders) knowsPage(key, parent string) bool {
	_, ok := l.pages.lookup(&l.mu, key, parent)
	return ok
}

// unknownNodes returns the distinct ids not yet read in this request.
func (l *Loaders) unknownNodes(ids []string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, id := range ids {
		if _, ok := l.knownNodes[id]; !ok && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func stringsOf(v any) []string {
	switch x := v.(type) {
	case []string:
		return x
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// pageOf reads first/after as the resolvers get them; ok is false when
// they would not pass validation (the resolver then reports it).
func pageOf(args map[string]any) (pageArgs, bool) {
	first, ok := intArg(args["first"])
	if !ok {
		return pageArgs{}, false
	}
	var after *string
	switch a := args["after"].(type) {
	case nil:
	case string:
		after = &a
	default:
		return pageArgs{}, false
	}
	p, err := parsePage(first, after)
	return p, err == nil
}

// linkQueryOf is entityLinks' LinkQuery for raw field arguments.
func linkQueryOf(args map[string]any) (cypher.LinkQuery, bool) {
	p, ok := pageOf(args)
	if !ok {
		return cypher.LinkQuery{}, false
	}
	lq := cypher.LinkQuery{Skip: p.skip, Limit: p.limit}
	switch f := args["filter"].(type) {
	case nil:
		return lq, true
	case map[string]any:
		if ts, present := f["types"]; present && ts != nil {
			raw, ok := ts.([]any)
			if !ok {
				return lq, false
			}
			types := make([]model.LinkType, 0, len(raw))
			for _, t := range raw {
				s, ok := t.(string)
				if !ok || !model.LinkType(s).IsValid() {
					return lq, false
				}
				types = append(types, model.LinkType(s))
			}
			lq.Types = enumStrings(types)
		}
		if mc, present := f["minConfidence"]; present && mc != nil {
			c, ok := floatArg(mc)
			if !ok || keyline.ValidateConfidence("filter.minConfidence", c) != nil {
				return lq, false
			}
			lq.MinConfidence = c
		}
		for name, dst := range map[string]**time.Time{"seenAfter": &lq.SeenAfter, "seenBefore": &lq.SeenBefore} {
			if v, present := f[name]; present && v != nil {
				s, ok := v.(string)
				if !ok {
					return lq, false
				}
				t, err := graphql.UnmarshalTime(s)
				if err != nil {
					return lq, false
				}
				*dst = &t
			}
		}
		return lq, true
	}
	return lq, false
}

func intArg(v any) (*int, bool) {
	var n int64
	switch x := v.(type) {
	case nil:
		return nil, true
	case int:
		n = int64(x)
	case int64:
		n = x
	case json.Number:
		i, err := x.Int64()
		if err != nil {
			return nil, false
		}
		n = i
	case float64:
		if x != float64(int64(x)) {
			return nil, false
		}
		n = int64(x)
	default:
		return nil, false
	}
	i := int(n)
	return &i, true
}

func floatArg(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int64:
		return float64(x), true
	case int:
		return float64(x), true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	}
	return 0, false
}

// readAheadNodes reads ahead below the nodes a top-level field returns.
func (r *Resolver) readAheadNodes(ctx context.Context, nodes []model.Node) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !uniqueField(ctx) {
		return
	}
	var objs []ahead
	for _, n := range nodes {
		id := entityID(n)
		if k, ok := keyline.KindOfID(id); ok && n != nil {
			objs = append(objs, ahead{kind: k, id: id, sel: fc.Field.Selections})
		}
	}
	if len(objs) > 0 {
		loadersFrom(ctx).readAhead(ctx, objs, nil)
	}
}

// leanNetwork reports whether the network field being resolved asks of
// its entities only id and label (and __typename), and of its links only
// id, type, confidence and their ends (asked no more of): then the store
// need return no other properties (network_hop's $lean). Any other field
// anywhere in the selection means full records.
func leanNetwork(ctx context.Context) bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !graphql.HasOperationContext(ctx) {
		return false
	}
	oc := graphql.GetOperationContext(ctx)
	for _, f := range graphql.CollectFields(oc, fc.Field.Selections, satisfies("Network")) {
		switch f.Name {
		case "__typename", "truncated":
		case "nodes", "frontier":
			if !leanEntities(oc, f.Selections) {
				return false
			}
		case "links":
			for _, lf := range graphql.CollectFields(oc, f.Selections, satisfies("Link")) {
				switch lf.Name {
				case "__typename", "id", "type", "confidence":
				case "from", "to", "other":
					if !leanEntities(oc, lf.Selections) {
						return false
					}
				default:
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

func leanEntities(oc *graphql.OperationContext, sel ast.SelectionSet) bool {
	for _, k := range keyline.EntityKinds {
		for _, f := range graphql.CollectFields(oc, sel, satisfies(string(k))) {
			switch f.Name {
			case "__typename", "id", "label":
			default:
				return false
			}
		}
	}
	return true
}
