package resolvers

import (
	"context"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
)

// nodeByID resolves node(id:): links by their own lookup, everything else
// through the node loader. Unknown and hidden ids both read as null.
func (r *Resolver) nodeByID(ctx context.Context, id string) (model.Node, error) {
	if keyline.IsLinkID(id) {
		lr, err := r.Store.LinkByID(ctx, loadersFrom(ctx).scope, id)
		if err != nil || lr == nil {
			return nil, err
		}
		return decodeLink(*lr, nil)
	}
	if _, ok := keyline.KindOfID(id); !ok {
		return nil, nil
	}
	rec, ok, err := loadersFrom(ctx).NodeMaybe(ctx, id)
	if err != nil || !ok {
		return nil, err
	}
	n, err := decode(rec)
	if it, ok := n.(*model.IntelligenceItem); ok {
		noteItemsRead(ctx, it)
	}
	return n, err
}

// changeMember adds or removes an officer's membership of an operation.
func (r *mutationResolver) changeMember(ctx context.Context, operationID, officerID string, change cypher.RefChange) (*model.Operation, error) {
	if err := keyline.RequireKind("officerId", officerID, keyline.KindOfficer); err != nil {
		return nil, err
	}
	n, err := r.changeRefsAs(ctx, keyline.PermManageOperation, keyline.KindOperation, operationID,
		ref(cypher.RelMember, cypher.Incoming, "officerId", officerID), change)
	if err != nil {
		return nil, err
	}
	r.membershipChanged()
	return n.(*model.Operation), nil
}

// changeRefs adds or removes a structural relationship of an intelligence
// item (its mentions).
func (r *mutationResolver) changeRefs(ctx context.Context, perm keyline.Permission, itemID string, rf cypher.Ref, change cypher.RefChange) (*model.IntelligenceItem, error) {
	n, err := r.changeRefsAs(ctx, perm, keyline.KindIntelligenceItem, itemID, rf, change)
	if err != nil {
		return nil, err
	}
	return n.(*model.IntelligenceItem), nil
}

func (r *mutationResolver) changeRefsAs(ctx context.Context, perm keyline.Permission, k keyline.Kind, id string, rf cypher.Ref, change cypher.RefChange) (model.Node, error) {
	a, err := currentActor(ctx)
	if err != nil {
		return nil, err
	}
	if err := a.Authorise(perm, ""); err != nil {
		return nil, err
	}
	rec, err := r.Store.ChangeRefs(ctx, a, k, id, rf, change)
	if err != nil {
		return nil, err
	}
	return decode(rec)
}

func intelligenceFilters(f *model.IntelligenceFilter) (map[string]any, error) {
	out := map[string]any{"source": nil, "assessment": nil, "handlingCode": nil, "receivedAfter": nil, "receivedBefore": nil}
	if f == nil {
		return out, nil
	}
	check := func(field, key string, v *string, allowed ...string) error {
		if v == nil {
			return nil
		}
		for _, a := range allowed {
			if *v == a {
				out[key] = a
				return nil
			}
		}
		return keyline.FieldErrorf(field, "%q is not a valid code", *v)
	}
	if err := check("filter.sourceEvaluation", "source", f.SourceEvaluation, "1", "2", "3"); err != nil {
		return nil, err
	}
	if err := check("filter.assessment", "assessment", f.Assessment, "A", "B", "C", "D", "E"); err != nil {
		return nil, err
	}
	if err := check("filter.handling", "handlingCode", f.Handling, "P", "C"); err != nil {
		return nil, err
	}
	if f.ReceivedAfter != nil {
		out["receivedAfter"] = *f.ReceivedAfter
	}
	if f.ReceivedBefore != nil {
		out["receivedBefore"] = *f.ReceivedBefore
	}
	return out, nil
}

func actionFilters(f *model.ActionFilter) map[string]any {
	out := map[string]any{"statuses": nil, "priority": nil, "allocatedTo": nil}
	if f == nil {
		return out
	}
	if f.Statuses != nil {
		out["statuses"] = enumStrings(f.Statuses)
	}
	if f.Priority != nil {
		out["priority"] = string(*f.Priority)
	}
	if f.AllocatedTo != nil {
		out["allocatedTo"] = *f.AllocatedTo
	}
	return out
}

// auditTrail serves the audit trail to those entitled to read it:
// auditors across operations, SIOs within their own; the values of each
// event only to a reader who may see its marking (auditEventFor).
func (r *queryResolver) auditTrail(ctx context.Context, filter *model.AuditFilter, first *int, after *string) (*model.AuditEventConnection, error) {
	a, err := currentActor(ctx)
	if err != nil {
		return nil, err
	}
	if !a.Has(keyline.RoleAuditor) && !a.Has(keyline.RoleSIO) && !a.Has(keyline.RoleDeputySIO) {
		return nil, keyline.Errorf(keyline.CodeForbidden, "only auditors and SIOs may read the audit trail")
	}
	p, err := parsePage(first, after)
	if err != nil {
		return nil, err
	}
	f := cypher.AuditFilter{Skip: p.skip, Limit: p.limit}
	if filter != nil {
		f.Actor, f.EntityID, f.OperationID = deref(filter.Actor), deref(filter.EntityID), deref(filter.OperationID)
		f.Actions, f.From, f.To = filter.Actions, filter.From, filter.To
	}
	rows, total, err := r.Store.AuditTrail(ctx, loadersFrom(ctx).scope, f)
	if err != nil {
		return nil, err
	}
	conn := &model.AuditEventConnection{TotalCount: total, Edges: make([]*model.AuditEventEdge, 0, len(rows))}
	for i, row := range rows {
		ev, err := auditEventFor(a, row)
		if err != nil {
			return nil, err
		}
		conn.Edges = append(conn.Edges, &model.AuditEventEdge{Cursor: encodeCursor(p.skip + i), Node: ev})
	}
	conn.PageInfo = pageInfo(p, len(conn.Edges), total)
	return conn, nil
}
