package resolvers

import (
	"context"
	"strings"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/graph/model"
)

// AnalysisGraph runs a link-analysis question (the parameters of a saved
// search of that kind) for the actor in ctx and returns the result as a
// chart graph with every link's sources and their grading, for export.
// The same resolvers and checks serve it as serve the GraphQL API, with
// the same parameters, so a chart holds exactly the entities and links of
// the question's answer: the paths' entities and links; the network's
// entities and links; the shared entities, their supporting links and the
// entities asked about at those links' other ends; the key-player
// question's analysed chart.
func (r *Resolver) AnalysisGraph(ctx context.Context, kind model.SavedSearchKind, params []byte) (keyline.Graph, error) {
	ctx = withReadLog(WithLoaders(ctx, r.Store))
	in, err := decodeParams(kind, params)
	if err != nil {
		return keyline.Graph{}, err
	}
	q := &queryResolver{r}
	var nodes []model.Entity
	var links []*model.Link
	switch x := in.(type) {
	case *model.PathsInput:
		res, err := q.paths(ctx, *x)
		if err != nil {
			return keyline.Graph{}, err
		}
		for _, p := range res.Paths {
			nodes = append(nodes, p.Nodes...)
			links = append(links, p.Links...)
		}
	case *model.NetworkInput:
		res, err := q.network(ctx, *x)
		if err != nil {
			return keyline.Graph{}, err
		}
		nodes, links = res.Nodes, res.Links
	case *model.CommonLinksInput:
		res, err := q.commonLinks(ctx, *x)
		if err != nil {
			return keyline.Graph{}, err
		}
		// The answer's entities and links: each shared entity, its
		// supporting links, and the entities asked about at their other
		// ends. Co-mentions are intelligence items, not links, so they are
		// not charted; nor is an entity asked about that shares nothing.
		for _, s := range res.Shared {
			nodes = append(nodes, s.Entity)
			for _, l := range s.Links {
				nodes = append(nodes, l.FromEntity, l.ToEntity)
				links = append(links, l)
			}
		}
	case *model.KeyPlayersInput:
		// The chart the question analyses, read with the question's own
		// checks and parameters (operationId, organisationId or seedIds;
		// hops, nodeBudget, filter).
		net, _, _, err := q.keyPlayerChart(ctx, *x)
		if err != nil {
			return keyline.Graph{}, err
		}
		nodes, links = net.Nodes, net.Links
	default:
		return keyline.Graph{}, keyline.FieldErrorf("kind", "a %s search has no chart to export", kind)
	}
	g, err := chartOf(ctx, nodes, links)
	if err != nil {
		return g, err
	}
	return g, flushReads(ctx, r.Store)
}

// chartOf converts entities and links into a chart, de-duplicated, with
// each link's sources loaded (in one batch) and graded.
func chartOf(ctx context.Context, nodes []model.Entity, links []*model.Link) (keyline.Graph, error) {
	var g keyline.Graph
	// One batch for every entity and source on the chart; the loops below
	// then read the loader's cache.
	var ids []string
	for _, n := range nodes {
		if n != nil {
			ids = append(ids, entityID(n))
		}
	}
	for _, l := range links {
		ids = append(ids, l.SourceIDs...)
	}
	recs, err := loadersFrom(ctx).NodesMaybe(ctx, ids)
	if err != nil {
		return g, err
	}
	seen := map[string]bool{}
	for _, n := range nodes {
		if n == nil || seen[entityID(n)] {
			continue
		}
		id := entityID(n)
		seen[id] = true
		kind, _ := keyline.KindOfID(id)
		rec, ok := recs[id]
		if !ok {
			return g, keyline.ErrNotFound(id)
		}
		label, _ := rec.Props["label"].(string)
		g.Nodes = append(g.Nodes, keyline.GraphNode{ID: id, Kind: kind, Label: label, Props: chartProps(rec.Props)})
	}
	seenLink := map[string]bool{}
	for _, l := range links {
		if seenLink[l.ID] {
			continue
		}
		seenLink[l.ID] = true
		e := keyline.GraphEdge{ID: l.ID, Type: string(l.Type), From: entityID(l.FromEntity), To: entityID(l.ToEntity),
			Confidence: l.Confidence, FirstSeen: l.FirstSeen, LastSeen: l.LastSeen}
		sources, err := linkSources(ctx, l)
		if err != nil {
			return g, err
		}
		for _, s := range sources {
			switch x := s.(type) {
			case *model.IntelligenceItem:
				e.Sources = append(e.Sources, keyline.SourceRef{ID: x.ID, Kind: keyline.KindIntelligenceItem, Reference: x.Urn, Grading: x.Grade()})
			case *model.Exhibit:
				e.Sources = append(e.Sources, keyline.SourceRef{ID: x.ID, Kind: keyline.KindExhibit, Reference: x.Reference})
			}
		}
		g.Edges = append(g.Edges, e)
	}
	return g, nil
}

// chartProps keeps the descriptive properties a chart shows, never the
// bookkeeping or search text.
func chartProps(p map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range p {
		switch {
		case strings.HasSuffix(k, "At") && k != "occurredAt", k == "searchText", k == "version", k == "updatedBy", k == "operationId", k == "label", k == "id":
			continue
		}
		out[k] = v
	}
	return out
}
