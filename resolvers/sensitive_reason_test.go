package resolvers_test

import (
	"strings"
	"testing"

	"github.com/keyline/keyline"
)

// The reason material is sensitive belongs to the MG6D schedule, and the
// schedule's rule (keyline.Actor.SeesSensitiveSchedule: SIO, deputy SIO,
// auditors) holds on every path that reaches it: the exhibit by id, in its
// operation's list, under the action that obtained it, on a trace, in a
// target package's evidence, as a link's source, in a mutation's result,
// and in the frozen snapshot of a package review. Everyone else, the
// investigator who recorded it included, gets null and never the text.
func TestSensitivityReasonOnlyForThoseWhoReadTheMG6D(t *testing.T) {
	w := newWorld(t)
	const reason = "Reveals observation post OP-7 and its covert technique"
	inv := w.env.Officer(keyline.RoleInvestigator, keyline.Secret)
	deputy := w.env.Officer(keyline.RoleDeputySIO, keyline.Secret)
	manager := w.env.Officer(keyline.RoleActionManager, keyline.Secret)
	for _, m := range []*keyline.Actor{inv, deputy, manager} {
		w.env.Do(w.sio, `mutation($op: ID!, $o: ID!) { addOperationMember(operationId: $op, officerId: $o) { id } }`,
			map[string]any{"op": w.op, "o": m.OfficerID}).NoErrors()
	}
	subject := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Rhys", "familyName": "Calder"})
	other := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Owen", "familyName": "Pryce"})
	item := w.create(t, w.analyst, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "PARTNER_AGENCY", "grading": map[string]any{"source": "2", "assessment": "B", "handling": "P"}, "sanitisedText": "Calder stores at a lock-up",
		"mentions": []map[string]any{{"entityId": subject, "role": "SUBJECT"}}})
	action := w.env.Do(w.analyst, `mutation($op: ID!, $i: ID!) { raiseAction(input: {operationId: $op, title: "Observe the lock-up", raisedFromIds: [$i]}) { id } }`,
		map[string]any{"op": w.op, "i": item}).NoErrors().Str("raiseAction", "id")
	target := w.create(t, w.analyst, "nominateTarget", "NominateTargetInput", map[string]any{"subjectId": subject, "threatAreas": []string{"DRUGS_SUPPLY"}})

	// Even the investigator who records the reason does not read it back.
	created := w.env.Do(inv, `mutation($op: ID!, $a: ID!, $r: String!) { createExhibit(input: {operationId: $op, reference: "RC/1", kind: "DOCUMENT",
		description: "Observation log", obtainedById: $a, disclosureStatus: UNUSED_SENSITIVE, sensitivityReason: $r}) { id version sensitivityReason } }`,
		map[string]any{"op": w.op, "a": action, "r": reason}).NoErrors()
	exh := created.Str("createExhibit", "id")
	if created.Path("createExhibit", "sensitivityReason") != nil || strings.Contains(created.Raw, reason) {
		t.Fatalf("createExhibit's result gives the investigator the reason: %s", created)
	}
	updated := w.env.Do(inv, `mutation($id: ID!, $r: String!) { updateExhibit(id: $id, expectedVersion: 1, input: {sensitivityReason: $r}) { sensitivityReason } }`,
		map[string]any{"id": exh, "r": reason}).NoErrors()
	if updated.Path("updateExhibit", "sensitivityReason") != nil || strings.Contains(updated.Raw, reason) {
		t.Fatalf("updateExhibit's result gives the investigator the reason: %s", updated)
	}
	w.env.Do(w.analyst, `mutation($a: ID!, $b: ID!, $s: ID!) { link(input: {type: ASSOCIATE_OF, fromId: $a, toId: $b, kind: "criminal", sourceIds: [$s]}) { id } }`,
		map[string]any{"a": subject, "b": other, "s": exh}).NoErrors()
	// An analyst's submission freezes the package, evidence and all.
	w.env.Do(w.analyst, `mutation($t: ID!) { reviewTarget(id: $t, expectedVersion: 1, input: {status: SUBMITTED, rationale: "Package complete"}) { id } }`,
		map[string]any{"t": target}).NoErrors()

	vars := map[string]any{"op": w.op, "e": exh, "a": action, "i": item, "t": target, "p": subject}
	paths := []struct{ name, query string }{
		{"node", `query($e: ID!) { node(id: $e) { ... on Exhibit { sensitivityReason } } }`},
		{"nodes", `query($e: ID!) { nodes(ids: [$e]) { ... on Exhibit { sensitivityReason } } }`},
		{"operation exhibits", `query($op: ID!) { operation(id: $op) { exhibits { edges { node { sensitivityReason } } } } }`},
		{"action exhibits", `query($a: ID!) { node(id: $a) { ... on Action { exhibits { sensitivityReason } } } }`},
		{"trace forward", `query($i: ID!) { node(id: $i) { ... on IntelligenceItem { traceForward { nodes { ... on Exhibit { sensitivityReason } } } } } }`},
		{"package evidence", `query($t: ID!) { node(id: $t) { ... on Target { package { evidence { sensitivityReason } } } } }`},
		{"review snapshot", `query($t: ID!) { node(id: $t) { ... on Target { reviews { snapshot } } } }`},
		{"link source", `query($p: ID!) { node(id: $p) { ... on Person { links { edges { node { sources { ... on Exhibit { sensitivityReason } } } } } } } }`},
		{"MG6C schedule entries", `query($op: ID!) { operation(id: $op) { disclosureSchedule(kind: MG6C) { entries { reason exhibit { sensitivityReason } } } } }`},
	}
	for _, who := range []struct {
		name  string
		actor *keyline.Actor
		sees  bool
	}{
		{"analyst", w.analyst, false}, {"investigator", inv, false}, {"action manager", manager, false},
		{"SIO", w.sio, true}, {"deputy SIO", deputy, true}, {"auditor", w.auditor, true},
	} {
		t.Run(who.name, func(t *testing.T) {
			for _, p := range paths {
				res := w.env.Do(who.actor, p.query, vars).NoErrors()
				got := strings.Contains(res.Raw, reason)
				if p.name == "MG6C schedule entries" {
					// Sensitive material is never on the MG6C, whoever asks.
					if got {
						t.Errorf("%s: %s", p.name, res)
					}
					continue
				}
				if got != who.sees {
					t.Errorf("%s: reason shown = %v, want %v: %.400s", p.name, got, who.sees, res.Raw)
				}
			}
			// The MG6D itself, and its reason, follow the same rule.
			d := w.env.Do(who.actor, `query($op: ID!) { operation(id: $op) { disclosureSchedule(kind: MG6D) { entries { reason exhibit { sensitivityReason } } } } }`, vars)
			if who.sees {
				d.NoErrors()
				if d.Str("operation", "disclosureSchedule", "entries", 0, "reason") != reason ||
					d.Str("operation", "disclosureSchedule", "entries", 0, "exhibit", "sensitivityReason") != reason {
					t.Errorf("MG6D: %s", d)
				}
			} else if d.Code() != "FORBIDDEN" || strings.Contains(d.Raw, reason) {
				t.Errorf("MG6D must be refused: %s", d)
			}
		})
	}
}
