package linkanalysis

import (
	"context"
	"slices"
	"strings"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

// NetworkQuestion asks for the network around some entities, breadth
// first. Nil numbers take their defaults.
type NetworkQuestion struct {
	SeedIDs    []string // 1 to 50
	Hops       *int     // 1 to 3 (2)
	NodeBudget *int     // most entities, 1 to 2000 (500)
	Filter     *Filter
	// Detail is how much of each entity and link to read: LeanDetail when
	// only names and strengths will be shown.
	Detail cypher.Detail
}

// Network is a network read around seeds: its entities (seeds first, then
// in the order reached) and the links among them, each link's ends (From,
// To) ids of Entities.
type Network struct {
	Entities []cypher.Record
	Links    []cypher.LinkRecord
	// Frontier lists, by id, the entities whose links were cut short by a
	// budget or limit: the places to expand from next.
	Frontier []string
	// Truncated says the network was cut short.
	Truncated bool
}

// expansion is a validated network's bounds.
type expansion struct {
	hops, budget int
	filter       cypher.LinkFilter
	detail       cypher.Detail
}

// ExpandNetwork grows the network around the seeds breadth first, one
// bounded read per hop, until the hops or the entity budget run out.
func (s *Service) ExpandNetwork(ctx context.Context, c Caller, q NetworkQuestion) (Network, error) {
	a, err := s.asker(c)
	if err != nil {
		return Network{}, err
	}
	x := expansion{detail: q.Detail}
	if x.hops, err = keyline.IntIn("input.hops", q.Hops, 2, 1, 3); err != nil {
		return Network{}, err
	}
	if x.budget, err = keyline.IntIn("input.nodeBudget", q.NodeBudget, 500, 1, 2000); err != nil {
		return Network{}, err
	}
	if x.filter, err = q.Filter.linkFilter(); err != nil {
		return Network{}, err
	}
	if len(q.SeedIDs) == 0 || len(q.SeedIDs) > 50 {
		return Network{}, keyline.FieldErrorf("input.seedIds", "give 1 to 50 entities")
	}
	seeds, err := a.entities(ctx, "input.seedIds", q.SeedIDs)
	if err != nil {
		return Network{}, err
	}
	return s.expand(ctx, a, q.SeedIDs, seeds, x)
}

// expand grows the network from the seeds hop by hop.
func (s *Service) expand(ctx context.Context, a asker, seedIDs []string, seeds map[string]cypher.Record, x expansion) (Network, error) {
	var net Network
	kept := map[string]bool{}
	for _, id := range seedIDs {
		if !kept[id] && len(kept) < x.budget {
			kept[id] = true
			net.Entities = append(net.Entities, seeds[id])
		}
	}
	linkSeen := map[string]bool{}
	cut := map[string]bool{}
	frontier := slices.Clone(seedIDs)
	for hop := 1; hop <= x.hops && len(frontier) > 0; hop++ {
		// Ask only for what the remaining budget can use: a share of it per
		// frontier entity (so hubs cannot crowd others out), and a few
		// times it in all (links among kept entities are wanted too).
		remaining := x.budget - len(kept)
		perNode := min(x.budget, max(20, 4*remaining/len(frontier)+1))
		limit := max(8*remaining, 200)
		rows, err := s.Store.ExpandHop(ctx, a.scope, frontier, x.filter, perNode, limit, x.detail)
		if err != nil {
			return Network{}, err
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
			if !kept[other] {
				if len(kept) >= x.budget {
					net.Truncated = true
					cut[row.FromFrontier] = true
					continue
				}
				kept[other] = true
				net.Entities = append(net.Entities, row.Other)
				next = append(next, other)
			}
			id := linkID(row.Link)
			if linkSeen[id] {
				continue
			}
			linkSeen[id] = true
			net.Links = append(net.Links, row.Link)
		}
		frontier = next
	}
	for id := range cut {
		net.Frontier = append(net.Frontier, id)
	}
	slices.SortFunc(net.Frontier, strings.Compare)
	return net, nil
}

// linkID is a stored link's id.
func linkID(lr cypher.LinkRecord) string {
	id, _ := lr.Props["id"].(string)
	return id
}
