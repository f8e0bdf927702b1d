package reports_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/internal/apitest"
	"github.com/keyline/keyline/reports"
)

func TestScheduleReports(t *testing.T) {
	env := apitest.New(t)
	sio := env.Officer(keyline.RoleSIO, keyline.Secret)
	analyst := env.Officer(keyline.RoleAnalyst, keyline.Secret)
	op := env.Operation(sio, analyst)
	for _, in := range []map[string]any{
		{"reference": "AB/1", "description": "=HYPERLINK(\"x\") call log", "disclosureStatus": "UNUSED_NON_SENSITIVE"},
		{"reference": "AB/2", "description": "Observation log <b>", "disclosureStatus": "UNUSED_SENSITIVE", "sensitivityReason": "@SUM(1) reveals an observation post"},
	} {
		in["operationId"], in["kind"] = op, "DOCUMENT"
		env.Do(sio, `mutation($in: CreateExhibitInput!) { createExhibit(input: $in) { id } }`, map[string]any{"in": in}).NoErrors()
	}
	h := reports.Handler(env.Store)
	get := func(a *keyline.Actor, path string) *httptest.ResponseRecorder {
		officerID, ops, _ := env.Store.Membership(t.Context(), a.Subject)
		actor := *a
		actor.OfficerID, actor.Operations = officerID, ops
		req := httptest.NewRequest(http.MethodGet, path, nil).WithContext(keyline.WithActor(t.Context(), &actor))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	csv := get(analyst, "/reports/operations/"+op+"/mg6c.csv")
	if csv.Code != 200 || !strings.Contains(csv.Body.String(), `1,AB/1,"AB/1 document: =HYPERLINK(""x"") call log",`) || strings.Contains(csv.Body.String(), "AB/2") {
		t.Fatalf("MG6C CSV: %d %s", csv.Code, csv.Body)
	}
	if d := get(sio, "/reports/operations/"+op+"/mg6d.csv"); !strings.Contains(d.Body.String(), ",'@SUM(1) reveals") {
		t.Fatalf("MG6D CSV must defuse formulas: %s", d.Body)
	}
	if r := get(analyst, "/reports/operations/"+op+"/mg6d.html"); r.Code != http.StatusForbidden {
		t.Fatalf("MG6D for an analyst: %d", r.Code)
	}
	html := get(sio, "/reports/operations/"+op+"/mg6d.html")
	if html.Code != 200 || !strings.Contains(html.Body.String(), "reveals an observation post") || !strings.Contains(html.Body.String(), "&lt;b&gt;") {
		t.Fatalf("MG6D HTML (escaped): %d %s", html.Code, html.Body)
	}
	outsider := env.Officer(keyline.RoleAnalyst, keyline.Secret)
	if r := get(outsider, "/reports/operations/"+op+"/mg6c.csv"); r.Code != http.StatusNotFound {
		t.Fatalf("outsider: %d", r.Code)
	}

	// Issue #12, defect 10: a member cleared below the operation's own
	// classification gets null for it in GraphQL, and the same from its
	// documents: not found, as for an operation that does not exist.
	investigator := env.Officer(keyline.RoleInvestigator, keyline.OfficialSensitive)
	secretOp := env.Do(sio, `mutation($in: CreateOperationInput!) { createOperation(input: $in) { id } }`, map[string]any{"in": map[string]any{
		"reference": "OP-SECRET-" + strings.ToUpper(keyline.NewID(keyline.KindOperation)[13:]), "name": "Secret op", "classification": "SECRET", "sioId": sio.OfficerID}}).
		NoErrors().Str("createOperation", "id")
	env.Do(sio, `mutation($op: ID!, $o: ID!) { addOperationMember(operationId: $op, officerId: $o) { id } }`, map[string]any{"op": secretOp, "o": investigator.OfficerID}).NoErrors()
	env.Do(sio, `mutation($in: CreateExhibitInput!) { createExhibit(input: $in) { id } }`, map[string]any{"in": map[string]any{
		"operationId": secretOp, "kind": "DOCUMENT", "reference": "SX/1", "description": "CANARY secret operation exhibit", "disclosureStatus": "UNUSED_NON_SENSITIVE"}}).NoErrors()
	if res := env.Do(investigator, `query($op: ID!) { operation(id: $op) { id } }`, map[string]any{"op": secretOp}).NoErrors(); res.Path("operation") != nil {
		t.Fatalf("the investigator is cleared below the operation: %s", res)
	}
	for _, doc := range []string{"mg6c.csv", "mg6c.html"} {
		if r := get(investigator, "/reports/operations/"+secretOp+"/"+doc); r.Code != http.StatusNotFound || strings.Contains(r.Body.String(), "CANARY") {
			t.Errorf("%s of a SECRET operation to an OFFICIAL-SENSITIVE member: %d %s", doc, r.Code, r.Body)
		}
	}
	if r := get(sio, "/reports/operations/"+secretOp+"/mg6c.csv"); r.Code != 200 || !strings.Contains(r.Body.String(), "CANARY") {
		t.Errorf("the SIO's own schedule: %d %s", r.Code, r.Body)
	}
}

func TestChartExport(t *testing.T) {
	env := apitest.New(t)
	sio := env.Officer(keyline.RoleSIO, keyline.Secret)
	op := env.Operation(sio)
	mk := func(q string, in map[string]any) string {
		in["operationId"] = op
		res := env.Do(sio, q, map[string]any{"in": in}).NoErrors()
		for _, v := range res.Data {
			return v.(map[string]any)["id"].(string)
		}
		return ""
	}
	a := mk(`mutation($in: CreatePersonInput!) { r: createPerson(input: $in) { id } }`, map[string]any{"givenNames": "Ann", "familyName": "Lee"})
	b := mk(`mutation($in: CreatePersonInput!) { r: createPerson(input: $in) { id } }`, map[string]any{"givenNames": "Bo", "familyName": "Kay"})
	item := mk(`mutation($in: CreateIntelligenceItemInput!) { r: createIntelligenceItem(input: $in) { id } }`, map[string]any{
		"sourceType": "CHIS", "grading": map[string]any{"source": "2", "assessment": "C", "handling": "C", "conditions": "SOCU only"}, "sanitisedText": "x"})
	env.Do(sio, `mutation($a: ID!, $b: ID!, $i: ID!) { link(input: {type: ASSOCIATE_OF, fromId: $a, toId: $b, sourceIds: [$i]}) { id } }`,
		map[string]any{"a": a, "b": b, "i": item}).NoErrors()

	h := reports.Handler(env.Store)
	officerID, ops, _ := env.Store.Membership(t.Context(), sio.Subject)
	actor := *sio
	actor.OfficerID, actor.Operations = officerID, ops
	for _, format := range []string{"anx", "graphml", "json"} {
		req := httptest.NewRequest(http.MethodPost, "/export/network."+format, strings.NewReader(`{"seedIds":["`+a+`"],"hops":1}`)).
			WithContext(keyline.WithActor(t.Context(), &actor))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		body := rec.Body.String()
		if rec.Code != 200 || !strings.Contains(body, "SOCU only") || !strings.Contains(body, "LEE, Ann") {
			t.Fatalf("%s export: %d %.400s", format, rec.Code, body)
		}
	}
	req := httptest.NewRequest(http.MethodPost, "/export/network.anx", strings.NewReader(`{"seedIds":["`+a+`"],"hops":9}`)).
		WithContext(keyline.WithActor(t.Context(), &actor))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("bad parameters: %d %s", rec.Code, rec.Body)
	}
}

