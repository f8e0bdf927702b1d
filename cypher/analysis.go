package cypher

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/keyline/keyline"
)

// LinkFilter restricts the links and entities a traversal may use. Types
// and kinds are allow-listed by the caller (GraphQL enums).
type LinkFilter struct {
	Types         []string // link types; empty means all
	MinConfidence float64
	SeenAfter     *time.Time
	SeenBefore    *time.Time
	Avoid         []string // entity labels not to pass through
	Through       []string // when set, the only labels a path may pass through
	// MaxDegree, when above 0, keeps paths from passing through hubs with
	// more links than this (deal lines, busy addresses): in a heavy-tailed
	// network they make a 6-hop search visit most of the graph.
	MaxDegree int
}

func (f LinkFilter) params(sc Scope, extra map[string]any) map[string]any {
	types := f.Types
	if len(types) == 0 {
		types = LinkTypes
	}
	p := map[string]any{"types": types, "minConfidence": f.MinConfidence, "seenAfter": nil, "seenBefore": nil,
		"avoid": nonNil(f.Avoid), "through": nil, "maxDegree": nil}
	if f.MaxDegree > 0 {
		p["maxDegree"] = f.MaxDegree
	}
	if f.SeenAfter != nil {
		p["seenAfter"] = *f.SeenAfter
	}
	if f.SeenBefore != nil {
		p["seenBefore"] = *f.SeenBefore
	}
	if len(f.Through) > 0 {
		p["through"] = f.Through
	}
	for k, v := range extra {
		p[k] = v
	}
	return sc.params(p)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// PathRecord is one route: its entities in order and, for each step, the
// link the search followed (Links) and, when asked for (PathSteps), every
// link joining that step's pair.
type PathRecord struct {
	Nodes []Record
	Links []LinkRecord
}

// PathsFound is a path search's answer: distinct routes, shortest first
// (ALL_SHORTEST: all of one length, by their entities' ids), with Found,
// the number of distinct routes among the paths the search read, and
// Capped, whether the candidate cap stopped it reading more.
type PathsFound struct {
	Routes []PathRecord
	Found  int
	Capped bool
}

// PathMode chooses the path search.
type PathMode string

const (
	PathsShortest    PathMode = "SHORTEST"     // one shortest route
	PathsKShortest   PathMode = "K_SHORTEST"   // up to k shortest distinct routes
	PathsAllShortest PathMode = "ALL_SHORTEST" // every shortest route (up to limit)
)

// PathCandidatesPerRoute is how many paths (sequences of links) a
// K_SHORTEST or ALL_SHORTEST search reads for each distinct route it is
// to return: parallel links (one of each type may join a pair) make
// several paths of one route, and the search must stay bounded however
// many there are. 16 covers two parallel links on each of four steps.
const PathCandidatesPerRoute = 16

// Paths finds up to wanted distinct routes between two entities, at most
// maxHops links long: one for SHORTEST, the shortest k for K_SHORTEST,
// those of the shortest length for ALL_SHORTEST. A route is a sequence of
// entities: paths that differ only by parallel links are one route.
func (s *Store) Paths(ctx context.Context, sc Scope, fromID, toID string, mode PathMode, k, maxHops, wanted int, f LinkFilter) (PathsFound, error) {
	qy := qBounds("paths_shortest", maxHops, 1)
	switch mode {
	case PathsKShortest:
		qy = qBounds("paths_k_shortest", maxHops, k)
	case PathsAllShortest:
		qy = qBounds("paths_all_shortest", maxHops, 1)
	}
	candidates := PathCandidatesPerRoute * wanted
	rows, err := s.readAnalysis(ctx, qy, f.params(sc, map[string]any{"fromId": fromID, "toId": toID, "wanted": wanted, "candidates": candidates}))
	if err != nil {
		return PathsFound{}, err
	}
	out := PathsFound{Routes: make([]PathRecord, 0, len(rows))}
	for _, r := range rows {
		var p PathRecord
		ns, _ := r["nodes"].([]any)
		for _, n := range ns {
			m := asMap(n)
			p.Nodes = append(p.Nodes, Record{Kind: kindOf(m["labels"]), Props: asMap(m["props"])})
		}
		ls, _ := r["links"].([]any)
		for _, l := range ls {
			p.Links = append(p.Links, linkFromMap(asMap(l)))
		}
		out.Routes = append(out.Routes, p)
		out.Found = asInt(r["found"])
		out.Capped = mode != PathsShortest && asInt(r["examined"]) >= candidates
	}
	return out, nil
}

// PathSteps returns, for each pair of entity ids (a step of a route),
// every link joining them that the caller sees and that passes the
// filter's link conditions (types, confidence, time window), by type and
// then id.
func (s *Store) PathSteps(ctx context.Context, sc Scope, pairs [][2]string, f LinkFilter) ([][]LinkRecord, error) {
	out := make([][]LinkRecord, len(pairs))
	if len(pairs) == 0 {
		return out, nil
	}
	ps := make([][]string, len(pairs))
	for i, p := range pairs {
		ps[i] = []string{p[0], p[1]}
	}
	rows, err := s.readAnalysis(ctx, q("paths_steps"), f.params(sc, map[string]any{"pairs": ps}))
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		i := asInt(r["i"])
		if i < 0 || i >= len(out) {
			continue
		}
		out[i] = append(out[i], linkFromMap(r))
	}
	return out, nil
}

