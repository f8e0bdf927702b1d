package resolvers

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
)

// Link analysis resolvers. Every traversal is bounded three ways: hops
// (validated here), results (budgets and limits here and in the Cypher),
// and time (the store's analysis timeout).

var kindLabels = map[model.EntityKind]keyline.Kind{
	model.EntityKindPerson: keyline.KindPerson, model.EntityKindOrganisation: keyline.KindOrganisation,
	model.EntityKindLocation: keyline.KindLocation, model.EntityKindVehicle: keyline.KindVehicle,
	model.EntityKindCommsDevice: keyline.KindCommsDevice, model.EntityKindEvent: keyline.KindEvent,
}

func labelsOf(kinds []model.EntityKind) []string {
	out := []string{}
	for _, k := range kinds {
		out = append(out, string(kindLabels[k]))
	}
	return out
}

// traversalFilter validates a client filter into the store's.
func traversalFilter(f *model.TraversalFilter) (cypher.LinkFilter, error) {
	var lf cypher.LinkFilter
	if f == nil {
		return lf, nil
	}
	lf.Types = enumStrings(f.LinkTypes)
	if f.MinConfidence != nil {
		if err := keyline.ValidateConfidence("input.filter.minConfidence", *f.MinConfidence); err != nil {
			return lf, err
		}
		lf.MinConfidence = *f.MinConfidence
	}
	if f.SeenAfter != nil && f.SeenBefore != nil && f.SeenBefore.Before(*f.SeenAfter) {
		return lf, keyline.FieldErrorf("input.filter.seenBefore", "the time window ends before it starts")
	}
	lf.SeenAfter, lf.SeenBefore = f.SeenAfter, f.SeenBefore
	lf.Avoid, lf.Through = labelsOf(f.AvoidKinds), labelsOf(f.ThroughKinds)
	if f.MaxDegree != nil {
		if *f.MaxDegree < 0 {
			return lf, keyline.FieldErrorf("input.filter.maxDegree", "must not be negative")
		}
		lf.MaxDegree = *f.MaxDegree
	}
	return lf, nil
}

// DefaultPathMaxDegree is the hub limit of a path search when the caller
// gives none.
const DefaultPathMaxDegree = 1000

func intIn(field string, v *int, def, lo, hi int) (int, error) {
	if v == nil {
		return def, nil
	}
	if *v < lo || *v > hi {
		return 0, keyline.FieldErrorf(field, "must be between %d and %d", lo, hi)
	}
	return *v, nil
}

