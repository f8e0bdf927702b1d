package resolvers_test

import (
	"context"
	"testing"

	"github.com/keyline/keyline/cypher"
)

// Intelligence read ahead for mentionedIn is recorded in the audit trail
// in the statement that reads it: once per item returned, by the
// caller, whether the item appears under one entity or several, and not
// again when the response is sent. Items not returned are not recorded.
func TestMentionedInReadsAreAuditedOnceWithTheRead(t *testing.T) {
	w := newWorld(t)
	a := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "A", "familyName": "One"})
	b := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "B", "familyName": "Two"})
	both := w.create(t, w.analyst, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "OFFICER", "grading": map[string]any{"source": "1", "assessment": "A", "handling": "P"}, "sanitisedText": "A and B together",
		"mentions": []map[string]any{{"entityId": a, "role": "SUBJECT"}, {"entityId": b, "role": "SUBJECT"}}})
	onlyB := w.create(t, w.analyst, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "OFFICER", "grading": map[string]any{"source": "1", "assessment": "A", "handling": "P"}, "sanitisedText": "B alone",
		"mentions": []map[string]any{{"entityId": b, "role": "SUBJECT"}}})
	unread := w.create(t, w.analyst, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "OFFICER", "grading": map[string]any{"source": "1", "assessment": "A", "handling": "P"}, "sanitisedText": "not asked for"})

	reads := func(item string) int {
		return w.env.Do(w.auditor, `query($i: ID!) { auditTrail(filter: {entityId: $i, actions: ["READ"]}) { totalCount edges { node { actor } } } }`,
			map[string]any{"i": item}).NoErrors().Int("auditTrail", "totalCount")
	}
	before := map[string]int{both: reads(both), onlyB: reads(onlyB), unread: reads(unread)}

	// Both persons' pages are read ahead in one audited transaction.
	ctx, rt := cypher.CountRoundTrips(context.Background())
	res := w.env.DoContext(ctx, w.analyst, `query($op: ID!) { operation(id: $op) { persons(first: 10) { edges { node {
		mentionedIn(first: 10) { totalCount edges { node { id } } } } } } } }`, map[string]any{"op": w.op}).NoErrors()
	if n := len(res.Path("operation", "persons", "edges").([]any)); n != 2 {
		t.Fatalf("want 2 persons: %s", res)
	}
	// The harness's membership lookup, operation, persons, then
	// mentionedIn and its audit in one statement; no audit write after.
	if got := rt.Load(); got != 4 {
		t.Fatalf("want 4 statements, got %d", got)
	}
	for item, want := range map[string]int{both: 1, onlyB: 1, unread: 0} {
		if got := reads(item) - before[item]; got != want {
			t.Errorf("item %s: %d new READ events, want %d", item, got, want)
		}
	}
	trail := w.env.Do(w.auditor, `query($i: ID!) { auditTrail(filter: {entityId: $i, actions: ["READ"]}, first: 1) { edges { node { actor } } } }`,
		map[string]any{"i": both}).NoErrors()
	if got := trail.Str("auditTrail", "edges", 0, "node", "actor"); got != w.analyst.Subject {
		t.Fatalf("READ recorded for %q, want %q", got, w.analyst.Subject)
	}
}
