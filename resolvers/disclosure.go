package resolvers

import (
	"context"
	"strings"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
)

// Schedule builds a CPIA schedule for an operation. The sensitive MG6D is
// for the SIO, deputy SIO and auditors only (keyline.Actor.SeesSensitiveSchedule,
// the same rule as Exhibit.sensitivityReason). Exported for the report
// endpoints, which render the same schedule as CSV and HTML.
func Schedule(ctx context.Context, store *cypher.Store, a *keyline.Actor, operationID string, kind model.ScheduleKind) (*model.DisclosureSchedule, error) {
	// An operation-level document needs the operation itself to be
	// visible (its membership and its own classification), exactly as
	// Query.operation does.
	if ops, err := store.NodesByID(ctx, cypher.ScopeOf(a), []string{operationID}); err != nil {
		return nil, err
	} else if rec, ok := ops[operationID]; !ok || rec.Kind != keyline.KindOperation {
		return nil, keyline.ErrNotFound(operationID)
	}
	status := model.DisclosureStatusUnusedNonSensitive
	if kind == model.ScheduleKindMg6d {
		if !a.SeesSensitiveSchedule() {
			return nil, keyline.Errorf(keyline.CodeForbidden, "the MG6D sensitive schedule is for the SIO, deputy SIO and auditors only")
		}
		status = model.DisclosureStatusUnusedSensitive
	}
	recs, err := store.Schedule(ctx, cypher.ScopeOf(a), operationID, string(status))
	if err != nil {
		return nil, err
	}
	s := &model.DisclosureSchedule{Kind: kind, GeneratedAt: time.Now().UTC(), Entries: make([]*model.ScheduleEntry, 0, len(recs))}
	for i, rec := range recs {
		e, err := decodeAs[*model.Exhibit](rec)
		if err != nil {
			return nil, err
		}
		entry := &model.ScheduleEntry{Number: i + 1, Exhibit: e, Description: e.Reference + " " + strings.ToLower(e.Kind) + ": " + e.Description}
		if kind == model.ScheduleKindMg6d && a.SeesSensitiveSchedule() {
			entry.Reason = e.SensitivityReason
		}
		s.Entries = append(s.Entries, entry)
	}
	return s, nil
}

func (r *operationResolver) disclosureSchedule(ctx context.Context, obj *model.Operation, kind model.ScheduleKind) (*model.DisclosureSchedule, error) {
	a, err := currentActor(ctx)
	if err != nil {
		return nil, err
	}
	return Schedule(ctx, r.Store, a, obj.ID, kind)
}

// reviewsDue lists what is due for MOPI review.
func (r *operationResolver) reviewsDue(ctx context.Context, obj *model.Operation, dueBy *keyline.Date) ([]*model.ReviewDue, error) {
	today := keyline.Date{Time: time.Now().UTC().Truncate(24 * time.Hour)}
	by := today
	if dueBy != nil {
		by = *dueBy
	}
	recs, err := r.Store.ReviewsDue(ctx, loadersFrom(ctx).scope, obj.ID, by, 200)
	if err != nil {
		return nil, err
	}
	out := make([]*model.ReviewDue, 0, len(recs))
	for _, rec := range recs {
		n, err := decode(rec)
		if err != nil {
			return nil, err
		}
		d, _ := rec.Props["reviewDate"].(keyline.Date)
		if it, ok := n.(*model.IntelligenceItem); ok {
			noteItemsRead(ctx, it)
		}
		out = append(out, &model.ReviewDue{Record: n, ReviewDate: d, Overdue: d.Before(today.Time)})
	}
	return out, nil
}

// recordRetention records a MOPI retain/dispose decision.
func (r *mutationResolver) recordRetention(ctx context.Context, id string, version int, in model.RetentionInput) (model.Node, error) {
	a, err := currentActor(ctx)
	if err != nil {
		return nil, err
	}
	if err := a.Authorise(keyline.PermPolicyFile, ""); err != nil {
		return nil, err
	}
	if err := requireKind("id", id, keyline.KindIntelligenceItem, keyline.KindExhibit); err != nil {
		return nil, err
	}
	if err := keyline.RequireText("input.rationale", in.Rationale, maxText); err != nil {
		return nil, err
	}
	entry := map[string]any{"decision": string(in.Decision), "rationale": strings.TrimSpace(in.Rationale),
		"decidedBy": a.Subject, "decidedAt": time.Now().UTC()}
	set := map[string]any{}
	switch in.Decision {
	case model.RetentionChoiceRetain:
		if in.NextReviewDate == nil || !in.NextReviewDate.After(time.Now()) {
			return nil, keyline.FieldErrorf("input.nextReviewDate", "retaining needs a next review date in the future")
		}
		entry["nextReviewDate"] = *in.NextReviewDate
		set["reviewDate"] = *in.NextReviewDate
	case model.RetentionChoiceDispose:
		if in.NextReviewDate != nil {
			return nil, keyline.FieldErrorf("input.nextReviewDate", "a disposed record has no next review")
		}
		set["reviewDate"], set["disposed"] = nil, true
	}
	k, _ := keyline.KindOfID(id)
	rec, err := r.Store.RecordRetention(ctx, a, k, id, version, entry, set)
	if err != nil {
		return nil, err
	}
	return decode(rec)
}
