package cypher

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/keyline/keyline"
)

// Record is a stored node: its kind (from the label allow-list) and its
// properties, normalised.
type Record struct {
	Kind  keyline.Kind
	Props map[string]any
}

// ID returns the record's external id.
func (r Record) ID() string { s, _ := r.Props["id"].(string); return s }

// Page is one page of a list and the total across pages.
type Page struct {
	Total int
	Items []Record
}

// Neighbour is a record reached over a structural relationship, with the
// relationship's properties (e.g. a mention's role).
type Neighbour struct {
	Record
	Rel map[string]any
}

// LinkRecord is a link with its ends (From and To may be empty when the
// link was reached from one end: then Other is the far end).
type LinkRecord struct {
	Type     string
	Props    map[string]any
	Outgoing bool
	From, To Record
	Other    Record
}

func kindOf(labels any) keyline.Kind {
	ls, _ := labels.([]any)
	for _, l := range ls {
		s, _ := l.(string)
		if slices.Contains(keyline.Kinds, keyline.Kind(s)) {
			return keyline.Kind(s)
		}
	}
	return ""
}

func asMap(v any) map[string]any { m, _ := v.(map[string]any); return m }

func asInt(v any) int {
	switch x := v.(type) {
	case int64:
		return int(x)
	case int:
		return x
	}
	return 0
}