func linkFromMap(m map[string]any) LinkRecord {
	t, _ := m["type"].(string)
	from, _ := m["from"].(string)
	to, _ := m["to"].(string)
	return LinkRecord{Type: t, Props: asMap(m["props"]), Outgoing: true,
		From: Record{Props: map[string]any{"id": from}}, To: Record{Props: map[string]any{"id": to}}}
}

// HopRow is one link found expanding a network frontier.
type HopRow struct {
	FromFrontier string
	Link         LinkRecord
	Other        Record
}

// Detail is how much of each record a network read returns.
type Detail int

const (
	// FullDetail returns every stored property.
	FullDetail Detail = iota
	// LeanDetail returns of links only their id, confidence and
	// operationId, and of entities only their id, label and operationId:
	// all a chart of names and strengths needs.
	LeanDetail
)

// ExpandHop returns the links of each frontier entity that pass the
// filter, strongest first, at most perNode each and limit in all, with
// records in the detail asked for.
func (s *Store) ExpandHop(ctx context.Context, sc Scope, frontier []string, f LinkFilter, perNode, limit int, detail Detail) ([]HopRow, error) {
	rows, err := s.readAnalysis(ctx, q("network_hop"), f.params(sc, map[string]any{"frontier": frontier, "perNode": perNode, "limit": limit, "lean": detail == LeanDetail}))
	if err != nil {
		return nil, err
	}
	out := make([]HopRow, 0, len(rows))
	for _, r := range rows {
		fid, _ := r["fid"].(string)
		lr := linkFromMap(map[string]any{"type": r["type"], "props": r["link"], "from": r["fromId"], "to": r["toId"]})
		out = append(out, HopRow{FromFrontier: fid, Link: lr, Other: Record{Kind: kindOf(r["labels"]), Props: asMap(r["props"])}})
	}
	return out, nil
}

// Shared is an entity linked to several of the entities asked about.
type Shared struct {
	Entity Record
	Linked []string
	Links  []LinkRecord
}

// CommonNeighbours returns entities linked to at least minShared of ids.
func (s *Store) CommonNeighbours(ctx context.Context, sc Scope, ids []string, minShared, limit int, f LinkFilter) ([]Shared, error) {
	rows, err := s.readAnalysis(ctx, q("common_neighbours"), f.params(sc, map[string]any{"ids": ids, "minShared": minShared, "limit": limit}))
	if err != nil {
		return nil, err
	}
	out := make([]Shared, 0, len(rows))
	for _, r := range rows {
		sh := Shared{Entity: Record{Kind: kindOf(r["labels"]), Props: asMap(r["props"])}, Linked: asStrings(r["linked"])}
		ls, _ := r["links"].([]any)
		for _, l := range ls {
			sh.Links = append(sh.Links, linkFromMap(asMap(l)))
		}
		out = append(out, sh)
	}
	return out, nil
}

// CoMention is an intelligence item mentioning several of the entities.
type CoMention struct {
	Item     Record
	Entities []string
}

// CommonMentions returns items mentioning at least two of ids.
func (s *Store) CommonMentions(ctx context.Context, sc Scope, ids []string, limit int) ([]CoMention, error) {
	rows, err := s.readAnalysis(ctx, q("common_mentions"), sc.params(map[string]any{"ids": ids, "limit": limit}))
	if err != nil {
		return nil, err
	}
	out := make([]CoMention, 0, len(rows))
	for _, r := range rows {
		out = append(out, CoMention{Item: Record{Kind: keyline.KindIntelligenceItem, Props: asMap(r["item"])}, Entities: asStrings(r["entities"])})
	}
	return out, nil
}

// Meeting is a place where entities were together: at an event, its
// time; at a location, the window in which all of them were there
// (coLocationGroups).
type Meeting struct {
	Place               Record
	Entities            []Record
	FirstSeen, LastSeen *time.Time
}

// presence is one entity at one place from first to last seen: at an
// event, the event's time; at a location, one FREQUENTS or RESIDES_AT
// link's period.
type presence struct {
	entity      Record
	first, last time.Time
}

