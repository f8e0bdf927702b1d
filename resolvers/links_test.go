package resolvers_test

import (
	"strings"
	"testing"
)

// Links carry provenance; they can be updated with optimistic concurrency
// and removed with a reason; every change lands in the audit trail.
func TestLinkLifecycleWithProvenanceAndAudit(t *testing.T) {
	w := newWorld(t)
	a := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Ann", "familyName": "Lee"})
	phone := w.create(t, w.analyst, "createCommsDevice", "CreateCommsDeviceInput", map[string]any{"kind": "MOBILE", "number": "+447700900555"})
	item := w.create(t, w.analyst, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "COMMS_DATA", "grading": map[string]any{"source": "1", "assessment": "A", "handling": "P"}, "sanitisedText": "Subscriber checks"})
	legacy := w.create(t, w.analyst, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "PUBLIC", "legacyGrading": map[string]any{"source": "B", "information": "2", "handling": "4"}, "sanitisedText": "Old report"})

	created := w.env.Do(w.analyst, `mutation($a: ID!, $p: ID!, $i: ID!) { link(input: {type: USES, fromId: $a, toId: $p, confidence: 0.9,
		firstSeen: "2026-02-01T00:00:00Z", lastSeen: "2026-03-01T00:00:00Z", sourceIds: [$i]}) {
		id type confidence version from { id } to { id } sources { ... on IntelligenceItem { id grading { code } } } } }`,
		map[string]any{"a": a, "p": phone, "i": item}).NoErrors()
	link := created.Str("link", "id")
	if created.Str("link", "from", "id") != a || created.Str("link", "to", "id") != phone || created.Str("link", "sources", 0, "grading", "code") != "1A P" {
		t.Fatalf("created link: %s", created)
	}

	// Seen from the phone, the other end is the person.
	view := w.env.Do(w.analyst, `query($p: ID!) { node(id: $p) { ... on CommsDevice { links(filter: {types: [USES], minConfidence: 0.5}) { totalCount edges { node { id other { id } } } } } } }`,
		map[string]any{"p": phone}).NoErrors()
	if view.Str("node", "links", "edges", 0, "node", "other", "id") != a {
		t.Fatalf("other end: %s", view)
	}
	if none := w.env.Do(w.analyst, `query($p: ID!) { node(id: $p) { ... on CommsDevice { links(filter: {types: [CONTACTED]}) { totalCount } } } }`,
		map[string]any{"p": phone}).NoErrors(); none.Int("node", "links", "totalCount") != 0 {
		t.Fatalf("type filter: %s", none)
	}

	upd := w.env.Do(w.analyst, `mutation($l: ID!, $i: ID!, $j: ID!) { updateLink(id: $l, expectedVersion: 1, input: {confidence: 0.6, sourceIds: [$i, $j]}) {
		version confidence sources { ... on IntelligenceItem { legacyGrading { code } grading { code conditions } } } } }`,
		map[string]any{"l": link, "i": item, "j": legacy}).NoErrors()
	if upd.Int("updateLink", "version") != 2 || len(upd.Path("updateLink", "sources").([]any)) != 2 {
		t.Fatalf("update: %s", upd)
	}
	if got := upd.Str("updateLink", "sources", 1, "legacyGrading", "code"); got != "B2 4" {
		t.Fatalf("legacy grade must be preserved as given: %s", upd)
	}
	if got := upd.Str("updateLink", "sources", 1, "grading", "code"); got != "1A C" {
		t.Fatalf("legacy grade must map to 3x5x2: %s", upd)
	}
	if stale := w.env.Do(w.analyst, `mutation($l: ID!) { updateLink(id: $l, expectedVersion: 1, input: {confidence: 0.1}) { id } }`,
		map[string]any{"l": link}); stale.Code() != "CONFLICT" {
		t.Fatalf("stale link update: %s", stale)
	}
	if noReason := w.env.Do(w.analyst, `mutation($l: ID!) { unlink(id: $l, expectedVersion: 2, reason: "") }`, map[string]any{"l": link}); noReason.Field() != "reason" {
		t.Fatalf("unlink without a reason: %s", noReason)
	}
	w.env.Do(w.analyst, `mutation($l: ID!) { unlink(id: $l, expectedVersion: 2, reason: "Phone attributed to the wrong person") }`, map[string]any{"l": link}).NoErrors()
	if gone := w.env.Do(w.analyst, `query($l: ID!) { node(id: $l) { id } }`, map[string]any{"l": link}).NoErrors(); gone.Path("node") != nil {
		t.Fatalf("unlinked link still there: %s", gone)
	}

	// The audit trail: an analyst may not read it; the auditor sees the
	// link's whole history, with the reason for removal.
	q := `query($l: ID!) { auditTrail(filter: {entityId: $l}) { totalCount edges { node { action actor reason before after } } } }`
	if res := w.env.Do(w.analyst, q, map[string]any{"l": link}); res.Code() != "FORBIDDEN" {
		t.Fatalf("analyst read the audit trail: %s", res)
	}
	trail := w.env.Do(w.auditor, q, map[string]any{"l": link}).NoErrors()
	if trail.Int("auditTrail", "totalCount") != 3 {
		t.Fatalf("want LINK, UPDATE, UNLINK: %s", trail)
	}
	if trail.Str("auditTrail", "edges", 0, "node", "action") != "UNLINK" ||
		trail.Str("auditTrail", "edges", 0, "node", "reason") != "Phone attributed to the wrong person" ||
		trail.Str("auditTrail", "edges", 0, "node", "actor") != w.analyst.Subject ||
		!strings.Contains(trail.Str("auditTrail", "edges", 1, "node", "before"), `"confidence":0.9`) {
		t.Fatalf("trail: %s", trail)
	}
	// Reads of intelligence are audited too.
	reads := w.env.Do(w.auditor, `query($i: ID!) { auditTrail(filter: {entityId: $i, actions: ["READ"]}) { totalCount edges { node { actor } } } }`,
		map[string]any{"i": item}).NoErrors()
	if reads.Int("auditTrail", "totalCount") == 0 {
		t.Fatalf("reads of the item were not audited: %s", reads)
	}
}
