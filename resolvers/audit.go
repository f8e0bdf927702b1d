package resolvers

import (
	"context"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
	"github.com/keyline/keyline/questions"
)

// auditEventFor decodes a stored audit event for reader a, applying need
// to know to its values: an event whose marking the reader may not see
// (keyline.Actor.SeesMarking; the operation was checked by the trail's
// query) keeps its who, when, what and which record, so access stays
// accountable, but loses its values and says so. An event with no marking
// (written before events were marked, and not backfilled) is withheld
// from everyone.
func auditEventFor(a *keyline.Actor, row map[string]any) (*model.AuditEvent, error) {
	ev := &model.AuditEvent{}
	if err := decodeInto(row, ev); err != nil {
		return nil, err
	}
	class, marked := row["classification"].(string)
	handling, _ := row["handling"].(string)
	if marked && a.SeesMarking(keyline.Classification(class), handling) {
		return ev, nil
	}
	ev.Withheld = true
	ev.Before, ev.After, ev.Reason, ev.Purpose, ev.Parameters, ev.ResultSize = nil, nil, nil, nil, nil, nil
	return ev, nil
}

// asked records a question in the audit trail before its answer is
// returned, and withholds the answer if it cannot be recorded: an
// unrecorded question is not answered. Entry points call it in one line:
//
//	return asked[*model.Network](ctx, r.Store, questions.Analyse, "network", input)(r.network(ctx, input))
//
// Only entry points call it (the GraphQL fields, the export and report
// routes), never the shared question code beneath them, so a question
// asked through runSavedSearch or an export is recorded once.
func asked[T any](ctx context.Context, store *cypher.Store, action, name string, params any) func(T, error) (T, error) {
	return func(res T, err error) (T, error) {
		var zero T
		if err != nil {
			return zero, err
		}
		if err := questions.Record(ctx, store, action, name, params, questions.AnswerSize(res)); err != nil {
			return zero, err
		}
		return res, nil
	}
}

// recordSearch records a list asked for with search text, once per list
// and operation (nothing for a list without search text).
func recordSearch(ctx context.Context, store *cypher.Store, k keyline.Kind, opID string, lq cypher.ListQuery, total int) error {
	if lq.Search == "" {
		return nil
	}
	return questions.Record(ctx, store, questions.Search, "search "+string(k), map[string]any{
		"operationId": opID, "search": lq.Search, "filters": lq.Filters, "updatedAfter": lq.UpdatedAfter,
		"orderBy": lq.OrderBy, "skip": lq.Skip, "limit": lq.Limit}, total)
}
