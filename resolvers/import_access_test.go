package resolvers_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/keyline/keyline"
)

// importRecords is neither an oracle nor a back door: an external system
// (which may receive only handling code P) or an OFFICIAL_SENSITIVE
// analyst sending a row with the URN of an item it cannot see (C-coded,
// SECRET) gets exactly the answer for a URN held by another operation,
// naming nothing stored, and the item is unchanged; a link citing such an
// item is refused as for a URN nobody holds; an external system cannot
// record a C-coded item at all.
func TestImportRecordsRevealsAndChangesNoHiddenItem(t *testing.T) {
	w := newWorld(t)
	external := w.env.Officer(keyline.RoleExternalSystem, keyline.Secret)
	w.env.Do(w.sio, `mutation($op: ID!, $o: ID!) { addOperationMember(operationId: $op, officerId: $o) { id } }`,
		map[string]any{"op": w.op, "o": external.OfficerID}).NoErrors()
	sfx := strings.ToUpper(keyline.NewID(keyline.KindPerson)[4:])
	urnC, urnS, urnOther, urnNone := "INT/API-C/"+sfx, "INT/API-S/"+sfx, "INT/API-O/"+sfx, "INT/API-N/"+sfx
	item := func(op, urn, class string, grading map[string]any, text string) string {
		res := w.env.Do(w.analyst, `mutation($in: CreateIntelligenceItemInput!) { createIntelligenceItem(input: $in) { id } }`, map[string]any{"in": map[string]any{
			"operationId": op, "urn": urn, "sourceType": "CHIS", "classification": class, "grading": grading, "sanitisedText": text}})
		return res.NoErrors().Str("createIntelligenceItem", "id")
	}
	idC := item(w.op, urnC, "OFFICIAL", map[string]any{"source": "2", "assessment": "C", "handling": "C", "conditions": "SOCU only"}, "Covert reporting Kestrel")
	idS := item(w.op, urnS, "SECRET", map[string]any{"source": "3", "assessment": "D", "handling": "P"}, "Secret reporting Falcon")
	item(w.env.Operation(w.sio, w.analyst), urnOther, "OFFICIAL", map[string]any{"source": "2", "assessment": "E", "handling": "P"}, "Elsewhere")
	w.env.Do(w.analyst, `mutation($op: ID!, $rows: String!) { importRecords(operationId: $op, kind: NOMINALS, rows: $rows) { created } }`,
		map[string]any{"op": w.op, "rows": `[{"sourceRef":"N1","givenNames":"Kerry","familyName":"PRICE"}]`}).NoErrors()

	type reject struct {
		Line   int
		Field  string
		Reason string
	}
	importOne := func(t *testing.T, a *keyline.Actor, kind string, row map[string]any) reject {
		t.Helper()
		b, _ := json.Marshal([]map[string]any{row})
		res := w.env.Do(a, `mutation($op: ID!, $rows: String!) { importRecords(operationId: $op, kind: `+kind+`, rows: $rows) {
			rejected created updated unchanged linksCreated rejects { line field reason } } }`, map[string]any{"op": w.op, "rows": string(b)}).NoErrors()
		if res.Int("importRecords", "rejected") != 1 || res.Int("importRecords", "created")+res.Int("importRecords", "updated")+
			res.Int("importRecords", "unchanged")+res.Int("importRecords", "linksCreated") != 0 {
			t.Fatalf("%s %v was not refused: %s", kind, row, res)
		}
		var rj []reject
		raw, _ := json.Marshal(res.Path("importRecords", "rejects"))
		_ = json.Unmarshal(raw, &rj)
		return rj[0]
	}
	intel := func(urn, src, assess, handling string) map[string]any {
		r := map[string]any{"urn": urn, "receivedAt": "2026-02-01", "sourceType": "CHIS", "classification": "OFFICIAL",
			"gradeSource": src, "gradeAssessment": assess, "gradeHandling": handling, "sanitisedText": "Overwritten"}
		if handling == "C" {
			r["gradeConditions"] = "SOCU only"
		}
		return r
	}
	leaks := func(r reject) bool {
		for _, v := range []string{"Kestrel", "Falcon", "Elsewhere", "SOCU", "SECRET", "in Keyline", "absent", "is 2", "is 3", "is C", "is D", "is E"} {
			if strings.Contains(r.Reason, v) {
				return true
			}
		}
		return false
	}
	stateQ := `query($id: ID!) { node(id: $id) { ... on IntelligenceItem { version updatedBy sanitisedText classification grading { code conditions } } } }`
	for _, c := range []struct {
		name       string
		a          *keyline.Actor
		urn, id    string
		src, asses string
	}{
		{"external system, C-coded item", external, urnC, idC, "2", "C"},
		{"OFFICIAL_SENSITIVE analyst, SECRET item", w.lowClearance, urnS, idS, "3", "D"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := w.env.Do(w.sio, stateQ, map[string]any{"id": c.id}).NoErrors().String()
			want := importOne(t, c.a, "INTELLIGENCE", intel(urnOther, "1", "A", "P"))
			if want.Field != "urn" || want.Reason != "a record with the same URN already exists" {
				t.Fatalf("another operation's URN: %+v", want)
			}
			// Disagreeing with the stored grade (once "is 2 in Keyline"),
			// and agreeing with it but for the handling code.
			for _, row := range []map[string]any{intel(c.urn, "1", "A", "P"), intel(c.urn, c.src, c.asses, "P")} {
				if got := importOne(t, c.a, "INTELLIGENCE", row); got.Line != want.Line || got.Field != "urn" || got.Reason != want.Reason || leaks(got) {
					t.Errorf("row %v: %+v; want %+v", row, got, want)
				}
			}
			if c.a == external {
				// Agreeing in every way (once an update): refused for its
				// own handling code before anything stored is consulted.
				got := importOne(t, c.a, "INTELLIGENCE", intel(c.urn, c.src, c.asses, "C"))
				fresh := importOne(t, c.a, "INTELLIGENCE", intel(urnNone, c.src, c.asses, "C"))
				if got.Field != "gradeHandling" || !strings.Contains(got.Reason, "handling code C") ||
					got.Field != fresh.Field || got.Reason != fresh.Reason {
					t.Errorf("an external system wrote a C-coded row: %+v (fresh URN: %+v)", got, fresh)
				}
			}
			if after := w.env.Do(w.sio, stateQ, map[string]any{"id": c.id}).NoErrors().String(); after != before {
				t.Errorf("the hidden item changed:\n%s\n%s", before, after)
			}

			// As a link's source: the same words as a URN nobody holds.
			vehicle := func(urn string) map[string]any {
				return map[string]any{"vrm": "AB12CDE", "keeperRef": "N1", "sourceUrn": urn}
			}
			missing := importOne(t, c.a, "VEHICLES", vehicle(urnNone))
			got := importOne(t, c.a, "VEHICLES", vehicle(c.urn))
			if got.Field != missing.Field || got.Reason != strings.ReplaceAll(missing.Reason, urnNone, c.urn) || leaks(got) {
				t.Errorf("hidden source: %+v; missing source: %+v", got, missing)
			}
		})
	}
	if res := w.env.Do(w.analyst, `query($op: ID!) { operation(id: $op) { vehicles { totalCount } } }`, map[string]any{"op": w.op}).NoErrors(); res.Int("operation", "vehicles", "totalCount") != 0 {
		t.Errorf("a link citing a hidden source was written: %s", res)
	}
}
