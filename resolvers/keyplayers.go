package resolvers

import (
	"context"
	"slices"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/analysis"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
)

var measures = map[model.CentralityMeasure]analysis.Measure{
	model.CentralityMeasureDegree: analysis.MeasureDegree, model.CentralityMeasureBetweenness: analysis.MeasureBetweenness,
	model.CentralityMeasureCloseness: analysis.MeasureCloseness, model.CentralityMeasureEigenvector: analysis.MeasureEigenvector,
}

// keyPlayers reads a bounded network (an operation's, an organisation's or
// an expansion's) and ranks its entities by centrality, with communities.
func (r *queryResolver) keyPlayers(ctx context.Context, in model.KeyPlayersInput) (*model.KeyPlayers, error) {
	net, first, by, err := r.keyPlayerChart(ctx, in)
	if err != nil {
		return nil, err
	}
	g := keyline.Graph{}
	byID := map[string]model.Entity{}
	for _, n := range net.Nodes {
		id := entityID(n)
		byID[id] = n
		g.Nodes = append(g.Nodes, keyline.GraphNode{ID: id})
	}
	for _, l := range net.Links {
		g.Edges = append(g.Edges, keyline.GraphEdge{ID: l.ID, Type: string(l.Type), From: entityID(l.FromEntity), To: entityID(l.ToEntity), Confidence: l.Confidence})
	}
	scores := analysis.Rank(analysis.Centrality(g), measures[by])
	part := analysis.Communities(g)
	out := &model.KeyPlayers{NodeCount: len(g.Nodes), Truncated: net.Truncated, RankedBy: by, Modularity: part.Modularity,
		Ranked: []*model.KeyPlayer{}, Communities: []*model.NetworkCommunity{}}
	pairs := map[[2]string]bool{}
	for _, e := range g.Edges {
		a, b := min(e.From, e.To), max(e.From, e.To)
		if a != b {
			pairs[[2]string{a, b}] = true
		}
	}
	out.LinkCount = len(pairs)
	for i, s := range scores[:min(first, len(scores))] {
		out.Ranked = append(out.Ranked, &model.KeyPlayer{Rank: i + 1, Entity: byID[s.NodeID], Degree: s.Degree,
			DegreeCentrality: s.DegreeCentrality, Betweenness: s.Betweenness, Closeness: s.Closeness,
			Eigenvector: s.Eigenvector, Community: part.Community[s.NodeID]})
	}
	comms := slices.Clone(part.Communities)
	slices.SortStableFunc(comms, func(a, b analysis.Community) int { return len(b.Members) - len(a.Members) })
	for _, c := range comms {
		nc := &model.NetworkCommunity{ID: c.ID, Size: len(c.Members)}
		for _, m := range c.Members {
			nc.Members = append(nc.Members, byID[m])
		}
		out.Communities = append(out.Communities, nc)
	}
	return out, nil
}

// keyPlayerChart checks a key-player question and reads the chart it
// analyses, with how many to rank and by what. The chart export reads its
// chart here too, so it charts exactly what the question analyses.
func (r *queryResolver) keyPlayerChart(ctx context.Context, in model.KeyPlayersInput) (net *model.Network, first int, by model.CentralityMeasure, err error) {
	given := 0
	for _, ok := range []bool{in.OperationID != nil, in.OrganisationID != nil, len(in.SeedIds) > 0} {
		if ok {
			given++
		}
	}
	if given != 1 {
		return nil, 0, "", keyline.FieldErrorf("input", "give exactly one of operationId, organisationId and seedIds")
	}
	hops, err := intIn("input.hops", in.Hops, 2, 1, 3)
	if err != nil {
		return nil, 0, "", err
	}
	budget, err := intIn("input.nodeBudget", in.NodeBudget, 500, 1, 2000)
	if err != nil {
		return nil, 0, "", err
	}
	first, err = intIn("input.first", in.First, 20, 1, 200)
	if err != nil {
		return nil, 0, "", err
	}
	f, err := traversalFilter(in.Filter)
	if err != nil {
		return nil, 0, "", err
	}
	by = model.CentralityMeasureBetweenness
	if in.RankBy != nil {
		by = *in.RankBy
	}
	net, err = r.keyPlayerNetwork(ctx, in, hops, budget, f)
	return net, first, by, err
}

func (r *queryResolver) keyPlayerNetwork(ctx context.Context, in model.KeyPlayersInput, hops, budget int, f cypher.LinkFilter) (*model.Network, error) {
	switch {
	case in.OperationID != nil:
		a, err := currentActor(ctx)
		if err != nil {
			return nil, err
		}
		if !a.CanRead(*in.OperationID) {
			return nil, keyline.ErrNotFound(*in.OperationID)
		}
		recs, links, truncated, err := r.Store.OperationNetwork(ctx, loadersFrom(ctx).scope, *in.OperationID, budget, f)
		if err != nil {
			return nil, err
		}
		net := &model.Network{Truncated: truncated}
		ends := map[string]model.Entity{}
		for _, rec := range recs {
			e, err := decodeEntity(rec)
			if err != nil {
				return nil, err
			}
			ends[rec.ID()] = e
			net.Nodes = append(net.Nodes, e)
		}
		for _, lr := range links {
			l, err := linkBetween(lr, ends)
			if err != nil {
				return nil, err
			}
			net.Links = append(net.Links, l)
		}
		return net, nil
	case in.OrganisationID != nil:
		if err := requireKind("input.organisationId", *in.OrganisationID, keyline.KindOrganisation); err != nil {
			return nil, err
		}
		seeds, err := entities(ctx, "input.organisationId", []string{*in.OrganisationID})
		if err != nil {
			return nil, err
		}
		return r.expand(ctx, []string{*in.OrganisationID}, seeds, hops, budget, f, false)
	default:
		if len(in.SeedIds) > 50 {
			return nil, keyline.FieldErrorf("input.seedIds", "at most 50 entities")
		}
		seeds, err := entities(ctx, "input.seedIds", in.SeedIds)
		if err != nil {
			return nil, err
		}
		return r.expand(ctx, in.SeedIds, seeds, hops, budget, f, false)
	}
}
