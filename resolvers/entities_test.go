package resolvers_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/internal/apitest"
)

// world is one operation with an SIO, an analyst member and an outsider.
type world struct {
	env                    *apitest.Env
	op                     string
	sio, analyst, outsider *keyline.Actor
	auditor, lowClearance  *keyline.Actor
}

func newWorld(t *testing.T) *world {
	t.Helper()
	env := apitest.New(t)
	w := &world{env: env}
	w.sio = env.Officer(keyline.RoleSIO, keyline.Secret)
	w.analyst = env.Officer(keyline.RoleAnalyst, keyline.Secret)
	w.lowClearance = env.Officer(keyline.RoleAnalyst, keyline.OfficialSensitive)
	w.outsider = env.Officer(keyline.RoleAnalyst, keyline.TopSecret)
	w.auditor = env.Officer(keyline.RoleAuditor, keyline.TopSecret)
	w.op = env.Operation(w.sio, w.analyst, w.lowClearance)
	return w
}

func (w *world) create(t *testing.T, a *keyline.Actor, mutation, inputType string, in map[string]any) string {
	t.Helper()
	in["operationId"] = w.op
	res := w.env.Do(a, `mutation($in: `+inputType+`!) { r: `+mutation+`(input: $in) { id } }`, map[string]any{"in": in})
	res.NoErrors()
	return res.Str("r", "id")
}

func TestCreateEveryEntityAndReadItBack(t *testing.T) {
	w := newWorld(t)
	per := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{
		"givenNames": "Daniel", "familyName": "Shaw", "aliases": []string{"Danny", "D"}, "dateOfBirth": "1994-02-11",
		"pncId": "12/345678X", "warningMarkers": []string{"FIREARMS", "VIOLENT"}, "identifiers": []string{"PASSPORT:123456789"},
	})
	w.create(t, w.analyst, "createOrganisation", "CreateOrganisationInput", map[string]any{"name": "Kell Street Crew", "kind": "OCG"})
	w.create(t, w.analyst, "createLocation", "CreateLocationInput", map[string]any{
		"address": "14 Kell Street, Liverpool", "postcode": "l8 1ab", "latitude": 53.39, "longitude": -2.97, "kind": "TRAP_HOUSE"})
	veh := w.create(t, w.analyst, "createVehicle", "CreateVehicleInput", map[string]any{"vrm": "cx19 klm", "make": "Audi", "model": "A3"})
	w.create(t, w.analyst, "createCommsDevice", "CreateCommsDeviceInput", map[string]any{"kind": "MOBILE", "number": "07700 900123", "lineName": "Dee line"})
	w.create(t, w.analyst, "createEvent", "CreateEventInput", map[string]any{
		"kind": "CRIME", "occurredAt": "2026-03-01T02:10:00Z", "summary": "Possession with intent", "crimeNumber": "MP/26/000123", "classification": "PWITS Class A"})

	res := w.env.Do(w.analyst, `query($op: ID!) { operation(id: $op) {
		persons { totalCount edges { node { label givenNames aliases dateOfBirth pncId warningMarkers identifiers version updatedBy } } }
		organisations { totalCount } locations { edges { node { postcode kind label } } }
		vehicles { edges { node { vrm label } } } commsDevices { edges { node { number lineName } } }
		events { edges { node { crimeNumber classification occurredAt } } } } }`, map[string]any{"op": w.op})
	res.NoErrors()
	if got := res.Str("operation", "persons", "edges", 0, "node", "label"); got != "SHAW, Daniel (1994-02-11)" {
		t.Errorf("person label %q", got)
	}
	if got := res.Str("operation", "persons", "edges", 0, "node", "updatedBy"); got != w.analyst.Subject {
		t.Errorf("updatedBy %q, want the creating actor", got)
	}
	if got := res.Str("operation", "locations", "edges", 0, "node", "postcode"); got != "L8 1AB" {
		t.Errorf("postcode not normalised: %q", got)
	}
	if got := res.Str("operation", "vehicles", "edges", 0, "node", "vrm"); got != "CX19KLM" {
		t.Errorf("VRM not normalised: %q", got)
	}
	if got := res.Str("operation", "commsDevices", "edges", 0, "node", "number"); got != "+447700900123" {
		t.Errorf("number not E.164: %q", got)
	}
	if got := res.Str("operation", "events", "edges", 0, "node", "classification"); got != "PWITS Class A" {
		t.Errorf("crime classification %q", got)
	}

	byID := w.env.Do(w.analyst, `query($id: ID!) { node(id: $id) { id ... on Vehicle { vrm operation { id } } } }`, map[string]any{"id": veh})
	byID.NoErrors()
	if byID.Str("node", "operation", "id") != w.op {
		t.Errorf("node(id:) lost the operation: %s", byID)
	}

	upd := w.env.Do(w.analyst, `mutation($id: ID!) { updatePerson(id: $id, expectedVersion: 1, input: {givenNames: "Danny"}) { label version } }`, map[string]any{"id": per})
	upd.NoErrors()
	if upd.Str("updatePerson", "label") != "SHAW, Danny (1994-02-11)" || upd.Int("updatePerson", "version") != 2 {
		t.Errorf("update: %s", upd)
	}
}