// CoLocation finds the groups of entities together at the same event, or
// at the same location at the same time give or take window, within
// [from, to]; with ids, only groups including one of them. Ordered by
// first seen, then place id, then the entities' ids.
func (s *Store) CoLocation(ctx context.Context, sc Scope, operationID string, ids []string, from, to time.Time, window time.Duration) ([]Meeting, error) {
	var idp any
	if len(ids) > 0 {
		idp = ids
	}
	rows, err := s.readAnalysis(ctx, q("co_location"), sc.params(map[string]any{
		"operationId": operationID, "ids": idp, "from": from, "to": to}))
	if err != nil {
		return nil, err
	}
	var out []Meeting
	for _, r := range rows {
		place := Record{Kind: kindOf(r["placeLabels"]), Props: asMap(r["place"])}
		var ps []presence
		ns, _ := r["presences"].([]any)
		for _, n := range ns {
			m := asMap(n)
			first, okF := m["firstSeen"].(time.Time)
			last, okL := m["lastSeen"].(time.Time)
			if !okF || !okL {
				continue
			}
			ps = append(ps, presence{entity: Record{Kind: kindOf(m["labels"]), Props: asMap(m["props"])}, first: first, last: last})
		}
		for _, g := range coLocationGroups(ps, window) {
			if len(ids) > 0 && !slices.ContainsFunc(g.Entities, func(e Record) bool { return slices.Contains(ids, e.ID()) }) {
				continue
			}
			g.Place = place
			out = append(out, g)
		}
	}
	slices.SortStableFunc(out, func(a, b Meeting) int {
		if c := a.FirstSeen.Compare(*b.FirstSeen); c != 0 {
			return c
		}
		if c := strings.Compare(a.Place.ID(), b.Place.ID()); c != 0 {
			return c
		}
		return slices.CompareFunc(a.Entities, b.Entities, func(x, y Record) int { return strings.Compare(x.ID(), y.ID()) })
	})
	return out, nil
}

// coLocationGroups splits the presences at one place into the groups of
// entities that were there together, and dates each group.
//
// Two presences are together when each began no later than the other
// ended plus the tolerance (a.first <= b.last+window and b.first <=
// a.last+window); a group is a largest set of presences every two of
// which are together, found by sweeping the presences as intervals
// [first, last+window] (for intervals, every two overlapping means all
// overlap at one time). Each group of two or more distinct entities is
// one meeting, its entities ordered by id; an entity with several
// presences in one group is there from the earliest first to the latest
// last of them. Its window runs from the latest of the entities' first
// seen times to the earliest of their last seen times, when they overlap;
// when they were there only within the tolerance of each other (the
// earliest to leave left before the latest arrived), it runs from that
// departure to that arrival, a gap of at most the tolerance. At an event
// every presence is the event's time, so the window is that time. The
// same entities may meet at one place in several separate windows: each
// is its own meeting.
func coLocationGroups(ps []presence, window time.Duration) []Meeting {
	type mark struct {
		at    time.Time
		start bool
		i     int
	}
	marks := make([]mark, 0, 2*len(ps))
	for i, p := range ps {
		marks = append(marks, mark{p.first, true, i}, mark{p.last.Add(window), false, i})
	}
	// Closed intervals: at the same instant, arrivals come before
	// departures, so presences touching at an instant are together.
	slices.SortStableFunc(marks, func(a, b mark) int {
		if c := a.at.Compare(b.at); c != 0 {
			return c
		}
		switch {
		case a.start && !b.start:
			return -1
		case !a.start && b.start:
			return 1
		}
		return a.i - b.i
	})
	var out []Meeting
	seen := map[string]bool{}
	active := map[int]bool{}
	grew := false
	for _, m := range marks {
		if m.start {
			active[m.i] = true
			grew = true
			continue
		}
		if grew {
			// The presences active just before the first departure after
			// an arrival are a largest group.
			if g, ok := meetingOf(ps, active); ok {
				key := g.FirstSeen.String() + "|" + g.LastSeen.String()
				for _, e := range g.Entities {
					key += "|" + e.ID()
				}
				if !seen[key] {
					seen[key] = true
					out = append(out, g)
				}
			}
			grew = false
		}
		delete(active, m.i)
	}
	return out
}

