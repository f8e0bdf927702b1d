package resolvers

import (
	"context"
	"encoding/json"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
)

// currentActor returns the authenticated caller; the HTTP layer refuses
// unauthenticated requests, so a missing actor is a wiring fault.
func currentActor(ctx context.Context) (*keyline.Actor, error) {
	a := keyline.ActorFrom(ctx)
	if a == nil {
		return nil, keyline.Errorf(keyline.CodeUnauthenticated, "authentication required")
	}
	return a, nil
}

// load fetches a record of model type T by id through the request's node
// loader (batched, scoped to the caller).
func load[T model.Node](ctx context.Context, id string) (T, error) {
	rec, err := loadersFrom(ctx).Node(ctx, id)
	if err != nil {
		var zero T
		return zero, err
	}
	return decodeAs[T](rec)
}

// loadOptional is load for a reference that may be absent or hidden:
// it returns the zero value rather than NOT_FOUND.
func loadOptional[T model.Node](ctx context.Context, id string) (T, error) {
	var zero T
	if id == "" {
		return zero, nil
	}
	rec, ok, err := loadersFrom(ctx).NodeMaybe(ctx, id)
	if err != nil || !ok {
		return zero, err
	}
	return decodeAs[T](rec)
}

// neighbours loads the records joined to id by a structural relationship.
func neighbours[T model.Node](ctx context.Context, rel string, dir cypher.Direction, id string) ([]T, error) {
	ns, err := loadersFrom(ctx).Neighbours(ctx, rel, dir, id)
	if err != nil {
		return nil, err
	}
	res := make([]T, 0, len(ns))
	for _, n := range ns {
		t, err := decodeAs[T](n.Record)
		if err != nil {
			continue // a record of another kind on this relationship is not ours to show
		}
		res = append(res, t)
	}
	return res, nil
}

// firstNeighbour is neighbours for a single-valued reference.
func firstNeighbour[T model.Node](ctx context.Context, rel string, dir cypher.Direction, id string) (T, error) {
	ts, err := neighbours[T](ctx, rel, dir, id)
	var zero T
	if err != nil || len(ts) == 0 {
		return zero, err
	}
	return ts[0], nil
}

// orderProperty maps the public sort field to an allow-listed property.
func orderProperty(k keyline.Kind, f model.EntityOrderField) string {
	switch f {
	case model.EntityOrderFieldCreatedAt:
		return "createdAt"
	case model.EntityOrderFieldUpdatedAt:
		return "updatedAt"
	}
	if k == keyline.KindAction {
		return "seq"
	}
	return "label"
}

// defaultOrder is each kind's natural order when the client gives none.
func defaultOrder(k keyline.Kind) (string, bool) {
	switch k {
	case keyline.KindIntelligenceItem:
		return "receivedAt", true
	case keyline.KindEvent:
		return "occurredAt", true
	case keyline.KindDecision:
		return "madeAt", true
	case keyline.KindAction:
		return "seq", false
	case keyline.KindLineOfEnquiry, keyline.KindTarget:
		return "createdAt", false
	}
	return "label", false
}

func listQuery(k keyline.Kind, filter *model.EntityFilter, orderBy *model.EntityOrder, p pageArgs) cypher.ListQuery {
	lq := cypher.ListQuery{Skip: p.skip, Limit: p.limit}
	lq.OrderBy, lq.Desc = defaultOrder(k)
	if orderBy != nil {
		lq.OrderBy, lq.Desc = orderProperty(k, orderBy.Field), orderBy.Direction == model.SortDirectionDesc
	}
	if filter != nil {
		if filter.Search != nil {
			lq.Search = keyline.SearchText(k, *filter.Search)
		}
		lq.UpdatedAfter = filter.UpdatedAfter
	}
	return lq
}

// listConnection loads one page of records of kind k in operation opID
// (batched across sibling operations) and builds the typed connection.
func listConnection[T model.Node, E any, C any](ctx context.Context, store *cypher.Store, k keyline.Kind, opID string, lq cypher.ListQuery, p pageArgs,
	mkEdge func(string, T) E, mkConn func([]E, *model.PageInfo, int) C) (C, error) {
	var zero C
	if err := keyline.LimitText("filter.search", lq.Search, 200); err != nil {
		return zero, err
	}
	l := loadersFrom(ctx)
	key, _ := json.Marshal(lq)
	page, err := l.Page(ctx, string(k)+string(key), opID, func(ctx context.Context, ops []string) (map[string]cypher.Page, error) {
		return store.ListByOperation(ctx, l.scope, k, ops, lq)
	})
	if err == nil {
		err = recordSearch(ctx, store, k, opID, lq, page.Total)
	}
	if err != nil {
		return zero, err
	}
	if uniqueField(ctx) {
		l.readAheadPage(ctx, page)
	}
	edges, err := edgesOf(p, page, mkEdge)
	if err != nil {
		return zero, err
	}
	return mkConn(edges, pageInfo(p, len(edges), page.Total), page.Total), nil
}

// pagedConnection is listConnection for any batched page fetch.
func pagedConnection[T model.Node, E any, C any](ctx context.Context, key, parent string, p pageArgs,
	fetch func(ctx context.Context, parents []string) (map[string]cypher.Page, error),
	mkEdge func(string, T) E, mkConn func([]E, *model.PageInfo, int) C) (C, error) {
	var zero C
	l := loadersFrom(ctx)
	page, err := l.Page(ctx, key, parent, fetch)
	if err != nil {
		return zero, err
	}
	if uniqueField(ctx) {
		l.readAheadPage(ctx, page)
	}
	edges, err := edgesOf(p, page, mkEdge)
	if err != nil {
		return zero, err
	}
	return mkConn(edges, pageInfo(p, len(edges), page.Total), page.Total), nil
}

