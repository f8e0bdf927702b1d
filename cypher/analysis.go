package cypher

import (
	"context"
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

// PathRecord is one path: its entities in order and the links between.
type PathRecord struct {
	Nodes []Record
	Links []LinkRecord
}

// PathMode chooses the path search.
type PathMode string

const (
	PathsShortest    PathMode = "SHORTEST"     // one shortest path
	PathsKShortest   PathMode = "K_SHORTEST"   // up to k shortest paths
	PathsAllShortest PathMode = "ALL_SHORTEST" // every shortest path (up to limit)
)

// Paths finds paths between two entities, at most maxHops links long.
func (s *Store) Paths(ctx context.Context, sc Scope, fromID, toID string, mode PathMode, k, maxHops, limit int, f LinkFilter) ([]PathRecord, error) {
	qy := qBounds("paths_k_shortest", maxHops, 1)
	switch mode {
	case PathsKShortest:
		qy = qBounds("paths_k_shortest", maxHops, k)
	case PathsAllShortest:
		qy = qBounds("paths_all_shortest", maxHops, 1)
	}
	rows, err := s.readAnalysis(ctx, qy, f.params(sc, map[string]any{"fromId": fromID, "toId": toID, "limit": limit}))
	if err != nil {
		return nil, err
	}
	out := make([]PathRecord, 0, len(rows))
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
		out = append(out, p)
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

// ExpandHop returns the links of each frontier entity that pass the
// filter, strongest first, at most perNode each and limit in all. With
// lean, links carry only their id, confidence and operationId and
// entities only their id, label and operationId.
func (s *Store) ExpandHop(ctx context.Context, sc Scope, frontier []string, f LinkFilter, perNode, limit int, lean bool) ([]HopRow, error) {
	rows, err := s.readAnalysis(ctx, q("network_hop"), f.params(sc, map[string]any{"frontier": frontier, "perNode": perNode, "limit": limit, "lean": lean}))
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

// Meeting is a place where entities were together.
type Meeting struct {
	Place               Record
	Entities            []Record
	FirstSeen, LastSeen *time.Time
}

// CoLocation finds entities at the same event or place within a window.
func (s *Store) CoLocation(ctx context.Context, sc Scope, operationID string, ids []string, from, to time.Time, window time.Duration) ([]Meeting, error) {
	var idp any
	if len(ids) > 0 {
		idp = ids
	}
	rows, err := s.readAnalysis(ctx, q("co_location"), sc.params(map[string]any{
		"operationId": operationID, "ids": idp, "from": from, "to": to, "windowSeconds": int64(window.Seconds())}))
	if err != nil {
		return nil, err
	}
	out := make([]Meeting, 0, len(rows))
	for _, r := range rows {
		m := Meeting{Place: Record{Kind: kindOf(r["placeLabels"]), Props: asMap(r["place"])}}
		seen := map[string]bool{}
		es, _ := r["entities"].([]any)
		for _, e := range es {
			em := asMap(e)
			rec := Record{Kind: kindOf(em["labels"]), Props: asMap(em["props"])}
			if !seen[rec.ID()] {
				seen[rec.ID()] = true
				m.Entities = append(m.Entities, rec)
			}
		}
		if t, ok := r["firstSeen"].(time.Time); ok {
			m.FirstSeen = &t
		}
		if t, ok := r["lastSeen"].(time.Time); ok {
			m.LastSeen = &t
		}
		out = append(out, m)
	}
	return out, nil
}

// TimelineRow is one dated entry: an event or a contact.
type TimelineRow struct {
	At    time.Time
	Entry string // EVENT or CONTACT
	Event *Record
	Link  *LinkRecord
}

// Timeline returns the dated events and contacts of entities in order.
func (s *Store) Timeline(ctx context.Context, sc Scope, ids []string, from, to *time.Time, kinds []string, contacts bool, limit int) ([]TimelineRow, error) {
	p := map[string]any{"ids": ids, "from": nil, "to": nil, "kinds": nil, "includeContacts": contacts, "limit": limit}
	if from != nil {
		p["from"] = *from
	}
	if to != nil {
		p["to"] = *to
	}
	if len(kinds) > 0 {
		p["kinds"] = kinds
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