func TestPrintablePackage(t *testing.T) {
	env := apitest.New(t)
	sio := env.Officer(keyline.RoleSIO, keyline.Secret)
	op := env.Operation(sio)
	per := env.Do(sio, `mutation($op: ID!) { createPerson(input: {operationId: $op, givenNames: "Connor", familyName: "Test", warningMarkers: [FIREARMS]}) { id } }`,
		map[string]any{"op": op}).NoErrors().Str("createPerson", "id")
	tgt := env.Do(sio, `mutation($op: ID!, $p: ID!) { nominateTarget(input: {operationId: $op, subjectId: $p, threatAreas: [FIREARMS]}) { id } }`,
		map[string]any{"op": op, "p": per}).NoErrors().Str("nominateTarget", "id")
	officerID, ops, _ := env.Store.Membership(t.Context(), sio.Subject)
	actor := *sio
	actor.OfficerID, actor.Operations = officerID, ops
	req := httptest.NewRequest(http.MethodGet, "/reports/targets/"+tgt+".html", nil).WithContext(keyline.WithActor(t.Context(), &actor))
	rec := httptest.NewRecorder()
	reports.Handler(env.Store).ServeHTTP(rec, req)
	body := rec.Body.String()
	if rec.Code != 200 || !strings.Contains(body, "<svg") || !strings.Contains(body, "TEST, Connor") || !strings.Contains(body, "NO_CURRENT_ADDRESS") ||
		!strings.Contains(body, "@media print") {
		t.Fatalf("package report: %d %.500s", rec.Code, body)
	}
	outsider := *env.Officer(keyline.RoleAnalyst, keyline.Secret)
	req = httptest.NewRequest(http.MethodGet, "/reports/targets/"+tgt+".html", nil).WithContext(keyline.WithActor(t.Context(), &outsider))
	rec = httptest.NewRecorder()
	reports.Handler(env.Store).ServeHTTP(rec, req)
	if rec.Code != http.StatusNotFound {
		t.Fatalf("outsider: %d", rec.Code)
	}
}
