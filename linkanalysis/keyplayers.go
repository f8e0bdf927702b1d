package linkanalysis

import (
	"context"
	"slices"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/analysis"
)

// KeyPlayersQuestion asks who matters most in a bounded network: an
// operation's, an organisation's (hops out from it) or the one around
// some entities. Exactly one of OperationID, OrganisationID and SeedIDs is
// given; nil numbers take their defaults.
type KeyPlayersQuestion struct {
	OperationID    *string
	OrganisationID *string
	SeedIDs        []string // at most 50
	Hops           *int     // for OrganisationID and SeedIDs, 1 to 3 (2)
	NodeBudget     *int     // most entities analysed, 1 to 2000 (500)
	First          *int     // how many to rank, 1 to 200 (20)
	Filter         *Filter
	RankBy         *analysis.Measure // betweenness when nil
}

// KeyPlayers is the answer to a KeyPlayersQuestion.
type KeyPlayers struct {
	// Network is the network analysed.
	Network  Network
	RankedBy analysis.Measure
	// Ranked are the first entities asked for, best first.
	Ranked []analysis.Score
	// Communities are the network's communities, largest first.
	Communities []analysis.Community
	// Community gives each entity's community id.
	Community  map[string]int
	Modularity float64
	// LinkCount is how many distinct pairs of entities are linked.
	LinkCount int
}

// keyPlayerBounds is a validated KeyPlayersQuestion's numbers.
type keyPlayerBounds struct {
	expansion
	first int
	by    analysis.Measure
}

func (q KeyPlayersQuestion) validate() (keyPlayerBounds, error) {
	var b keyPlayerBounds
	if !exactlyOne(q.OperationID != nil, q.OrganisationID != nil, len(q.SeedIDs) > 0) {
		return b, keyline.FieldErrorf("input", "give exactly one of operationId, organisationId and seedIds")
	}
	var err error
	if b.hops, err = keyline.IntIn("input.hops", q.Hops, 2, 1, 3); err != nil {
		return b, err
	}
	if b.budget, err = keyline.IntIn("input.nodeBudget", q.NodeBudget, 500, 1, 2000); err != nil {
		return b, err
	}
	if b.first, err = keyline.IntIn("input.first", q.First, 20, 1, 200); err != nil {
		return b, err
	}
	if b.filter, err = q.Filter.linkFilter(); err != nil {
		return b, err
	}
	b.by = analysis.MeasureBetweenness
	if q.RankBy != nil {
		b.by = *q.RankBy
	}
	return b, nil
}

// KeyPlayers reads the question's network and ranks its entities by
// centrality, with its communities.
func (s *Service) KeyPlayers(ctx context.Context, c Caller, q KeyPlayersQuestion) (KeyPlayers, error) {
	net, b, err := s.keyPlayerChart(ctx, c, q)
	if err != nil {
		return KeyPlayers{}, err
	}
	g := graphOf(net)
	part := analysis.Communities(g)
	out := KeyPlayers{Network: net, RankedBy: b.by, Community: part.Community, Modularity: part.Modularity,
		LinkCount: linkedPairs(g)}
	scores := analysis.Rank(analysis.Centrality(g), b.by)
	out.Ranked = scores[:min(b.first, len(scores))]
	out.Communities = slices.Clone(part.Communities)
	slices.SortStableFunc(out.Communities, func(x, y analysis.Community) int { return len(y.Members) - len(x.Members) })
	return out, nil
}

// keyPlayerChart checks a key-player question and reads the network it
// analyses. The chart export reads its chart here too, so it charts
// exactly what the question analyses.
func (s *Service) keyPlayerChart(ctx context.Context, c Caller, q KeyPlayersQuestion) (Network, keyPlayerBounds, error) {
	a, err := s.asker(c)
	if err != nil {
		return Network{}, keyPlayerBounds{}, err
	}
	b, err := q.validate()
	if err != nil {
		return Network{}, b, err
	}
	net, err := s.keyPlayerNetwork(ctx, a, q, b.expansion)
	return net, b, err
}

// keyPlayerNetwork reads the network a key-player question analyses (and
// its chart draws).
func (s *Service) keyPlayerNetwork(ctx context.Context, a asker, q KeyPlayersQuestion, x expansion) (Network, error) {
	switch {
	case q.OperationID != nil:
		if err := a.canReadOperation(*q.OperationID); err != nil {
			return Network{}, err
		}
		recs, links, truncated, err := s.Store.OperationNetwork(ctx, a.scope, *q.OperationID, x.budget, x.filter)
		return Network{Entities: recs, Links: links, Truncated: truncated}, err
	case q.OrganisationID != nil:
		if err := keyline.RequireKind("input.organisationId", *q.OrganisationID, keyline.KindOrganisation); err != nil {
			return Network{}, err
		}
		seeds, err := a.entities(ctx, "input.organisationId", []string{*q.OrganisationID})
		if err != nil {
			return Network{}, err
		}
		return s.expand(ctx, a, []string{*q.OrganisationID}, seeds, x)
	default:
		if len(q.SeedIDs) > 50 {
			return Network{}, keyline.FieldErrorf("input.seedIds", "at most 50 entities")
		}
		seeds, err := a.entities(ctx, "input.seedIds", q.SeedIDs)
		if err != nil {
			return Network{}, err
		}
		return s.expand(ctx, a, q.SeedIDs, seeds, x)
	}
}

// graphOf is the network as the centrality and community algorithms read
// it.
func graphOf(net Network) keyline.Graph {
	var g keyline.Graph
	for _, rec := range net.Entities {
		g.Nodes = append(g.Nodes, keyline.GraphNode{ID: rec.ID()})
	}
	for _, lr := range net.Links {
		g.Edges = append(g.Edges, keyline.GraphEdge{ID: linkID(lr), Type: lr.Type, From: lr.From.ID(), To: lr.To.ID(), Confidence: confidence(lr)})
	}
	return g
}

// linkedPairs counts the distinct pairs of entities the chart links.
func linkedPairs(g keyline.Graph) int {
	pairs := map[[2]string]bool{}
	for _, e := range g.Edges {
		a, b := min(e.From, e.To), max(e.From, e.To)
		if a != b {
			pairs[[2]string{a, b}] = true
		}
	}
	return len(pairs)
}
