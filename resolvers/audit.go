package resolvers

import (
	"context"
	"encoding/json"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
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

// Question actions: what the audit trail records of the questions asked
// (cypher.Question), one event per question, never the answer.
const (
	actionSearch  = "SEARCH"
	actionAnalyse = "ANALYSE"
	// ActionExport is a question answered as a chart or document.
	ActionExport = "EXPORT"
)

// asked records a question in the audit trail before its answer is
// returned, and withholds the answer if it cannot be recorded: an
// unrecorded question is not answered. Entry points call it in one line:
//
//	return asked[*model.Network](ctx, r.Store, actionAnalyse, "network", input)(r.network(ctx, input))
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
		if err := RecordQuestion(ctx, store, action, name, params, AnswerSize(res)); err != nil {
			return zero, err
		}
		return res, nil
	}
}

// RecordQuestion records one question asked by the actor in ctx (for the
// export and report routes, which answer outside GraphQL). The error, if
// any, is the one to return instead of the answer.
func RecordQuestion(ctx context.Context, store *cypher.Store, action, name string, params any, size int) error {
	return store.RecordQuery(ctx, keyline.ActorFrom(ctx), cypher.Question{
		Action: action, Name: name, About: questionAbout(params), Params: params, ResultSize: size})
}

// recordSearch records a list asked for with search text, once per list
// and operation (nothing for a list without search text).
func recordSearch(ctx context.Context, store *cypher.Store, k keyline.Kind, opID string, lq cypher.ListQuery, total int) error {
	if lq.Search == "" {
		return nil
	}
	return RecordQuestion(ctx, store, actionSearch, "search "+string(k), map[string]any{
		"operationId": opID, "search": lq.Search, "filters": lq.Filters, "updatedAfter": lq.UpdatedAfter,
		"orderBy": lq.OrderBy, "skip": lq.Skip, "limit": lq.Limit}, total)
}

// questionAbout is the record a question is about: the first entity it
// names, else the organisation or operation it covers, else the record
// (saved search, target, operation) named by id. An input type is read by
// its JSON names, as the audit stores its parameters, so every question,
// export and document is read one way.
func questionAbout(params any) string {
	p, ok := params.(map[string]any)
	if !ok {
		b, err := json.Marshal(params)
		if err != nil || json.Unmarshal(b, &p) != nil {
			return ""
		}
	}
	for _, k := range []string{"id", "fromId", "seedIds", "entityIds", "organisationId", "operationId"} {
		switch v := p[k].(type) {
		case string:
			return v
		case []any:
			if len(v) > 0 {
				id, _ := v[0].(string)
				return id
			}
		}
	}
	return ""
}

// AnswerSize counts what an answer held, for the audit trail: entities
// for networks and charts, paths, rows, matches. Never the answer itself.
func AnswerSize(res any) int {
	switch x := res.(type) {
	case *model.PathsResult:
		if x != nil {
			return len(x.Paths)
		}
	case *model.Network:
		if x != nil {
			return len(x.Nodes)
		}
	case *model.CommonLinks:
		if x != nil {
			return len(x.Shared) + len(x.CoMentions)
		}
	case []*model.CoLocation:
		return len(x)
	case *model.CoLocationResult:
		if x != nil {
			return len(x.Meetings)
		}
	case []*model.TimelineEntry:
		return len(x)
	case *model.TimelineResult:
		if x != nil {
			return len(x.Entries)
		}
	case *model.KeyPlayers:
		if x != nil {
			return x.NodeCount
		}
	case *model.Trace:
		if x != nil {
			return len(x.Nodes)
		}
	case *model.DisclosureSchedule:
		if x != nil {
			return len(x.Entries)
		}
	case keyline.Graph:
		return len(x.Nodes)
	case *model.TargetPackage:
		if x != nil {
			return 1
		}
	}
	return 0
}
