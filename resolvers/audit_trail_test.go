package resolvers_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"

	"github.com/keyline/keyline"
)

const trailQ = `query($f: AuditFilter) { auditTrail(filter: $f, first: 100) { totalCount edges { node {
	id action actor entityKind entityId operationId before after reason purpose withheld } } } }`

// trailEvents reads the audit trail as a, failing on errors.
func trailEvents(t *testing.T, w *world, a *keyline.Actor, filter map[string]any) ([]map[string]any, string) {
	t.Helper()
	res := w.env.Do(a, trailQ, map[string]any{"f": filter}).NoErrors()
	var out []map[string]any
	for _, e := range res.Path("auditTrail", "edges").([]any) {
		out = append(out, e.(map[string]any)["node"].(map[string]any))
	}
	return out, res.Raw
}

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// The audit trail never stores source-revealing text, and gives each
// reader only the values of events about material they may see: a SECRET
// auditor sees that a TOP SECRET item was created and changed, by whom and
// when, but none of its values; a TOP SECRET SIO sees the values, and of
// the source text only its digest; an external system reaches no trail.
func TestAuditTrailWithholdsWhatTheReaderMayNotSee(t *testing.T) {
	w := newWorld(t)
	tsSIO := w.env.Officer(keyline.RoleSIO, keyline.TopSecret)
	w.env.Do(w.sio, `mutation($op: ID!, $o: ID!) { addOperationMember(operationId: $op, officerId: $o) { id } }`,
		map[string]any{"op": w.op, "o": tsSIO.OfficerID}).NoErrors()
	secretAuditor := w.env.Officer(keyline.RoleAuditor, keyline.Secret)

	const (
		firstText  = "CHIS 9001 met the subject at the lock-up"
		secondText = "CHIS 9001 saw the handover at the lock-up"
		sanitised  = "Subject stores drugs at a lock-up (TS sanitised)"
	)
	item := w.create(t, tsSIO, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "CHIS", "classification": "TOP_SECRET", "grading": map[string]any{"source": "1", "assessment": "B", "handling": "C", "conditions": "SIO only"},
		"sanitisedText": sanitised, "sourceText": firstText})
	w.env.Do(tsSIO, `mutation($id: ID!) { updateIntelligenceItem(id: $id, expectedVersion: 1, input: {sourceText: "`+secondText+`"}) { id } }`,
		map[string]any{"id": item}).NoErrors()

	// The SECRET auditor: who, when, what and which record; no values.
	events, raw := trailEvents(t, w, secretAuditor, map[string]any{"entityId": item})
	actions := map[string]bool{}
	for _, e := range events {
		actions[e["action"].(string)] = true
		if e["withheld"] != true || e["before"] != nil || e["after"] != nil || e["reason"] != nil {
			t.Errorf("SECRET auditor got the values of a TOP SECRET event: %v", e)
		}
		if e["actor"] != tsSIO.Subject || e["entityId"] != item || e["operationId"] != w.op || e["entityKind"] != "IntelligenceItem" {
			t.Errorf("withheld event lost its metadata: %v", e)
		}
	}
	if !actions["CREATE"] || !actions["UPDATE"] {
		t.Fatalf("SECRET auditor must still see that the item was created and changed: %s", raw)
	}
	for _, leak := range []string{"CHIS 9001", "lock-up", "SIO only"} {
		if strings.Contains(raw, leak) {
			t.Errorf("SECRET auditor's trail holds %q: %s", leak, raw)
		}
	}
	// Nor does the whole trail of the operation, unfiltered.
	if _, all := trailEvents(t, w, secretAuditor, map[string]any{"operationId": w.op}); strings.Contains(all, "lock-up") {
		t.Errorf("SECRET auditor's operation trail holds TOP SECRET values: %s", all)
	}

	// The TOP SECRET SIO and auditor see the values, and of the source
	// text only its digest, before and after.
	for _, reader := range []*keyline.Actor{tsSIO, w.auditor} {
		events, raw := trailEvents(t, w, reader, map[string]any{"entityId": item})
		if strings.Contains(raw, "CHIS 9001") {
			t.Errorf("%s read source text in the trail: %s", reader.Subject, raw)
		}
		var created, updated bool
		for _, e := range events {
			if e["withheld"] != false {
				t.Errorf("%s cleared for the item but the event is withheld: %v", reader.Subject, e)
			}
			switch e["action"] {
			case "CREATE":
				after := decodeJSON(t, e["after"])
				created = after["sanitisedText"] == sanitised &&
					digestOf(after["sourceText"]) == sha(firstText)
			case "UPDATE":
				before, after := decodeJSON(t, e["before"]), decodeJSON(t, e["after"])
				updated = digestOf(before["sourceText"]) == sha(firstText) && digestOf(after["sourceText"]) == sha(secondText)
			}
		}
		if !created || !updated {
			t.Errorf("%s: want the values with the source text as digests: %s", reader.Subject, raw)
		}
	}

	// A SECRET, C-coded item: the SECRET auditor sees its values (the
	// marking is within theirs); an external system reads no trail at all.
	cItem := w.create(t, w.sio, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "CHIS", "classification": "SECRET", "grading": map[string]any{"source": "2", "assessment": "C", "handling": "C", "conditions": "No onward sharing"},
		"sanitisedText": "C-coded sanitised text", "sourceText": "CHIS 7 reporting"})
	events, raw = trailEvents(t, w, secretAuditor, map[string]any{"entityId": cItem})
	if len(events) != 1 || events[0]["withheld"] != false || !strings.Contains(raw, "C-coded sanitised text") || strings.Contains(raw, "CHIS 7") {
		t.Errorf("SECRET auditor on a SECRET C item: want its values without source text: %s", raw)
	}
	ext := w.env.Officer(keyline.RoleExternalSystem, keyline.TopSecret)
	w.env.Do(w.sio, `mutation($op: ID!, $o: ID!) { addOperationMember(operationId: $op, officerId: $o) { id } }`,
		map[string]any{"op": w.op, "o": ext.OfficerID}).NoErrors()
	if res := w.env.Do(ext, trailQ, map[string]any{"f": map[string]any{"entityId": cItem}}); res.Code() != "FORBIDDEN" || strings.Contains(res.Raw, "C-coded") {
		t.Errorf("an external system read the trail: %s", res.Raw)
	}
}