// meetingOf dates one group of presences; false when it holds fewer than
// two distinct entities.
func meetingOf(ps []presence, group map[int]bool) (Meeting, bool) {
	type span struct {
		entity      Record
		first, last time.Time
	}
	by := map[string]*span{}
	for i := range group {
		p := ps[i]
		sp, ok := by[p.entity.ID()]
		if !ok {
			by[p.entity.ID()] = &span{p.entity, p.first, p.last}
			continue
		}
		if p.first.Before(sp.first) {
			sp.first = p.first
		}
		if p.last.After(sp.last) {
			sp.last = p.last
		}
	}
	if len(by) < 2 {
		return Meeting{}, false
	}
	var m Meeting
	var latestFirst, earliestLast time.Time
	for _, sp := range by {
		m.Entities = append(m.Entities, sp.entity)
		if latestFirst.IsZero() || sp.first.After(latestFirst) {
			latestFirst = sp.first
		}
		if earliestLast.IsZero() || sp.last.Before(earliestLast) {
			earliestLast = sp.last
		}
	}
	slices.SortFunc(m.Entities, func(a, b Record) int { return strings.Compare(a.ID(), b.ID()) })
	first, last := latestFirst, earliestLast
	if last.Before(first) {
		first, last = last, first
	}
	m.FirstSeen, m.LastSeen = &first, &last
	return m, true
}

// TimelineRow is one dated entry: an event or a contact.
type TimelineRow struct {
	At    time.Time
	Entry string // EVENT or CONTACT
	Event *Record
	Link  *LinkRecord
}

// TimelineQuery is what a timeline reads: the dated events of the
// entities IDs (of the Kinds given, or all) and, with Contacts, the
// contacts between their phones, from From to To when given, at most
// Limit entries.
type TimelineQuery struct {
	IDs      []string
	From, To *time.Time
	Kinds    []string
	Contacts bool
	Limit    int
}

// Timeline returns the dated events and contacts of entities in order.
func (s *Store) Timeline(ctx context.Context, sc Scope, tq TimelineQuery) ([]TimelineRow, error) {
	p := map[string]any{"ids": tq.IDs, "from": nil, "to": nil, "kinds": nil, "includeContacts": tq.Contacts, "limit": tq.Limit}
	if tq.From != nil {
		p["from"] = *tq.From
	}
	if tq.To != nil {
		p["to"] = *tq.To
	}
	if len(tq.Kinds) > 0 {
		p["kinds"] = tq.Kinds
	}
	rows, err := s.readAnalysis(ctx, q("timeline"), sc.params(p))
	if err != nil {
		return nil, err
	}
	out := make([]TimelineRow, 0, len(rows))
	for _, r := range rows {
		tr := TimelineRow{}
		tr.At, _ = r["at"].(time.Time)
		tr.Entry, _ = r["entry"].(string)
		if ev := asMap(r["event"]); ev != nil {
			tr.Event = &Record{Kind: keyline.KindEvent, Props: ev}
		}
		if l := asMap(r["link"]); l != nil {
			lr := linkFromMap(map[string]any{"type": r["linkType"], "props": l, "from": r["fromId"], "to": r["toId"]})
			tr.Link = &lr
		}
		out = append(out, tr)
	}
	return out, nil
}

// OperationNetwork returns an operation's most linked entities (at most
// budget) and the links among them.
func (s *Store) OperationNetwork(ctx context.Context, sc Scope, operationID string, budget int, f LinkFilter) ([]Record, []LinkRecord, bool, error) {
	rows, err := s.readAnalysis(ctx, q("operation_network"), f.params(sc, map[string]any{"operationId": operationID, "budget": budget}))
	if err != nil || len(rows) == 0 {
		return nil, nil, false, err
	}
	var nodes []Record
	ns, _ := rows[0]["nodes"].([]any)
	for _, n := range ns {
		m := asMap(n)
		nodes = append(nodes, Record{Kind: kindOf(m["labels"]), Props: asMap(m["props"])})
	}
	var links []LinkRecord
	ls, _ := rows[0]["links"].([]any)
	for _, l := range ls {
		links = append(links, linkFromMap(asMap(l)))
	}
	truncated, _ := rows[0]["truncated"].(bool)
	return nodes, links, truncated, nil
}

// PathFrontier is one breadth-first step of a path search between the
// entities ends: for each frontier entity, the ids of the entities one
// link away that a path may step to under the filter (the hop predicate
// of the path statements), at most limit pairs in all. It lets a search
// run level by level in Go (the benchmark's exhaustive reference).
func (s *Store) PathFrontier(ctx context.Context, sc Scope, frontier, ends []string, f LinkFilter, limit int) (map[string][]string, error) {
	rows, err := s.readAnalysis(ctx, q("paths_frontier"), f.params(sc, map[string]any{"frontier": frontier, "ends": ends, "limit": limit}))
	if err != nil {
		return nil, err
	}
	out := make(map[string][]string, len(rows))
	for _, r := range rows {
		fid, _ := r["fid"].(string)
		out[fid] = asStrings(r["next"])
	}
	return out, nil
}
