package importer

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/internal/neo4jtest"
)

// intelRow is an intelligence row graded 3x5x2.
func intelRow(urn, class, src, assess, handling, text string) map[string]any {
	r := map[string]any{"urn": urn, "receivedAt": "2026-02-01", "sourceType": "CHIS", "classification": class,
		"gradeSource": src, "gradeAssessment": assess, "gradeHandling": handling, "sanitisedText": text}
	if handling == keyline.HandlingC {
		r["gradeConditions"] = "SOCU only"
	}
	return r
}

// itemByURN reads an item as its operation's owner sees it.
func itemByURN(t *testing.T, s *cypher.Store, owner *keyline.Actor, urn string) map[string]any {
	t.Helper()
	pages, err := s.ListByOperation(context.Background(), cypher.ScopeOf(owner), keyline.KindIntelligenceItem, []string{opOf(owner)}, cypher.ListQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range pages[opOf(owner)].Items {
		if r.Props["urn"] == urn {
			return r.Props
		}
	}
	t.Fatalf("no item %s", urn)
	return nil
}

// rejectOf imports one row and returns its reject; the row must be
// rejected and nothing written.
func rejectOf(t *testing.T, s *cypher.Store, a *keyline.Actor, kind string, row map[string]any) Reject {
	t.Helper()
	sum, err := ImportRows(context.Background(), s, a, opOf(a), kind, []map[string]any{row})
	if err != nil {
		t.Fatalf("%s %v: %v", kind, row, err)
	}
	if sum.Rejected != 1 || sum.Created+sum.Updated+sum.Unchanged+sum.LinksCreated+sum.LinksUpdated != 0 {
		t.Fatalf("%s %v was not refused: %+v %v", kind, row, sum.Stats, sum.Rejects)
	}
	return sum.Rejects[0]
}

// An import is no oracle and no back door: a row naming an intelligence
// item the importer cannot see (a C-coded item for an external system,
// an item above the importer's clearance, an item of another operation)
// is refused with the same words as a URN taken anywhere, naming none of
// the item's values, whether or not the row agrees with it; the item is
// left as it was. A link citing a hidden item as its source, and an
// action raised from one, are refused exactly as for a URN nobody holds.
func TestImportRefusesHiddenItemsAlike(t *testing.T) {
	s := neo4jtest.Store(t)
	ctx := context.Background()
	owner := newOperation(t, s)
	op := opOf(owner)
	other := newOperation(t, s)
	urnC, urnS, urnOther, urnNone := "INT/NTK-C/"+op, "INT/NTK-S/"+op, "INT/NTK-O/"+op, "INT/NTK-NONE/"+op
	stored := []map[string]any{
		intelRow(urnC, "OFFICIAL", "2", "C", "C", "Covert reporting Kestrel"),
		intelRow(urnS, "SECRET", "3", "D", "P", "Secret reporting Falcon"),
	}
	if sum, err := ImportRows(ctx, s, owner, op, "intelligence", stored); err != nil || sum.Created != 2 {
		t.Fatalf("%+v %v", sum, err)
	}
	if sum, err := ImportRows(ctx, s, other, opOf(other), "intelligence", []map[string]any{intelRow(urnOther, "OFFICIAL", "2", "E", "P", "Elsewhere")}); err != nil || sum.Created != 1 {
		t.Fatalf("%+v %v", sum, err)
	}
	if sum, err := ImportRows(ctx, s, owner, op, "nominals", []map[string]any{{"sourceRef": "N1", "givenNames": "Kerry", "familyName": "PRICE"}}); err != nil || sum.Created != 1 {
		t.Fatalf("%+v %v", sum, err)
	}
	before := map[string]map[string]any{urnC: itemByURN(t, s, owner, urnC), urnS: itemByURN(t, s, owner, urnS)}
	external := &keyline.Actor{Subject: "feed", Roles: []keyline.Role{keyline.RoleExternalSystem}, Clearance: keyline.Secret, Operations: owner.Operations}
	low := &keyline.Actor{Subject: "low", Roles: []keyline.Role{keyline.RoleAnalyst}, Clearance: keyline.OfficialSensitive, Operations: owner.Operations}

	// What revealing anything would look like: a stored grade, text,
	// classification or handling code, or the conditions.
	leaks := func(r Reject) bool {
		for _, v := range []string{"Kestrel", "Falcon", "Elsewhere", "SOCU", "SECRET", "in Keyline", "absent", "is 2", "is 3", "is C", "is D", "is E"} {
			if strings.Contains(r.Reason, v) {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		name   string
		a      *keyline.Actor
		hidden string
	}{
		{"external system, C-coded item", external, urnC},
		{"OFFICIAL_SENSITIVE analyst, SECRET item", low, urnS},
	} {
		t.Run(c.name, func(t *testing.T) {
			want := rejectOf(t, s, c.a, "intelligence", intelRow(urnOther, "OFFICIAL", "1", "A", "P", "Overwritten"))
			if want.Field != "urn" || want.Reason != "a record with the same URN already exists" {
				t.Fatalf("another operation's URN: %+v", want)
			}
			b := before[c.hidden]
			for _, row := range []map[string]any{
				// Disagrees with the stored grade: once answered "is 2 in Keyline".
				intelRow(c.hidden, "OFFICIAL", "1", "A", "P", "Overwritten"),
				// Agrees with it, with new text: once an update.
				intelRow(c.hidden, "OFFICIAL", b["gradeSource"].(string), b["gradeAssessment"].(string), "P", "Overwritten"),
				intelRow(c.hidden, "OFFICIAL", b["gradeSource"].(string), b["gradeAssessment"].(string), b["gradeHandling"].(string), "Overwritten"),
				{"urn": c.hidden, "receivedAt": "2019-05-02", "sourceType": "PUBLIC", "legacySource": "B", "legacyInformation": "2",
					"legacyHandling": "1", "classification": "OFFICIAL", "sanitisedText": "Overwritten"},
			} {
				got := rejectOf(t, s, c.a, "intelligence", row)
				if c.a == external && row["gradeHandling"] == keyline.HandlingC {
					// Agrees with the item in every way: once an update.
					// Refused first for its own handling code, which the
					// external system may not record whatever is stored.
					if got.Field != "gradeHandling" || leaks(got) {
						t.Errorf("row %v: %+v", row, got)
					}
					continue
				}
				if got != want || leaks(got) {
					t.Errorf("row %v: %+v; want %+v", row, got, want)
				}
			}
			after := itemByURN(t, s, owner, c.hidden)
			for _, k := range []string{"version", "gradeSource", "gradeAssessment", "gradeHandling", "sanitisedText", "classification", "updatedAt", "updatedBy"} {
				if fmt.Sprint(after[k]) != fmt.Sprint(b[k]) {
					t.Errorf("%s changed: %v -> %v", k, b[k], after[k])
				}
			}

			// As a link's source: the same words as a URN nobody holds.
			vehicle := func(urn string) map[string]any {
				return map[string]any{"vrm": "AB12CDE", "keeperRef": "N1", "sourceUrn": urn}
			}
			missing := rejectOf(t, s, c.a, "vehicles", vehicle(urnNone))
			got := rejectOf(t, s, c.a, "vehicles", vehicle(c.hidden))
			if got.Field != missing.Field || got.Reason != strings.ReplaceAll(missing.Reason, urnNone, c.hidden) || leaks(got) {
				t.Errorf("hidden source: %+v; missing source: %+v", got, missing)
			}
			if got := rejectOf(t, s, c.a, "vehicles", vehicle(urnOther)); got.Reason != strings.ReplaceAll(missing.Reason, urnNone, urnOther) {
				t.Errorf("another operation's source: %+v; missing source: %+v", got, missing)
			}
			if c.a.Can(keyline.PermRaiseAction) {
				action := func(urn string) map[string]any {
					return map[string]any{"sourceRef": "A-" + c.a.Subject, "title": "Trace", "priority": "LOW", "raisedFromUrn": urn}
				}
				missing := rejectOf(t, s, c.a, "actions", action(urnNone))
				if got := rejectOf(t, s, c.a, "actions", action(c.hidden)); got.Field != missing.Field || got.Reason != strings.ReplaceAll(missing.Reason, urnNone, c.hidden) {
					t.Errorf("raised from a hidden item: %+v; missing: %+v", got, missing)
				}
			}
		})
	}
	st, err := s.ImportState(ctx, op)
	if err != nil {
		t.Fatal(err)
	}
	if st.ByKind[keyline.KindVehicle] != 0 || st.ByKind[keyline.KindAction] != 0 || st.NodeVersions != st.Nodes {
		t.Errorf("refused rows wrote something: %+v", st)
	}
}

// Nobody imports what they could not then read: an external system may
// not record a C-coded item (3x5x2 or mapped from a legacy grade), an
// analyst nothing above their clearance. The refusal names the row's own
// field and value, never anything stored.
func TestImportRefusesMarkingsTheImporterMayNotReceive(t *testing.T) {
	s := neo4jtest.Store(t)
	ctx := context.Background()
	owner := newOperation(t, s)
	op := opOf(owner)
	external := &keyline.Actor{Subject: "feed", Roles: []keyline.Role{keyline.RoleExternalSystem}, Clearance: keyline.TopSecret, Operations: owner.Operations}
	low := &keyline.Actor{Subject: "low", Roles: []keyline.Role{keyline.RoleAnalyst}, Clearance: keyline.OfficialSensitive, Operations: owner.Operations}

	got := rejectOf(t, s, external, "intelligence", intelRow("INT/NTK-EXT/"+op, "OFFICIAL", "1", "A", "C", "x"))
	if got.Field != "gradeHandling" || !strings.Contains(got.Reason, "handling code C") {
		t.Errorf("an external system recorded a C-coded item: %+v", got)
	}
	got = rejectOf(t, s, low, "intelligence", intelRow("INT/NTK-LOW/"+op, "SECRET", "1", "A", "P", "x"))
	if got.Field != "classification" || !strings.Contains(got.Reason, "above your own clearance") {
		t.Errorf("above clearance: %+v", got)
	}
	// The same row is refused the same way whether or not its URN is
	// taken by an item the importer cannot see.
	if sum, err := ImportRows(ctx, s, owner, op, "intelligence", []map[string]any{intelRow("INT/NTK-TAKEN/"+op, "SECRET", "1", "A", "C", "Kestrel")}); err != nil || sum.Created != 1 {
		t.Fatalf("%+v %v", sum, err)
	}
	for _, c := range []struct {
		a    *keyline.Actor
		row  func(urn string) map[string]any
		want string
	}{
		{external, func(urn string) map[string]any { return intelRow(urn, "OFFICIAL", "1", "A", "C", "x") }, "gradeHandling"},
		{low, func(urn string) map[string]any { return intelRow(urn, "SECRET", "1", "A", "P", "x") }, "classification"},
	} {
		fresh := rejectOf(t, s, c.a, "intelligence", c.row("INT/NTK-FRESH/"+op))
		taken := rejectOf(t, s, c.a, "intelligence", c.row("INT/NTK-TAKEN/"+op))
		if fresh.Field != c.want || taken != fresh {
			t.Errorf("%s: fresh URN %+v, taken URN %+v", c.a.Subject, fresh, taken)
		}
	}
	if st, err := s.ImportState(ctx, op); err != nil || st.ByKind[keyline.KindIntelligenceItem] != 1 || st.NodeVersions != st.Nodes {
		t.Errorf("refused rows wrote something: %+v %v", st, err)
	}
}

// Source-revealing text is read only by the SIO roles, so only they change
// it by import: for anyone else a row's sourceText on an existing item is
// neither compared (updated or unchanged would tell whether it matches)
// nor written.
func TestImportSourceTextOnlyChangedByThoseWhoReadIt(t *testing.T) {
	s := neo4jtest.Store(t)
	ctx := context.Background()
	owner := newOperation(t, s)
	op := opOf(owner)
	urn := "INT/SRC/" + op
	row := intelRow(urn, "OFFICIAL", "2", "B", "P", "Reporting Osprey")
	row["sourceText"] = "CHIS 7 met the subject"
	if sum, err := ImportRows(ctx, s, owner, op, "intelligence", []map[string]any{row}); err != nil || sum.Created != 1 {
		t.Fatalf("%+v %v", sum, err)
	}
	analyst := &keyline.Actor{Subject: "import-analyst", Roles: []keyline.Role{keyline.RoleAnalyst}, Clearance: keyline.TopSecret, Operations: []string{op}}
	for _, guess := range []string{"CHIS 7 met the subject", "CHIS 9 met the subject"} {
		row["sourceText"] = guess
		sum, err := ImportRows(ctx, s, analyst, op, "intelligence", []map[string]any{row})
		if err != nil || sum.Unchanged != 1 || sum.Updated != 0 {
			t.Errorf("an analyst's guess %q was compared with the source text: %+v %v", guess, sum.Stats, err)
		}
	}
	if got := itemByURN(t, s, owner, urn)["sourceText"]; got != "CHIS 7 met the subject" {
		t.Errorf("an analyst's import changed the source text to %v", got)
	}
	sio := &keyline.Actor{Subject: "import-sio", Roles: []keyline.Role{keyline.RoleSIO}, Clearance: keyline.TopSecret, Operations: []string{op}}
	row["sourceText"] = "CHIS 7 met the subject twice"
	if sum, err := ImportRows(ctx, s, sio, op, "intelligence", []map[string]any{row}); err != nil || sum.Updated != 1 {
		t.Errorf("the SIO's correction: %+v %v", sum.Stats, err)
	}
}