func TestListsPageSortAndFilter(t *testing.T) {
	w := newWorld(t)
	for _, n := range []string{"Carter", "Abbott", "Evans", "Brown", "Doyle"} {
		w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Sam", "familyName": n})
	}
	q := `query($op: ID!, $after: String, $dir: SortDirection!, $search: String) { operation(id: $op) {
		persons(first: 2, after: $after, orderBy: {field: LABEL, direction: $dir}, filter: {search: $search}) {
			totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { familyName } } } } }`
	page1 := w.env.Do(w.analyst, q, map[string]any{"op": w.op, "dir": "ASC"}).NoErrors()
	if page1.Int("operation", "persons", "totalCount") != 5 || page1.Str("operation", "persons", "edges", 0, "node", "familyName") != "Abbott" {
		t.Fatalf("page 1: %s", page1)
	}
	page2 := w.env.Do(w.analyst, q, map[string]any{"op": w.op, "dir": "ASC", "after": page1.Str("operation", "persons", "pageInfo", "endCursor")}).NoErrors()
	if page2.Str("operation", "persons", "edges", 0, "node", "familyName") != "Carter" || page2.Path("operation", "persons", "pageInfo", "hasPreviousPage") != true {
		t.Fatalf("page 2: %s", page2)
	}
	desc := w.env.Do(w.analyst, q, map[string]any{"op": w.op, "dir": "DESC"}).NoErrors()
	if desc.Str("operation", "persons", "edges", 0, "node", "familyName") != "Evans" {
		t.Fatalf("desc: %s", desc)
	}
	found := w.env.Do(w.analyst, q, map[string]any{"op": w.op, "dir": "ASC", "search": "DOY"}).NoErrors()
	if found.Int("operation", "persons", "totalCount") != 1 || found.Path("operation", "persons", "pageInfo", "hasNextPage") != false {
		t.Fatalf("search: %s", found)
	}
	tooBig := w.env.Do(w.analyst, `query($op: ID!) { operation(id: $op) { persons(first: 1000) { totalCount } } }`, map[string]any{"op": w.op})
	if tooBig.Code() != "BAD_USER_INPUT" {
		t.Fatalf("first: 1000 must be refused: %s", tooBig)
	}
}

// External tools push small batches through the API with the importer's
// mapping: bad rows are reported, good rows load, re-sending changes nothing.
func TestImportRecordsMutation(t *testing.T) {
	w := newWorld(t)
	rows := `[{"sourceRef":"N1","givenNames":"Ann","familyName":"Lee","dateOfBirth":"1990-01-02"},
		{"sourceRef":"N2","givenNames":"Bo","familyName":"Kay","dateOfBirth":"31/12/1990"}]`
	q := `mutation($op: ID!, $rows: String!) { importRecords(operationId: $op, kind: NOMINALS, rows: $rows) { rows loaded rejected created unchanged rejects { line field reason } } }`
	first := w.env.Do(w.analyst, q, map[string]any{"op": w.op, "rows": rows}).NoErrors()
	if first.Int("importRecords", "created") != 1 || first.Int("importRecords", "rejected") != 1 || first.Int("importRecords", "rejects", 0, "line") != 2 {
		t.Fatalf("first import: %s", first)
	}
	again := w.env.Do(w.analyst, q, map[string]any{"op": w.op, "rows": rows}).NoErrors()
	if again.Int("importRecords", "created") != 0 || again.Int("importRecords", "unchanged") != 1 {
		t.Fatalf("re-sending must change nothing: %s", again)
	}
	if res := w.env.Do(w.outsider, q, map[string]any{"op": w.op, "rows": rows}); res.Code() != "FORBIDDEN" {
		t.Fatalf("outsider: %s", res)
	}
	if res := w.env.Do(w.analyst, q, map[string]any{"op": w.op, "rows": "not json"}); res.Field() != "rows" {
		t.Fatalf("malformed rows: %s", res)
	}
}

// readAnalysisCase decodes a hand-made graph and its worked answers from
// testdata/analysis.
func readAnalysisCase(t *testing.T, name string, v any) {
	t.Helper()
	raw, err := os.ReadFile("../testdata/analysis/" + name)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// A list search finds an identifier however it is typed: a VRM with its
// space, a phone number in national form or in part, a postcode without
// its space, a person as their label writes them, family name first, or
// by date of birth in either written form.
func TestListSearchFindsIdentifiersAsTyped(t *testing.T) {
	w := newWorld(t)
	w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Jake", "familyName": "Carroll", "dateOfBirth": "1984-10-14"})
	w.create(t, w.analyst, "createVehicle", "CreateVehicleInput", map[string]any{"vrm": "CE69DNT", "make": "Ford", "model": "Focus"})
	w.create(t, w.analyst, "createCommsDevice", "CreateCommsDeviceInput", map[string]any{"kind": "MOBILE", "number": "+447700900101"})
	w.create(t, w.analyst, "createLocation", "CreateLocationInput", map[string]any{"address": "12 Marine Road, Rhyl", "postcode": "LL18 3AF", "kind": "RESIDENTIAL"})
	tests := []struct{ list, search string }{
		{"persons", "CARROLL, Jake"},
		{"persons", "CARROLL, Jake (1984-10-14)"},
		{"persons", "Carroll Jake"},
		{"persons", "1984-10-14"},
		{"persons", "14/10/1984"},
		{"vehicles", "CE69 DNT"},
		{"vehicles", "ce69 d"},
		{"commsDevices", "07700 900101"},
		{"commsDevices", "7700 900101"},
		{"locations", "LL183AF"},
	}
	for _, tt := range tests {
		res := w.env.Do(w.analyst, `query($op: ID!, $s: String) { operation(id: $op) { `+tt.list+`(filter: {search: $s}) { totalCount } } }`,
			map[string]any{"op": w.op, "s": tt.search}).NoErrors()
		if n := res.Int("operation", tt.list, "totalCount"); n != 1 {
			t.Errorf("%s %q: %d found, want 1", tt.list, tt.search, n)
		}
	}
}
