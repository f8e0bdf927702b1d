package resolvers_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/keyline/keyline/cypher"
)

// nestedQuery reads three levels below the operation's persons: each
// person's links, the far entity, its links, and every link's sources.
const nestedQuery = `query($op: ID!) { operation(id: $op) { persons(first: 20) { edges { node {
	label
	links(first: 10) { totalCount edges { node { type confidence sources { ... on IntelligenceItem { urn grading { code } } }
		other { label ... on Person { links(first: 10) { edges { node { type other { label } sources { __typename } } } } } } } } }
	mentionedIn { totalCount edges { node { urn } } }
} } } } }`

// A nested query costs a bounded number of Cypher round trips that does
// not grow with the number of results (no N+1).
func TestNestedQueryRoundTripsDoNotGrowWithResults(t *testing.T) {
	counts := map[int]int64{}
	for _, n := range []int{3, 12} {
		w := newWorld(t)
		item := w.create(t, w.analyst, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
			"sourceType": "OFFICER", "grading": map[string]any{"source": "1", "assessment": "A", "handling": "P"}, "sanitisedText": "seen together"})
		var ids []string
		for i := 0; i < n; i++ {
			ids = append(ids, w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "P", "familyName": fmt.Sprint("N", i)}))
		}
		// A ring of associations, so every person has two links.
		for i := range ids {
			w.env.Do(w.analyst, `mutation($a: ID!, $b: ID!, $i: ID!) { link(input: {type: ASSOCIATE_OF, fromId: $a, toId: $b, sourceIds: [$i]}) { id } }`,
				map[string]any{"a": ids[i], "b": ids[(i+1)%n], "i": item}).NoErrors()
		}
		ctx, rt := cypher.CountRoundTrips(context.Background())
		res := w.env.DoContext(ctx, w.analyst, nestedQuery, map[string]any{"op": w.op}).NoErrors()
		if got := len(res.Path("operation", "persons", "edges").([]any)); got != n {
			t.Fatalf("want %d persons, got %d", n, got)
		}
		if res.Int("operation", "persons", "edges", 0, "node", "links", "totalCount") != 2 {
			t.Fatalf("ring links: %s", res)
		}
		counts[n] = rt.Load()
		t.Logf("%d persons, %d links: %d Cypher round trips", n, n, counts[n])
	}
	if counts[3] != counts[12] {
		t.Fatalf("round trips grew with results: %v", counts)
	}
	// The harness's membership lookup, operation, persons, then (read
	// ahead, no batch waits) links with mentionedIn, then the links'
	// sources (the far ends' links are the same question as the persons'
	// links here, so already read), and the read audit of the sources.
	if counts[12] > 7 {
		t.Fatalf("too many round trips for a three-level query: %d", counts[12])
	}
}