// Edge and connection constructors, one pair per list type.
func personEdge(c string, n *model.Person) *model.PersonEdge {
	return &model.PersonEdge{Cursor: c, Node: n}
}
func personConn(e []*model.PersonEdge, pi *model.PageInfo, t int) *model.PersonConnection {
	return &model.PersonConnection{Edges: e, PageInfo: pi, TotalCount: t}
}
func organisationEdge(c string, n *model.Organisation) *model.OrganisationEdge {
	return &model.OrganisationEdge{Cursor: c, Node: n}
}
func organisationConn(e []*model.OrganisationEdge, pi *model.PageInfo, t int) *model.OrganisationConnection {
	return &model.OrganisationConnection{Edges: e, PageInfo: pi, TotalCount: t}
}
func locationEdge(c string, n *model.Location) *model.LocationEdge {
	return &model.LocationEdge{Cursor: c, Node: n}
}
func locationConn(e []*model.LocationEdge, pi *model.PageInfo, t int) *model.LocationConnection {
	return &model.LocationConnection{Edges: e, PageInfo: pi, TotalCount: t}
}
func vehicleEdge(c string, n *model.Vehicle) *model.VehicleEdge {
	return &model.VehicleEdge{Cursor: c, Node: n}
}
func vehicleConn(e []*model.VehicleEdge, pi *model.PageInfo, t int) *model.VehicleConnection {
	return &model.VehicleConnection{Edges: e, PageInfo: pi, TotalCount: t}
}
func commsEdge(c string, n *model.CommsDevice) *model.CommsDeviceEdge {
	return &model.CommsDeviceEdge{Cursor: c, Node: n}
}
func commsConn(e []*model.CommsDeviceEdge, pi *model.PageInfo, t int) *model.CommsDeviceConnection {
	return &model.CommsDeviceConnection{Edges: e, PageInfo: pi, TotalCount: t}
}
func eventEdge(c string, n *model.Event) *model.EventEdge {
	return &model.EventEdge{Cursor: c, Node: n}
}
func eventConn(e []*model.EventEdge, pi *model.PageInfo, t int) *model.EventConnection {
	return &model.EventConnection{Edges: e, PageInfo: pi, TotalCount: t}
}
func targetEdge(c string, n *model.Target) *model.TargetEdge {
	return &model.TargetEdge{Cursor: c, Node: n}
}
func targetConn(e []*model.TargetEdge, pi *model.PageInfo, t int) *model.TargetConnection {
	return &model.TargetConnection{Edges: e, PageInfo: pi, TotalCount: t}
}
func itemEdge(c string, n *model.IntelligenceItem) *model.IntelligenceItemEdge {
	return &model.IntelligenceItemEdge{Cursor: c, Node: n}
}
func actionEdge(c string, n *model.Action) *model.ActionEdge {
	return &model.ActionEdge{Cursor: c, Node: n}
}
func actionConn(e []*model.ActionEdge, pi *model.PageInfo, t int) *model.ActionConnection {
	return &model.ActionConnection{Edges: e, PageInfo: pi, TotalCount: t}
}
func exhibitEdge(c string, n *model.Exhibit) *model.ExhibitEdge {
	return &model.ExhibitEdge{Cursor: c, Node: n}
}
func exhibitConn(e []*model.ExhibitEdge, pi *model.PageInfo, t int) *model.ExhibitConnection {
	return &model.ExhibitConnection{Edges: e, PageInfo: pi, TotalCount: t}
}
func loeEdge(c string, n *model.LineOfEnquiry) *model.LineOfEnquiryEdge {
	return &model.LineOfEnquiryEdge{Cursor: c, Node: n}
}
func loeConn(e []*model.LineOfEnquiryEdge, pi *model.PageInfo, t int) *model.LineOfEnquiryConnection {
	return &model.LineOfEnquiryConnection{Edges: e, PageInfo: pi, TotalCount: t}
}
func decisionEdge(c string, n *model.Decision) *model.DecisionEdge {
	return &model.DecisionEdge{Cursor: c, Node: n}
}
func decisionConn(e []*model.DecisionEdge, pi *model.PageInfo, t int) *model.DecisionConnection {
	return &model.DecisionConnection{Edges: e, PageInfo: pi, TotalCount: t}
}
func officerEdge(c string, n *model.Officer) *model.OfficerEdge {
	return &model.OfficerEdge{Cursor: c, Node: n}
}
func officerConn(e []*model.OfficerEdge, pi *model.PageInfo, t int) *model.OfficerConnection {
	return &model.OfficerConnection{Edges: e, PageInfo: pi, TotalCount: t}
}
func operationEdge(c string, n *model.Operation) *model.OperationEdge {
	return &model.OperationEdge{Cursor: c, Node: n}
}
func operationConn(e []*model.OperationEdge, pi *model.PageInfo, t int) *model.OperationConnection {
	return &model.OperationConnection{Edges: e, PageInfo: pi, TotalCount: t}
}

// itemConnFor builds intelligence connections that note every item as read
// (audit trail).
func itemConnFor(ctx context.Context) func([]*model.IntelligenceItemEdge, *model.PageInfo, int) *model.IntelligenceItemConnection {
	return func(e []*model.IntelligenceItemEdge, pi *model.PageInfo, t int) *model.IntelligenceItemConnection {
		for _, edge := range e {
			noteItemsRead(ctx, edge.Node)
		}
		return &model.IntelligenceItemConnection{Edges: e, PageInfo: pi, TotalCount: t}
	}
}