// entities loads and checks that ids name entities the caller may see.
func entities(ctx context.Context, field string, ids []string) (map[string]model.Entity, error) {
	out := make(map[string]model.Entity, len(ids))
	fieldOf := func(i int) string {
		if len(ids) > 1 {
			return fmt.Sprintf("%s[%d]", field, i)
		}
		return field
	}
	for i, id := range ids {
		if err := requireKind(fieldOf(i), id, keyline.EntityKinds...); err != nil {
			return nil, err
		}
	}
	recs, err := loadersFrom(ctx).NodesMaybe(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i, id := range ids {
		f := fieldOf(i)
		rec, ok := recs[id]
		if !ok {
			return nil, &keyline.Error{Code: keyline.CodeNotFound, Field: f, Message: "no such entity: " + id}
		}
		e, err := decodeEntity(rec)
		if err != nil {
			return nil, err
		}
		out[id] = e
	}
	return out, nil
}

// visibleEnds checks, in one read, that the ids (by field, checked in
// the order given) name entities the caller may see.
func visibleEnds(ctx context.Context, ids map[string]string, order ...string) error {
	var all []string
	for _, f := range order {
		all = append(all, ids[f])
	}
	recs, err := loadersFrom(ctx).NodesMaybe(ctx, all)
	if err != nil {
		return err
	}
	for _, f := range order {
		rec, ok := recs[ids[f]]
		if !ok {
			return &keyline.Error{Code: keyline.CodeNotFound, Field: f, Message: "no such entity: " + ids[f]}
		}
		if _, err := decodeEntity(rec); err != nil {
			return err
		}
	}
	return nil
}

// linkBetween builds a Link model whose ends are already decoded.
func linkBetween(lr cypher.LinkRecord, ends map[string]model.Entity) (*model.Link, error) {
	l := &model.Link{}
	if err := decodeInto(lr.Props, l); err != nil {
		return nil, err
	}
	l.Type = model.LinkType(lr.Type)
	l.FromEntity, l.ToEntity = ends[lr.From.ID()], ends[lr.To.ID()]
	if l.FromEntity == nil || l.ToEntity == nil {
		return nil, fmt.Errorf("link %s: an end is missing from the result", l.ID)
	}
	l.Viewpoint = lr.From.ID()
	return l, nil
}

func (r *queryResolver) paths(ctx context.Context, in model.PathsInput) (*model.PathsResult, error) {
	hops, err := intIn("input.maxHops", in.MaxHops, 6, 1, cypher.MaxPathHops)
	if err != nil {
		return nil, err
	}
	k, err := intIn("input.k", in.K, 3, 1, cypher.MaxPaths)
	if err != nil {
		return nil, err
	}
	limit, err := intIn("input.limit", in.Limit, 10, 1, 50)
	if err != nil {
		return nil, err
	}
	f, err := traversalFilter(in.Filter)
	if err != nil {
		return nil, err
	}
	if in.Filter == nil || in.Filter.MaxDegree == nil {
		f.MaxDegree = DefaultPathMaxDegree
	}
	if in.FromID == in.ToID {
		return nil, keyline.FieldErrorf("input.toId", "a path needs two different entities")
	}
	if err := requireKind("input.fromId", in.FromID, keyline.EntityKinds...); err != nil {
		return nil, err
	}
	if err := requireKind("input.toId", in.ToID, keyline.EntityKinds...); err != nil {
		return nil, err
	}
	mode := cypher.PathMode(in.Mode)
	// wanted is how many distinct routes to ask for: one more than the
	// limit for ALL_SHORTEST, to tell whether more existed.
	wanted := 1
	switch mode {
	case cypher.PathsKShortest:
		wanted = k
	case cypher.PathsAllShortest:
		wanted = limit + 1
	}
	// The path statement applies the caller's scope to both ends itself,
	// so a path found needs no visibility read first; only when none is
	// found is it worth telling an end the caller may not see from no path.
	found, err := r.Store.Paths(ctx, loadersFrom(ctx).scope, in.FromID, in.ToID, mode, k, hops, wanted, f)
	if err != nil {
		return nil, err
	}
	if len(found.Routes) == 0 {
		if err := visibleEnds(ctx, map[string]string{"input.fromId": in.FromID, "input.toId": in.ToID}, "input.fromId", "input.toId"); err != nil {
			return nil, err
		}
	}
	routes := found.Routes[:min(len(found.Routes), limit)]
	res := &model.PathsResult{Paths: []*model.Path{}, Truncated: pathsTruncated(mode, found, k, limit)}
	var stepLinks [][]cypher.LinkRecord
	var pairs [][2]string
	if len(routes) > 0 && pathStepsAsked(ctx) {
		pairs = routePairs(routes)
		if stepLinks, err = r.Store.PathSteps(ctx, loadersFrom(ctx).scope, pairs, f); err != nil {
			return nil, err
		}
	}
	pairIndex := make(map[[2]string]int, len(pairs))
	for i, p := range pairs {
		pairIndex[p] = i
	}
	for _, p := range routes {
		ends := map[string]model.Entity{}
		path := &model.Path{Length: len(p.Links), Steps: []*model.PathStep{}}
		for _, rec := range p.Nodes {
			e, err := decodeEntity(rec)
			if err != nil {
				return nil, err
			}
			ends[rec.ID()] = e
			path.Nodes = append(path.Nodes, e)
		}
		for _, lr := range p.Links {
			l, err := linkBetween(lr, ends)
			if err != nil {
				return nil, err
			}
			path.Links = append(path.Links, l)
		}
		if stepLinks != nil {
			for i := 0; i+1 < len(p.Nodes); i++ {
				step := &model.PathStep{From: path.Nodes[i], To: path.Nodes[i+1], Links: []*model.Link{}}
				lrs := stepLinks[pairIndex[[2]string{p.Nodes[i].ID(), p.Nodes[i+1].ID()}]]
				for _, lr := range lrs {
					l, err := linkBetween(lr, ends)
					if err != nil {
						return nil, err
					}
					step.Links = append(step.Links, l)
				}
				if len(step.Links) == 0 && i < len(path.Links) {
					// Read in a later snapshot than the route: keep the
					// link the search followed.
					step.Links = append(step.Links, path.Links[i])
				}
				path.Steps = append(path.Steps, step)
			}
		}
		res.Paths = append(res.Paths, path)
	}
	return res, nil
}

// pathsTruncated says whether more routes existed than a path search
// returns: for K_SHORTEST, more than limit of the k found, or fewer than
// k found because the candidate cap stopped the search; for ALL_SHORTEST,
// more than limit found, or the cap reached (the paths beyond it may hold
// further routes).
func pathsTruncated(mode cypher.PathMode, found cypher.PathsFound, k, limit int) bool {
	switch mode {
	case cypher.PathsKShortest:
		return min(found.Found, k) > limit || (found.Capped && found.Found < k)
	case cypher.PathsAllShortest:
		return found.Found > limit || found.Capped
	}
	return false
}

// routePairs lists each step (pair of consecutive entity ids) of the
// routes once.
func routePairs(routes []cypher.PathRecord) [][2]string {
	var pairs [][2]string
	seen := map[[2]string]bool{}
	for _, p := range routes {
		for i := 0; i+1 < len(p.Nodes); i++ {
			pr := [2]string{p.Nodes[i].ID(), p.Nodes[i+1].ID()}
			if !seen[pr] {
				seen[pr] = true
				pairs = append(pairs, pr)
			}
		}
	}
	return pairs
}

// pathStepsAsked says whether the selection of a paths question (or of a
// saved search run as one) asks for its paths' steps, which cost a second
// read (every link of each step); the chart export never does.
func pathStepsAsked(ctx context.Context) bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !graphql.HasOperationContext(ctx) {
		return false
	}
	oc := graphql.GetOperationContext(ctx)
	for _, f := range graphql.CollectFields(oc, fc.Field.Selections, satisfies("PathsResult")) {
		if f.Name != "paths" {
			continue
		}
		for _, pf := range graphql.CollectFields(oc, f.Selections, satisfies("Path")) {
			if pf.Name == "steps" {
				return true
			}
		}
	}
	return false
}

