package resolvers_test

import (
	"strings"
	"sync"
	"testing"
)

// Two entities are joined by at most one link of each type: a second
// assertion of the same association (either way round) is refused with
// CONFLICT naming the existing link, to which the new source is added
// instead, and changes nothing. Concurrent attempts create exactly one.
func TestALinkJoinsAPairOnce(t *testing.T) {
	w := newWorld(t)
	a := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Ann", "familyName": "Lee"})
	b := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Bob", "familyName": "Hale"})
	item := w.create(t, w.analyst, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "SURVEILLANCE", "grading": map[string]any{"source": "2", "assessment": "B", "handling": "P"}, "sanitisedText": "Seen together"})
	link := `mutation($f: ID!, $t: ID!, $i: ID!) { link(input: {type: ASSOCIATE_OF, fromId: $f, toId: $t, sourceIds: [$i]}) { id } }`
	first := w.env.Do(w.analyst, link, map[string]any{"f": a, "t": b, "i": item}).NoErrors().Str("link", "id")

	for _, ends := range [][2]string{{a, b}, {b, a}} {
		again := w.env.Do(w.analyst, link, map[string]any{"f": ends[0], "t": ends[1], "i": item})
		if again.Code() != "CONFLICT" || again.Field() != "input.toId" || !strings.Contains(again.String(), first) {
			t.Fatalf("second %s -> %s link: %s", ends[0], ends[1], again)
		}
	}
	count := `query($a: ID!) { node(id: $a) { ... on Person { links(filter: {types: [ASSOCIATE_OF]}) { totalCount } } } }`
	if n := w.env.Do(w.analyst, count, map[string]any{"a": a}).NoErrors().Int("node", "links", "totalCount"); n != 1 {
		t.Fatalf("%d links after refused duplicates", n)
	}
	trail := `query($l: ID!) { auditTrail(filter: {entityId: $l}) { totalCount } }`
	if n := w.env.Do(w.auditor, trail, map[string]any{"l": first}).NoErrors().Int("auditTrail", "totalCount"); n != 1 {
		t.Fatalf("%d audit events for the link; refused attempts change nothing", n)
	}

	// Once the link is removed, the pair may be linked again.
	w.env.Do(w.analyst, `mutation($l: ID!) { unlink(id: $l, expectedVersion: 1, reason: "Wrong person") }`, map[string]any{"l": first}).NoErrors()
	w.env.Do(w.analyst, link, map[string]any{"f": b, "t": a, "i": item}).NoErrors()

	// Eight clients asserting a new pair at once: one link.
	c := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Cal", "familyName": "Moss"})
	var wg sync.WaitGroup
	codes := make([]string, 8)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f, to := a, c
			if i%2 == 1 {
				f, to = c, a
			}
			codes[i] = w.env.Do(w.analyst, link, map[string]any{"f": f, "t": to, "i": item}).Code()
		}()
	}
	wg.Wait()
	if n := w.env.Do(w.analyst, `query($c: ID!) { node(id: $c) { ... on Person { links(filter: {types: [ASSOCIATE_OF]}) { totalCount } } } }`,
		map[string]any{"c": c}).NoErrors().Int("node", "links", "totalCount"); n != 1 {
		t.Fatalf("%d links from 8 concurrent creations (codes %v)", n, codes)
	}
	if ok := strings.Count(strings.Join(codes, ","), "CONFLICT"); ok != 7 {
		t.Fatalf("want 1 created and 7 CONFLICT, got %v", codes)
	}
}
