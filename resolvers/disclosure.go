package resolvers

import (
	"context"
	"strings"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/disclosure"
	"github.com/keyline/keyline/graph/model"
)

// DisclosureStore is the store as disclosure.Schedule reads it, with the
// exhibits decoded into the API's models here, where the decoder is, so
// that the report routes build schedules as the GraphQL field does.
func DisclosureStore(store *cypher.Store) disclosure.Store { return disclosureStore{store} }

type disclosureStore struct{ *cypher.Store }

func (s disclosureStore) ScheduledExhibits(ctx context.Context, sc cypher.Scope, operationID, status string) ([]*model.Exhibit, error) {
	recs, err := s.Schedule(ctx, sc, operationID, status)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Exhibit, 0, len(recs))
	for _, rec := range recs {
		e, err := decodeAs[*model.Exhibit](rec)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

func (r *operationResolver) disclosureSchedule(ctx context.Context, obj *model.Operation, kind model.ScheduleKind) (*model.DisclosureSchedule, error) {
	a, err := currentActor(ctx)
	if err != nil {
		return nil, err
	}
	return disclosure.Schedule(ctx, DisclosureStore(r.Store), a, obj.ID, kind)
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
	if err := keyline.RequireKind("id", id, keyline.KindIntelligenceItem, keyline.KindExhibit); err != nil {
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