// Changing an item's marking keeps its old values under the old marking:
// an item downgraded from TOP SECRET to SECRET does not hand its TOP
// SECRET values to a SECRET reader through the change's before.
func TestAuditTrailKeepsTheStricterMarkingOfADowngrade(t *testing.T) {
	w := newWorld(t)
	tsSIO := w.env.Officer(keyline.RoleSIO, keyline.TopSecret)
	w.env.Do(w.sio, `mutation($op: ID!, $o: ID!) { addOperationMember(operationId: $op, officerId: $o) { id } }`,
		map[string]any{"op": w.op, "o": tsSIO.OfficerID}).NoErrors()
	secretAuditor := w.env.Officer(keyline.RoleAuditor, keyline.Secret)
	item := w.create(t, tsSIO, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "OFFICER", "classification": "TOP_SECRET", "grading": map[string]any{"source": "1", "assessment": "A", "handling": "P"},
		"sanitisedText": "TS wording before the downgrade"})
	w.env.Do(tsSIO, `mutation($id: ID!) { updateIntelligenceItem(id: $id, expectedVersion: 1, input: {classification: SECRET, sanitisedText: "SECRET wording"}) { id } }`,
		map[string]any{"id": item}).NoErrors()
	events, raw := trailEvents(t, w, secretAuditor, map[string]any{"entityId": item, "actions": []string{"UPDATE"}})
	if len(events) != 1 || events[0]["withheld"] != true || strings.Contains(raw, "TS wording") {
		t.Errorf("the downgrade's event must keep its TOP SECRET marking: %s", raw)
	}
}

func decodeJSON(t *testing.T, v any) map[string]any {
	t.Helper()
	s, _ := v.(string)
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("not a JSON object: %v", v)
	}
	return m
}

// digestOf reads the digest form of a source-revealing value ("" if the
// value is anything else, such as the text itself).
func digestOf(v any) string {
	m, ok := v.(map[string]any)
	if !ok || m["changed"] != true {
		return ""
	}
	s, _ := m["sha256"].(string)
	return s
}
