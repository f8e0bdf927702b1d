package resolvers_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/reports"
)

const questionsQ = `query($f: AuditFilter) { auditTrail(filter: $f, first: 100) { totalCount edges { node {
	action actor entityKind entityId operationId question parameters resultSize before after withheld } } } }`

// Every search, link-analysis question and export is recorded as one
// audit event, with its parameters and the size of its answer, never the
// answer itself (as i2 iBase's query audit does).
func TestQuestionsAreAuditedOnceWithParametersAndSize(t *testing.T) {
	w := newWorld(t)
	seed := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Quentin", "familyName": "Zyxwell"})
	friend := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Orla", "familyName": "Brightwater"})
	item := w.create(t, w.analyst, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "OFFICER", "grading": map[string]any{"source": "1", "assessment": "A", "handling": "P"}, "sanitisedText": "seen together"})
	w.env.Do(w.analyst, `mutation($a: ID!, $b: ID!, $i: ID!) { link(input: {type: ASSOCIATE_OF, fromId: $a, toId: $b, sourceIds: [$i]}) { id } }`,
		map[string]any{"a": seed, "b": friend, "i": item}).NoErrors()

	net := w.env.Do(w.analyst, `query($s: ID!) { network(input: {seedIds: [$s], hops: 1}) { nodes { ... on Person { label } } } }`,
		map[string]any{"s": seed}).NoErrors()
	if n := len(net.Path("network", "nodes").([]any)); n != 2 {
		t.Fatalf("network: want 2 nodes: %s", net.Raw)
	}
	found := w.env.Do(w.analyst, `query($op: ID!) { operation(id: $op) { persons(filter: {search: "zyxw"}) { totalCount edges { node { label } } } } }`,
		map[string]any{"op": w.op}).NoErrors()
	if found.Int("operation", "persons", "totalCount") != 1 {
		t.Fatalf("search: want 1 match: %s", found.Raw)
	}
	// A list without search text is not a question.
	w.env.Do(w.analyst, `query($op: ID!) { operation(id: $op) { persons { totalCount } } }`, map[string]any{"op": w.op}).NoErrors()

	for _, reader := range []*keyline.Actor{w.auditor, w.sio} {
		res := w.env.Do(reader, questionsQ, map[string]any{"f": map[string]any{"actor": w.analyst.Subject, "actions": []string{"SEARCH", "ANALYSE", "EXPORT"}}}).NoErrors()
		edges := res.Path("auditTrail", "edges").([]any)
		if len(edges) != 2 {
			t.Fatalf("%s: want exactly one ANALYSE and one SEARCH event: %s", reader.Subject, res.Raw)
		}
		byAction := map[string]map[string]any{}
		for _, e := range edges {
			n := e.(map[string]any)["node"].(map[string]any)
			byAction[n["action"].(string)] = n
		}
		an, se := byAction["ANALYSE"], byAction["SEARCH"]
		if an == nil || an["question"] != "network" || an["entityKind"] != "Query" || an["entityId"] != seed || an["operationId"] != w.op ||
			an["resultSize"] != float64(2) || an["withheld"] != false || !strings.Contains(an["parameters"].(string), seed) {
			t.Errorf("%s: network event: %v", reader.Subject, an)
		}
		if se == nil || se["question"] != "search Person" || se["entityId"] != w.op || se["operationId"] != w.op ||
			se["resultSize"] != float64(1) || !strings.Contains(se["parameters"].(string), `"zyxw"`) {
			t.Errorf("%s: search event: %v", reader.Subject, se)
		}
		// The answers themselves are not in the trail.
		for _, answer := range []string{"Brightwater", "Orla", "Quentin", friend} {
			if strings.Contains(res.Raw, answer) {
				t.Errorf("%s: the trail holds the answer %q: %s", reader.Subject, answer, res.Raw)
			}
		}
	}

	// An export is one EXPORT event (not also an ANALYSE one).
	rec := httptest.NewRecorder()
	body := `{"seedIds": ["` + seed + `"], "hops": 1}`
	reports.Handler(w.env.Store).ServeHTTP(rec, exportRequest(t, w, w.analyst, "/export/network.json", body))
	if rec.Code != http.StatusOK {
		t.Fatalf("export: %d %s", rec.Code, rec.Body.String())
	}
	res := w.env.Do(w.auditor, questionsQ, map[string]any{"f": map[string]any{"actor": w.analyst.Subject, "actions": []string{"SEARCH", "ANALYSE", "EXPORT"}}}).NoErrors()
	if got := res.Int("auditTrail", "totalCount"); got != 3 {
		t.Fatalf("after the export: want 3 question events, got %d: %s", got, res.Raw)
	}
	ex := res.Path("auditTrail", "edges", 0, "node").(map[string]any)
	if ex["action"] != "EXPORT" || ex["question"] != "export network.json" || ex["resultSize"] != float64(2) || ex["entityId"] != seed {
		t.Errorf("export event: %v", ex)
	}

	// A reader below the asker's clearance sees that the questions were
	// asked, not their parameters or sizes.
	res = w.env.Do(w.lowClearanceSIO(t), questionsQ, map[string]any{"f": map[string]any{"actor": w.analyst.Subject, "actions": []string{"SEARCH"}}}).NoErrors()
	se := res.Path("auditTrail", "edges", 0, "node").(map[string]any)
	if se["withheld"] != true || se["parameters"] != nil || se["resultSize"] != nil || se["question"] != "search Person" {
		t.Errorf("an OFFICIAL_SENSITIVE SIO read a SECRET analyst's question: %v", se)
	}
}

// lowClearanceSIO is an OFFICIAL_SENSITIVE SIO of the world's operation.
func (w *world) lowClearanceSIO(t *testing.T) *keyline.Actor {
	t.Helper()
	a := w.env.Officer(keyline.RoleSIO, keyline.OfficialSensitive)
	w.env.Do(w.sio, `mutation($op: ID!, $o: ID!) { addOperationMember(operationId: $op, officerId: $o) { id } }`,
		map[string]any{"op": w.op, "o": a.OfficerID}).NoErrors()
	return a
}

// exportRequest is a POST to the document routes as actor a, resolved the
// way production resolves it (membership from the graph).
func exportRequest(t *testing.T, w *world, a *keyline.Actor, path, body string) *http.Request {
	t.Helper()
	officerID, ops, err := w.env.Store.Membership(context.Background(), a.Subject)
	if err != nil {
		t.Fatal(err)
	}
	actor := *a
	actor.OfficerID, actor.Operations = officerID, ops
	req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader([]byte(body)))
	return req.WithContext(keyline.WithActor(req.Context(), &actor))
}
