package resolvers

import (
	"testing"

	"github.com/vektah/gqlparser/v2"

	"github.com/keyline/keyline/graph"
)

// Request parsing: any query text is either refused by the parser and
// validator or walked by the limits without panicking, and the walk's cost
// never goes negative (an overflow would let a costly query through).
func FuzzQueryLimits(f *testing.F) {
	schema := graph.NewExecutableSchema(graph.Config{Resolvers: &Resolver{}}).Schema()
	for _, q := range []string{
		`{ me { subject } }`,
		`query($op: ID!) { operation(id: $op) { persons(first: 100) { edges { node { links(first: 100) { edges { node { id } } } } } } } }`,
		`{ me { ...A } } fragment A on Me { operations { id } }`,
		`{ a: me { subject } b: me { subject } }`,
		`query { operations(first: -1) { totalCount } }`,
		`{ node(id: "per_1") { ... on Person { links { edges { node { other { ... on Person { label } } } } } } } }`,
	} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		doc, errs := gqlparser.LoadQueryWithRules(schema, q, nil)
		if errs != nil || len(doc.Operations) == 0 {
			return
		}
		w := &walker{limits: DefaultLimits, vars: map[string]any{"op": "op_1"}}
		cost := w.selections(doc.Operations[0].SelectionSet, 1)
		if cost < 0 {
			t.Fatalf("negative cost %d for %q", cost, q)
		}
	})
}

// Cursors from clients are untrusted: decoding never panics and only
// accepts what encoding produces.
func FuzzCursor(f *testing.F) {
	f.Add(encodeCursor(0))
	f.Add(encodeCursor(99))
	f.Add("garbage")
	f.Add("bzotMQ")
	f.Fuzz(func(t *testing.T, c string) {
		n, ok := decodeCursor(c)
		if !ok {
			return
		}
		if n < 0 || decodeBack(n) != n {
			t.Fatalf("cursor %q decoded to %d", c, n)
		}
	})
}

func decodeBack(n int) int {
	m, _ := decodeCursor(encodeCursor(n))
	return m
}
