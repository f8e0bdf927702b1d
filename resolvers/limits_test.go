package resolvers_test

import (
	"strings"
	"testing"
)

// Hostile queries are refused before any resolver runs, with a stable code.
func TestHostileQueriesAreRefused(t *testing.T) {
	w := newWorld(t)
	// Each hop through a connection nests four levels: links/edges/node/other.
	deep := "id"
	for i := 0; i < 5; i++ {
		deep = "links { edges { node { other { ... on Person { " + deep + " } } } } }"
	}
	deep = "query { me { operations { persons { edges { node { " + deep + " } } } } } }"
	aliases := "query {" + func() string {
		var b strings.Builder
		for i := 0; i < 40; i++ {
			b.WriteString(" a" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + ": me { subject }")
		}
		return b.String()
	}() + " }"
	tests := []struct{ name, query, code string }{
		{"deep nesting", deep, "LIMIT_EXCEEDED"},
		{"alias flood", aliases, "LIMIT_EXCEEDED"},
		{"huge cost", `query($op: ID!) { operation(id: $op) { persons(first: 100) { edges { node { links(first: 100) { edges { node { other { label
			... on Person { links(first: 100) { edges { node { id } } } } } } } } } } } } }`, "LIMIT_EXCEEDED"},
		{"fragment cycle", `query { me { ...A } } fragment A on Me { operations { id } ...B } fragment B on Me { ...A }`, "GRAPHQL_VALIDATION_FAILED"},
		{"unknown field", `query { me { password } }`, "GRAPHQL_VALIDATION_FAILED"},
		{"syntax error", `query { me { `, "GRAPHQL_PARSE_FAILED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := w.env.Do(w.analyst, tt.query, map[string]any{"op": w.op})
			if res.Code() != tt.code {
				t.Fatalf("code %q, want %q: %.300s", res.Code(), tt.code, res.Raw)
			}
			if len(res.Data) > 0 {
				t.Fatalf("a refused query must return no data: %.300s", res.Raw)
			}
		})
	}
	// The server is healthy afterwards.
	w.env.Do(w.analyst, `query { me { subject } }`, nil).NoErrors()
}
