package resolvers_test

import (
	"strings"
	"testing"

	"github.com/keyline/keyline"
)

// Issue #12, defect 3: a review snapshot freezes the package as the
// reviewer saw it, C-coded and SECRET items included; at read time it is
// withheld from whoever may not see all of it (an external system and a
// C-coded item; an OFFICIAL-SENSITIVE analyst and a SECRET one), and every
// snapshot returned is an audited read.
func TestReviewSnapshotsApplyNeedToKnowAndAreAudited(t *testing.T) {
	w := newWorld(t)
	external := w.env.Officer(keyline.RoleExternalSystem, keyline.TopSecret)
	w.env.Do(w.sio, `mutation($op: ID!, $o: ID!) { addOperationMember(operationId: $op, officerId: $o) { id } }`,
		map[string]any{"op": w.op, "o": external.OfficerID}).NoErrors()
	per := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Ann", "familyName": "Lee"})
	w.create(t, w.sio, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "CHIS", "classification": "OFFICIAL", "grading": map[string]any{"source": "1", "assessment": "B", "handling": "C", "conditions": "CANARY condition"},
		"sanitisedText": "CANARY coded", "mentions": []map[string]any{{"entityId": per, "role": "SUBJECT"}}})
	target := w.env.Do(w.analyst, `mutation($op: ID!, $p: ID!) { nominateTarget(input: {operationId: $op, subjectId: $p, threatAreas: [DRUGS_SUPPLY]}) { id } }`,
		map[string]any{"op": w.op, "p": per}).NoErrors().Str("nominateTarget", "id")
	w.env.Do(w.analyst, `mutation($t: ID!) { reviewTarget(id: $t, expectedVersion: 1, input: {status: SUBMITTED, rationale: "complete"}) { id } }`,
		map[string]any{"t": target}).NoErrors()

	read := `query($t: ID!) { node(id: $t) { ... on Target { reviews { to snapshot } } } }`
	sio := w.env.Do(w.sio, read, map[string]any{"t": target}).NoErrors()
	if !strings.Contains(sio.Str("node", "reviews", 0, "snapshot"), "CANARY coded") {
		t.Fatalf("the SIO reads the snapshot whole: %s", sio)
	}
	ext := w.env.Do(external, read, map[string]any{"t": target}).NoErrors()
	if ext.Path("node", "reviews", 0, "snapshot") != nil || strings.Contains(ext.String(), "CANARY") {
		t.Errorf("an external system read a snapshot holding a C-coded item: %s", ext)
	}
	if ext.Str("node", "reviews", 0, "to") != "SUBMITTED" {
		t.Errorf("the review itself stays visible: %s", ext)
	}

	// A SECRET item added later is not in this snapshot; a second review
	// freezes it, and the OFFICIAL-SENSITIVE analyst gets that one withheld.
	w.create(t, w.sio, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "CHIS", "classification": "SECRET", "grading": map[string]any{"source": "1", "assessment": "B", "handling": "P"},
		"sanitisedText": "CANARY secret", "mentions": []map[string]any{{"entityId": per, "role": "SUBJECT"}}})
	w.env.Do(w.sio, `mutation($t: ID!) { reviewTarget(id: $t, expectedVersion: 2, input: {status: PARKED, rationale: "more work"}) { id } }`,
		map[string]any{"t": target}).NoErrors()
	low := w.env.Do(w.lowClearance, read, map[string]any{"t": target}).NoErrors()
	var withheld, shown int
	for _, rv := range low.Path("node", "reviews").([]any) {
		if rv.(map[string]any)["snapshot"] == nil {
			withheld++
		} else {
			shown++
		}
	}
	if withheld != 1 || shown != 1 || strings.Contains(low.String(), "CANARY secret") {
		t.Errorf("OFFICIAL-SENSITIVE analyst: %d withheld, %d shown: %s", withheld, shown, low)
	}

	// Every snapshot returned is a READ in the audit trail; one withheld is not.
	trail := w.env.Do(w.auditor, `query($op: ID!) { auditTrail(filter: {operationId: $op, actions: ["READ"]}, first: 100) { edges { node { actor entityKind } } } }`,
		map[string]any{"op": w.op}).NoErrors()
	reads := map[string]int{}
	for _, e := range trail.Path("auditTrail", "edges").([]any) {
		n := e.(map[string]any)["node"].(map[string]any)
		if n["entityKind"] == "TargetReviewSnapshot" {
			reads[n["actor"].(string)]++
		}
	}
	if reads[w.sio.Subject] != 1 || reads[w.lowClearance.Subject] != 1 || reads[external.Subject] != 0 {
		t.Errorf("snapshot reads recorded: %v (want the SIO 1, the analyst 1, the external system 0)", reads)
	}
}