func asStrings(v any) []string {
	ls, _ := v.([]any)
	out := make([]string, 0, len(ls))
	for _, l := range ls {
		if s, ok := l.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// NodesByID returns the records the scope may see, keyed by id; ids it may
// not see are simply absent (need to know: not found and not allowed look
// the same).
func (s *Store) NodesByID(ctx context.Context, sc Scope, ids []string) (map[string]Record, error) {
	rows, err := s.readOne(ctx, q("nodes_by_id"), sc.params(map[string]any{"ids": ids}))
	if err != nil {
		return nil, err
	}
	out := make(map[string]Record, len(rows))
	for _, r := range rows {
		rec := Record{Kind: kindOf(r["labels"]), Props: asMap(r["props"])}
		out[rec.ID()] = rec
	}
	return out, nil
}

// ListQuery is a page request over one kind of record.
type ListQuery struct {
	Search       string
	UpdatedAfter *time.Time
	OrderBy      string // an allow-listed property name
	Desc         bool
	Skip, Limit  int
	// Kind-specific filters, by parameter name (see list_intelligence and
	// list_actions); values are validated by the caller.
	Filters map[string]any
}

func (lq ListQuery) params(sc Scope, extra map[string]any) map[string]any {
	p := map[string]any{
		"skip": lq.Skip, "limit": lq.Limit, "desc": lq.Desc, "orderBy": lq.OrderBy,
		"search": nil, "updatedAfter": nil,
	}
	if lq.Search != "" {
		p["search"] = strings.ToLower(lq.Search)
	}
	if lq.UpdatedAfter != nil {
		p["updatedAfter"] = *lq.UpdatedAfter
	}
	for k, v := range lq.Filters {
		p[k] = v
	}
	for k, v := range extra {
		p[k] = v
	}
	return sc.params(p)
}

// pages reads rows of (parentId, page, total) into pages keyed by parent.
func pages(rows []map[string]any, kind func(map[string]any) keyline.Kind) map[string]Page {
	out := make(map[string]Page, len(rows))
	for _, r := range rows {
		parent, _ := r["parentId"].(string)
		items, _ := r["page"].([]any)
		p := Page{Total: asInt(r["total"]), Items: make([]Record, 0, len(items))}
		for _, it := range items {
			m := asMap(it)
			p.Items = append(p.Items, Record{Kind: kind(m), Props: m})
		}
		out[parent] = p
	}
	return out
}

func fixedKind(k keyline.Kind) func(map[string]any) keyline.Kind {
	return func(map[string]any) keyline.Kind { return k }
}

// ListByOperation returns a page of records of kind k for each operation.
// Intelligence items and actions use their own filters (lq.Filters).
func (s *Store) ListByOperation(ctx context.Context, sc Scope, k keyline.Kind, operationIDs []string, lq ListQuery) (map[string]Page, error) {
	qy := qLabel("list_by_operation", k)
	if lq.Search != "" {
		qy = qLabel("list_by_operation_search", k)
	}
	var filters []string
	switch k {
	case keyline.KindIntelligenceItem:
		qy, filters = q("list_intelligence"), []string{"source", "assessment", "handlingCode", "receivedAfter", "receivedBefore"}
	case keyline.KindAction:
		qy, filters = q("list_actions"), []string{"statuses", "priority", "allocatedTo"}
	}
	// A filter the caller does not give does not filter.
	given := lq.Filters
	lq.Filters = map[string]any{}
	for _, f := range filters {
		lq.Filters[f] = nil
	}
	for f, v := range given {
		lq.Filters[f] = v
	}
	rows, err := s.readOne(ctx, qy, lq.params(sc, map[string]any{"operationIds": operationIDs}))
	if err != nil {
		return nil, err
	}
	return pages(rows, fixedKind(k)), nil
}

// Members returns a page of each operation's members.
func (s *Store) Members(ctx context.Context, sc Scope, operationIDs []string, skip, limit int) (map[string]Page, error) {
	rows, err := s.readOne(ctx, q("list_members"), sc.params(map[string]any{"operationIds": operationIDs, "skip": skip, "limit": limit}))
	if err != nil {
		return nil, err
	}
	return pages(rows, fixedKind(keyline.KindOfficer)), nil
}

// Operations returns a page of the operations the scope may see.
func (s *Store) Operations(ctx context.Context, sc Scope, status string, skip, limit int) (Page, error) {
	var st any
	if status != "" {
		st = status
	}
	rows, err := s.readOne(ctx, q("list_operations"), sc.params(map[string]any{"status": st, "skip": skip, "limit": limit}))
	if err != nil || len(rows) == 0 {
		return Page{}, err
	}
	rows[0]["parentId"] = ""
	return pages(rows, fixedKind(keyline.KindOperation))[""], nil
}

// Officers returns a page of the unit's officers.
func (s *Store) Officers(ctx context.Context, search string, skip, limit int) (Page, error) {
	var se any
	if search != "" {
		se = strings.ToLower(search)
	}
	rows, err := s.readOne(ctx, q("list_officers"), map[string]any{"search": se, "skip": skip, "limit": limit})
	if err != nil || len(rows) == 0 {
		return Page{}, err
	}
	rows[0]["parentId"] = ""
	return pages(rows, fixedKind(keyline.KindOfficer))[""], nil
}

// LinkQuery filters links.
type LinkQuery struct {
	Types         []string // allow-listed link types; empty means all
	MinConfidence float64
	SeenAfter     *time.Time
	SeenBefore    *time.Time
	Skip, Limit   int
	// Project, when set, limits the properties read (nil: all of them).
	Project *Projection
}

// Projection names the only properties a links read returns of each link
// and of the entity at its other end, when the caller's selection needs
// no more; records then carry just those (the ones present). Names are
// properties, never labels or types, and are passed as parameters.
type Projection struct {
	Link, Other []string
}

// LinkPage is one page of an entity's links.
type LinkPage struct {
	Total int
	Items []LinkRecord
}

// LinksOf returns a page of links for each entity id.
func (s *Store) LinksOf(ctx context.Context, sc Scope, ids []string, lq LinkQuery) (map[string]LinkPage, error) {
	types := lq.Types
	if len(types) == 0 {
		types = LinkTypes
	}
	var after, before any
	if lq.SeenAfter != nil {
		after = *lq.SeenAfter
	}
	if lq.SeenBefore != nil {
		before = *lq.SeenBefore
	}
	var linkProps, otherProps any
	if lq.Project != nil {
		linkProps, otherProps = lq.Project.Link, lq.Project.Other
	}
	rows, err := s.readOne(ctx, q("links_of"), sc.params(map[string]any{
		"ids": ids, "types": types, "minConfidence": lq.MinConfidence,
		"seenAfter": after, "seenBefore": before, "skip": lq.Skip, "limit": lq.Limit,
		"linkProps": linkProps, "otherProps": otherProps,
	}))
	if err != nil {
		return nil, err
	}
	out := make(map[string]LinkPage, len(rows))
	for _, r := range rows {
		parent, _ := r["parentId"].(string)
		items, _ := r["page"].([]any)
		lp := LinkPage{Total: asInt(r["total"])}
		for _, it := range items {
			m := asMap(it)
			outgoing, _ := m["outgoing"].(bool)
			t, _ := m["type"].(string)
			var link, other map[string]any
			if lq.Project != nil {
				link, other = zipProps(lq.Project.Link, m["link"]), zipProps(lq.Project.Other, m["other"])
			} else {
				link, other = asMap(m["link"]), asMap(m["other"])
			}
			lp.Items = append(lp.Items, LinkRecord{
				Type: t, Props: link, Outgoing: outgoing,
				Other: Record{Kind: kindOf(m["otherLabels"]), Props: other},
			})
		}
		out[parent] = lp
	}
	return out, nil
}

// zipProps pairs projected property names with the values read for them,
// leaving out absent ones (as properties() would).
func zipProps(names []string, values any) map[string]any {
	vs, _ := values.([]any)
	out := make(map[string]any, len(names))
	for i, name := range names {
		if i < len(vs) && vs[i] != nil {
			out[name] = vs[i]
		}
	}
	return out
}

// LinkByID returns a link with both ends, if the scope may see it.
func (s *Store) LinkByID(ctx context.Context, sc Scope, id string) (*LinkRecord, error) {
	rows, err := s.readOne(ctx, q("link_by_id"), sc.params(map[string]any{"id": id}))
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	return linkRecord(rows[0]), nil
}

func linkRecord(r map[string]any) *LinkRecord {
	t, _ := r["type"].(string)
	return &LinkRecord{
		Type: t, Props: asMap(r["link"]), Outgoing: true,
		From: Record{Kind: kindOf(r["fromLabels"]), Props: asMap(r["from"])},
		To:   Record{Kind: kindOf(r["toLabels"]), Props: asMap(r["to"])},
	}
}

// Neighbours returns, for each id, the records joined to it by a
// structural relationship rel in the direction dir.
func (s *Store) Neighbours(ctx context.Context, sc Scope, rel string, dir Direction, ids []string) (map[string][]Neighbour, error) {
	rows, err := s.readOne(ctx, qRel("neighbours_"+dir.suffix(), rel), sc.params(map[string]any{"ids": ids}))
	if err != nil {
		return nil, err
	}
	res := make(map[string][]Neighbour, len(ids))
	for _, r := range rows {
		parent, _ := r["parentId"].(string)
		res[parent] = append(res[parent], Neighbour{
			Record: Record{Kind: kindOf(r["labels"]), Props: asMap(r["props"])},
			Rel:    asMap(r["rel"]),
		})
	}
	return res, nil
}

// MentionedIn returns a page of the intelligence items that mention each
// entity, newest first.
func (s *Store) MentionedIn(ctx context.Context, sc Scope, ids []string, skip, limit int) (map[string]Page, error) {
	rows, err := s.readOne(ctx, q("mentioned_in"), sc.params(map[string]any{"ids": ids, "skip": skip, "limit": limit}))
	if err != nil {
		return nil, err
	}
	return pages(rows, fixedKind(keyline.KindIntelligenceItem)), nil
}

// Membership returns the officer record of an identity subject and the
// operations it is a member of (auth.MembershipResolver).
func (s *Store) Membership(ctx context.Context, subject string) (string, []string, error) {
	rows, err := s.readOne(ctx, q("membership"), map[string]any{"subject": subject})
	if err != nil || len(rows) == 0 {
		return "", nil, err
	}
	id, _ := rows[0]["officerId"].(string)
	return id, asStrings(rows[0]["operations"]), nil
}

// Empty reports whether the database holds no Keyline records.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	rows, err := s.readOne(ctx, q("any_record"), nil)
	return len(rows) == 0, err
}

// SavedSearches returns an operation's saved searches.
func (s *Store) SavedSearches(ctx context.Context, sc Scope, operationID string) ([]Record, error) {
	rows, err := s.readOne(ctx, q("saved_searches"), sc.params(map[string]any{"operationId": operationID}))
	if err != nil {
		return nil, err
	}
	out := make([]Record, 0, len(rows))
	for _, r := range rows {
		out = append(out, Record{Kind: keyline.KindSavedSearch, Props: asMap(r["props"])})
	}
	return out, nil
}