// network expands breadth-first from the seeds, one bounded query per
// hop, until the hops or the node budget run out.
func (r *queryResolver) network(ctx context.Context, in model.NetworkInput) (*model.Network, error) {
	hops, err := intIn("input.hops", in.Hops, 2, 1, 3)
	if err != nil {
		return nil, err
	}
	budget, err := intIn("input.nodeBudget", in.NodeBudget, 500, 1, 2000)
	if err != nil {
		return nil, err
	}
	f, err := traversalFilter(in.Filter)
	if err != nil {
		return nil, err
	}
	if len(in.SeedIds) == 0 || len(in.SeedIds) > 50 {
		return nil, keyline.FieldErrorf("input.seedIds", "give 1 to 50 entities")
	}
	seeds, err := entities(ctx, "input.seedIds", in.SeedIds)
	if err != nil {
		return nil, err
	}
	g, err := r.expand(ctx, in.SeedIds, seeds, hops, budget, f, leanNetwork(ctx))
	if err != nil {
		return nil, err
	}
	return g, nil
}

// expand grows the network hop by hop. lean asks the store for only the
// properties leanNetwork allows (the caller's selection needs no more).
func (r *Resolver) expand(ctx context.Context, seedIDs []string, seeds map[string]model.Entity, hops, budget int, f cypher.LinkFilter, lean bool) (*model.Network, error) {
	net := &model.Network{Nodes: []model.Entity{}, Links: []*model.Link{}, Frontier: []model.Entity{}}
	ends := map[string]model.Entity{}
	for _, id := range seedIDs {
		if _, dup := ends[id]; !dup && len(ends) < budget {
			ends[id] = seeds[id]
			net.Nodes = append(net.Nodes, seeds[id])
		}
	}
	linkSeen := map[string]bool{}
	cut := map[string]bool{}
	frontier := slices.Clone(seedIDs)
	for hop := 1; hop <= hops && len(frontier) > 0; hop++ {
		// Ask only for what the remaining budget can use: a share of it per
		// frontier entity (so hubs cannot crowd others out), and a few
		// times it in all (links among kept entities are wanted too).
		remaining := budget - len(ends)
		perNode := min(budget, max(20, 4*remaining/len(frontier)+1))
		limit := max(8*remaining, 200)
		rows, err := r.Store.ExpandHop(ctx, loadersFrom(ctx).scope, frontier, f, perNode, limit, lean)
		if err != nil {
			return nil, err
		}
		perFrontier := map[string]int{}
		for _, row := range rows {
			perFrontier[row.FromFrontier]++
		}
		for id, n := range perFrontier {
			if n >= perNode {
				cut[id] = true
				net.Truncated = true
			}
		}
		if len(rows) >= limit {
			net.Truncated = true
			for _, id := range frontier {
				cut[id] = true
			}
		}
		var next []string
		for _, row := range rows {
			other := row.Other.ID()
			if _, ok := ends[other]; !ok {
				if len(ends) >= budget {
					net.Truncated = true
					cut[row.FromFrontier] = true
					continue
				}
				e, err := decodeEntity(row.Other)
				if err != nil {
					return nil, err
				}
				ends[other] = e
				net.Nodes = append(net.Nodes, e)
				next = append(next, other)
			}
			if linkSeen[row.Link.Props["id"].(string)] {
				continue
			}
			linkSeen[row.Link.Props["id"].(string)] = true
			l, err := linkBetween(row.Link, ends)
			if err != nil {
				return nil, err
			}
			net.Links = append(net.Links, l)
		}
		frontier = next
	}
	for id := range cut {
		net.Frontier = append(net.Frontier, ends[id])
	}
	slices.SortFunc(net.Frontier, func(a, b model.Entity) int { return cmpString(entityID(a), entityID(b)) })
	return net, nil
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (r *queryResolver) commonLinks(ctx context.Context, in model.CommonLinksInput) (*model.CommonLinks, error) {
	if len(in.EntityIds) < 2 || len(in.EntityIds) > 20 {
		return nil, keyline.FieldErrorf("input.entityIds", "give 2 to 20 entities")
	}
	minShared, err := intIn("input.minShared", in.MinShared, 2, 2, len(in.EntityIds))
	if err != nil {
		return nil, err
	}
	limit, err := intIn("input.limit", in.Limit, 50, 1, 200)
	if err != nil {
		return nil, err
	}
	f, err := traversalFilter(in.Filter)
	if err != nil {
		return nil, err
	}
	ends, err := entities(ctx, "input.entityIds", in.EntityIds)
	if err != nil {
		return nil, err
	}
	sc := loadersFrom(ctx).scope
	shared, err := r.Store.CommonNeighbours(ctx, sc, in.EntityIds, minShared, limit, f)
	if err != nil {
		return nil, err
	}
	out := &model.CommonLinks{Shared: []*model.SharedEntity{}, CoMentions: []*model.CoMention{}}
	for _, sh := range shared {
		e, err := decodeEntity(sh.Entity)
		if err != nil {
			return nil, err
		}
		withShared := map[string]model.Entity{sh.Entity.ID(): e}
		for id, x := range ends {
			withShared[id] = x
		}
		se := &model.SharedEntity{Entity: e, LinkedTo: sh.Linked, Count: len(sh.Linked)}
		for _, lr := range sh.Links {
			l, err := linkBetween(lr, withShared)
			if err != nil {
				return nil, err
			}
			se.Links = append(se.Links, l)
		}
		out.Shared = append(out.Shared, se)
	}
	mentions, err := r.Store.CommonMentions(ctx, sc, in.EntityIds, limit)
	if err != nil {
		return nil, err
	}
	for _, m := range mentions {
		it, err := decodeAs[*model.IntelligenceItem](m.Item)
		if err != nil {
			return nil, err
		}
		noteItemsRead(ctx, it)
		out.CoMentions = append(out.CoMentions, &model.CoMention{Item: it, EntityIds: m.Entities})
	}
	return out, nil
}

func (r *queryResolver) coLocation(ctx context.Context, in model.CoLocationInput) ([]*model.CoLocation, error) {
	window, err := intIn("input.windowMinutes", in.WindowMinutes, 60, 0, 7*24*60)
	if err != nil {
		return nil, err
	}
	if !in.To.After(in.From) {
		return nil, keyline.FieldErrorf("input.to", "the period ends before it starts")
	}
	if len(in.EntityIds) > 50 {
		return nil, keyline.FieldErrorf("input.entityIds", "at most 50 entities")
	}
	a, err := currentActor(ctx)
	if err != nil {
		return nil, err
	}
	if !a.CanRead(in.OperationID) {
		return nil, keyline.ErrNotFound(in.OperationID)
	}
	meetings, err := r.Store.CoLocation(ctx, loadersFrom(ctx).scope, in.OperationID, in.EntityIds, in.From, in.To, minutes(window))
	if err != nil {
		return nil, err
	}
	out := make([]*model.CoLocation, 0, len(meetings))
	for _, m := range meetings {
		place, err := decodeEntity(m.Place)
		if err != nil {
			return nil, err
		}
		c := &model.CoLocation{Place: place, FirstSeen: m.FirstSeen, LastSeen: m.LastSeen}
		for _, rec := range m.Entities {
			e, err := decodeEntity(rec)
			if err != nil {
				return nil, err
			}
			c.Entities = append(c.Entities, e)
		}
		out = append(out, c)
	}
	return out, nil
}

func (r *queryResolver) timeline(ctx context.Context, in model.TimelineInput) ([]*model.TimelineEntry, error) {
	if len(in.EntityIds) == 0 || len(in.EntityIds) > 50 {
		return nil, keyline.FieldErrorf("input.entityIds", "give 1 to 50 entities")
	}
	limit, err := intIn("input.limit", in.Limit, 200, 1, 1000)
	if err != nil {
		return nil, err
	}
	if _, err := entities(ctx, "input.entityIds", in.EntityIds); err != nil {
		return nil, err
	}
	contacts := in.IncludeContacts == nil || *in.IncludeContacts
	rows, err := r.Store.Timeline(ctx, loadersFrom(ctx).scope, in.EntityIds, in.From, in.To, enumStrings(in.EventKinds), contacts, limit)
	if err != nil {
		return nil, err
	}
	out := make([]*model.TimelineEntry, 0, len(rows))
	// Each contact of a link is its own entry: the link is decoded once
	// and shared by them.
	links := map[string]*model.Link{}
	for _, row := range rows {
		e := &model.TimelineEntry{At: row.At, Entry: row.Entry}
		if row.Event != nil {
			if e.Event, err = decodeAs[*model.Event](*row.Event); err != nil {
				return nil, err
			}
		}
		if row.Link != nil {
			id, _ := row.Link.Props["id"].(string)
			if l, ok := links[id]; ok && id != "" {
				e.Link = l
			} else {
				ids := []string{row.Link.From.ID(), row.Link.To.ID()}
				ends, err := entities(ctx, "link", ids)
				if err != nil {
					return nil, err
				}
				if e.Link, err = linkBetween(*row.Link, ends); err != nil {
					return nil, err
				}
				links[id] = e.Link
			}
		}
		out = append(out, e)
	}
	return out, nil
}

func minutes(n int) time.Duration { return time.Duration(n) * time.Minute }
