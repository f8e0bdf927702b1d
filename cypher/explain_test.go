package cypher_test

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/internal/neo4jtest"
)

// No query Keyline runs is planned with a cartesian product, an unbounded
// variable-length pattern or an exhaustive shortest-path search: every
// named query and every template expansion is planned and its
// notifications checked.
func TestNoQueryIsPlannedUnbounded(t *testing.T) {
	s := neo4jtest.Store(t)
	forbidden := []string{"CartesianProduct", "UnboundedVariableLengthPattern", "ExhaustiveShortestPath"}
	names := cypher.QueryNames()
	sort.Strings(names)
	checked := 0
	templates := map[string]bool{}
	for _, name := range names {
		if strings.HasPrefix(name, "await_indexes") {
			continue
		}
		// Label and relationship-type expansions differ only in one name,
		// so one of each template is planned; path bounds change the plan,
		// so every path expansion is.
		if base, _, ok := strings.Cut(name, ":"); ok && !strings.HasPrefix(base, "paths_") {
			if templates[base] {
				continue
			}
			templates[base] = true
		}
		notes, err := s.Explain(context.Background(), name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		checked++
		for _, n := range notes {
			for _, f := range forbidden {
				if strings.Contains(n.Code, f) {
					t.Errorf("%s is planned with %s: %s", name, f, n.Title)
				}
			}
		}
	}
	if checked < 80 {
		t.Fatalf("only %d queries were planned", checked)
	}
	t.Logf("%d queries and expansions planned without forbidden notifications", checked)
}

// The check above can fail: a query with a cartesian product is caught.
func TestExplainDetectsCartesianProduct(t *testing.T) {
	s := neo4jtest.Store(t)
	notes, err := s.ExplainText(context.Background(), "MATCH (a:Person), (b:Vehicle) RETURN a.id, b.id")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range notes {
		if strings.Contains(n.Code, "CartesianProduct") {
			return
		}
	}
	t.Fatalf("no CartesianProduct notification: %+v", notes)
}
