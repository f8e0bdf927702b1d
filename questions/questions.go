// Package questions records in the audit trail the questions asked of
// Keyline (searches, link analyses, exports and printable documents): one
// event per question with its parameters and the size of its answer,
// never the answer itself. The GraphQL fields, the report and export
// routes, the importer and the CLI all record through Record, so a
// question reads the same in the trail whichever way it was asked.
package questions

import (
	"context"
	"encoding/json"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
)

// Actions: what kind of question an audit event records.
const (
	Search  = "SEARCH"
	Analyse = "ANALYSE"
	// Export is a question answered as a chart or document.
	Export = "EXPORT"
)

// Store writes question events; *cypher.Store is one.
type Store interface {
	RecordQuery(ctx context.Context, a *keyline.Actor, q cypher.Question) error
}

// Record records one question asked by the actor in ctx. The error, if
// any, is the one to return instead of the answer: an unrecorded question
// is not answered.
func Record(ctx context.Context, store Store, action, name string, params any, size int) error {
	return store.RecordQuery(ctx, keyline.ActorFrom(ctx), cypher.Question{
		Action: action, Name: name, About: About(params), Params: params, ResultSize: size})
}

// About is the record a question is about: the first entity it names,
// else the organisation or operation it covers, else the record (saved
// search, target, operation) named by id. An input type is read by its
// JSON names, as the audit stores its parameters, so every question,
// export and document is read one way.
func About(params any) string {
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
