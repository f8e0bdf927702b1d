package linkanalysis

import (
	"context"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

// DefaultPathMaxDegree is the hub limit of a path search when the caller
// gives none.
const DefaultPathMaxDegree = 1000

// PathsQuestion asks for the routes between two entities. Nil numbers
// take their defaults.
type PathsQuestion struct {
	FromID, ToID string
	// Mode chooses the search; "" is SHORTEST.
	Mode    cypher.PathMode
	K       *int // routes for K_SHORTEST, 1 to cypher.MaxPaths (3)
	MaxHops *int // 1 to cypher.MaxPathHops (6)
	Limit   *int // routes returned, 1 to 50 (10)
	Filter  *Filter
	// Steps asks for every link joining each step's pair, not only the one
	// the search followed: a second read, so only when it will be shown.
	Steps bool
}

// Paths is the answer to a PathsQuestion.
type Paths struct {
	Routes []Route
	// Truncated says more routes existed than were returned.
	Truncated bool
}

// Route is one route: its entities in order and the link the search
// followed at each step, whose ends (From, To) are ids of Entities.
type Route struct {
	Entities []cypher.Record
	Links    []cypher.LinkRecord
	// Steps, when asked for, holds for each step every link joining its
	// pair (at least the one followed).
	Steps [][]cypher.LinkRecord
}

// pathBounds is a validated PathsQuestion's numbers and filter.
type pathBounds struct {
	hops, k, limit int
	filter         cypher.LinkFilter
}

func (q PathsQuestion) validate() (pathBounds, error) {
	var b pathBounds
	var err error
	if b.hops, err = keyline.IntIn("input.maxHops", q.MaxHops, 6, 1, cypher.MaxPathHops); err != nil {
		return b, err
	}
	if b.k, err = keyline.IntIn("input.k", q.K, 3, 1, cypher.MaxPaths); err != nil {
		return b, err
	}
	if b.limit, err = keyline.IntIn("input.limit", q.Limit, 10, 1, 50); err != nil {
		return b, err
	}
	if b.filter, err = q.Filter.linkFilter(); err != nil {
		return b, err
	}
	if !q.Filter.maxDegreeGiven() {
		b.filter.MaxDegree = DefaultPathMaxDegree
	}
	if q.FromID == q.ToID {
		return b, keyline.FieldErrorf("input.toId", "a path needs two different entities")
	}
	if err := keyline.RequireKind("input.fromId", q.FromID, keyline.EntityKinds...); err != nil {
		return b, err
	}
	return b, keyline.RequireKind("input.toId", q.ToID, keyline.EntityKinds...)
}

// ShortestPaths finds the routes between two entities the caller may see,
// through entities and links they may see, shortest first.
func (s *Service) ShortestPaths(ctx context.Context, c Caller, q PathsQuestion) (Paths, error) {
	a, err := s.asker(c)
	if err != nil {
		return Paths{}, err
	}
	b, err := q.validate()
	if err != nil {
		return Paths{}, err
	}
	// wanted is how many distinct routes to ask for: one more than the
	// limit for ALL_SHORTEST, to tell whether more existed.
	wanted := 1
	switch q.Mode {
	case cypher.PathsKShortest:
		wanted = b.k
	case cypher.PathsAllShortest:
		wanted = b.limit + 1
	}
	// The path statement applies the caller's scope to both ends itself,
	// so a path found needs no visibility read first; only when none is
	// found is it worth telling an end the caller may not see from no path.
	found, err := s.Store.Paths(ctx, a.scope, q.FromID, q.ToID, q.Mode, b.k, b.hops, wanted, b.filter)
	if err != nil {
		return Paths{}, err
	}
	if len(found.Routes) == 0 {
		fields := []string{"input.fromId", "input.toId"}
		if _, err := a.entitiesAt(ctx, []string{q.FromID, q.ToID}, func(i int) string { return fields[i] }); err != nil {
			return Paths{}, err
		}
	}
	res := Paths{Truncated: pathsTruncated(q.Mode, found, b.k, b.limit)}
	for _, p := range found.Routes[:min(len(found.Routes), b.limit)] {
		res.Routes = append(res.Routes, Route{Entities: p.Nodes, Links: p.Links})
	}
	if q.Steps && len(res.Routes) > 0 {
		if err := s.readSteps(ctx, a, res.Routes, b.filter); err != nil {
			return Paths{}, err
		}
	}
	return res, nil
}

// readSteps fills the routes' Steps in one read of every distinct pair.
func (s *Service) readSteps(ctx context.Context, a asker, routes []Route, f cypher.LinkFilter) error {
	pairs := routePairs(routes)
	stepLinks, err := s.Store.PathSteps(ctx, a.scope, pairs, f)
	if err != nil {
		return err
	}
	pairIndex := make(map[[2]string]int, len(pairs))
	for i, p := range pairs {
		pairIndex[p] = i
	}
	for r := range routes {
		p := &routes[r]
		p.Steps = make([][]cypher.LinkRecord, 0, len(p.Entities))
		for i := 0; i+1 < len(p.Entities); i++ {
			links := stepLinks[pairIndex[[2]string{p.Entities[i].ID(), p.Entities[i+1].ID()}]]
			if len(links) == 0 && i < len(p.Links) {
				// Read in a later snapshot than the route: keep the link
				// the search followed.
				links = []cypher.LinkRecord{p.Links[i]}
			}
			p.Steps = append(p.Steps, links)
		}
	}
	return nil
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
func routePairs(routes []Route) [][2]string {
	var pairs [][2]string
	seen := map[[2]string]bool{}
	for _, p := range routes {
		for i := 0; i+1 < len(p.Entities); i++ {
			pr := [2]string{p.Entities[i].ID(), p.Entities[i+1].ID()}
			if !seen[pr] {
				seen[pr] = true
				pairs = append(pairs, pr)
			}
		}
	}
	return pairs
}
