package resolvers_test

import (
	"fmt"
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

// The cost counts every argument that multiplies work, not only `first`:
// the same shape entered through nodes(ids: [...]) is refused exactly when
// the equivalent page of a connection is, and the analysis questions count
// the arguments inside their input objects, also when given as variables.
func TestCostLimitHoldsByEveryRootField(t *testing.T) {
	w := newWorld(t)
	// Per operation: 1 + 100 × (1 + 8) = 901, so 55 of them fit within
	// 50,000 and 56 do not.
	shape := `name persons(first: 100) { edges { node { links(first: 8) { edges { node { id } } } } } }`
	for _, n := range []int{1, 55, 56, 61} {
		ids := make([]string, n)
		for i := range ids {
			ids[i] = w.op
		}
		byID := w.env.Do(w.analyst, `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Operation { `+shape+` } } }`, map[string]any{"ids": ids})
		inline := w.env.Do(w.analyst, `query { nodes(ids: ["`+strings.Join(ids, `", "`)+`"]) { ... on Operation { `+shape+` } } }`, nil)
		byPage := w.env.Do(w.analyst, fmt.Sprintf(`query { operations(first: %d) { edges { node { %s } } } }`, n, shape), nil)
		refused := n >= 56
		for name, res := range map[string]interface{ Code() string }{"nodes(ids: $ids)": byID, "nodes(ids: [...])": inline, "operations(first)": byPage} {
			if strings.HasPrefix(res.Code(), "GRAPHQL_") || (res.Code() == "LIMIT_EXCEEDED") != refused {
				t.Errorf("%d × shape by %s: code %q, refused should be %v", n, name, res.Code(), refused)
			}
		}
	}

	seed := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Cost", "familyName": "Seed"})
	// Per entity: 1 + 100 × 3 = 301.
	perEntity := `... on Person { links(first: 100) { edges { node { id type confidence } } } }`
	wide := `nodes { ` + perEntity + ` }`
	tests := []struct {
		name    string
		query   string
		vars    map[string]any
		refused bool
	}{
		{"network, small budget inline", `query($s: ID!) { network(input: {seedIds: [$s], hops: 1, nodeBudget: 20}) { ` + wide + ` } }`, map[string]any{"s": seed}, false},
		{"network, large budget inline", `query($s: ID!) { network(input: {seedIds: [$s], hops: 3, nodeBudget: 2000}) { ` + wide + ` } }`, map[string]any{"s": seed}, true},
		{"network, large budget as variables", `query($s: ID!, $b: Int, $h: Int) { network(input: {seedIds: [$s], hops: $h, nodeBudget: $b}) { ` + wide + ` } }`,
			map[string]any{"s": seed, "b": 2000, "h": 3}, true},
		{"network, whole input as a variable", `query($in: NetworkInput!) { network(input: $in) { ` + wide + ` } }`,
			map[string]any{"in": map[string]any{"seedIds": []string{seed}, "hops": 3, "nodeBudget": 2000}}, true},
		{"network, default budget (500) as omitted", `query($s: ID!) { network(input: {seedIds: [$s]}) { ` + wide + ` } }`, map[string]any{"s": seed}, true},
		{"paths, one short path", `query($s: ID!, $t: ID!) { paths(input: {fromId: $s, toId: $t, maxHops: 2}) { paths { ` + wide + ` } } }`, map[string]any{"s": seed, "t": w.op}, false},
		{"paths, many long paths", `query($s: ID!, $t: ID!) { paths(input: {fromId: $s, toId: $t, mode: ALL_SHORTEST, limit: 50, maxHops: 8}) { paths { ` + wide + ` } } }`, map[string]any{"s": seed, "t": w.op}, true},
		{"keyPlayers, few ranked", `query($op: ID!) { keyPlayers(input: {operationId: $op, first: 10}) { ranked { entity { ` + perEntity + ` } } } }`,
			map[string]any{"op": w.op}, false},
		{"keyPlayers, many ranked", `query($op: ID!) { keyPlayers(input: {operationId: $op, first: 200}) { ranked { entity { ` + perEntity + ` } } } }`,
			map[string]any{"op": w.op}, true},
		{"timeline, long", `query($s: ID!) { timeline(input: {entityIds: [$s], limit: 1000}) { link { from { ` + perEntity + ` } } } }`,
			map[string]any{"s": seed}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := w.env.Do(w.analyst, tt.query, tt.vars)
			if strings.HasPrefix(res.Code(), "GRAPHQL_") {
				t.Fatalf("the test's query is invalid: %s", res.Raw)
			}
			if (res.Code() == "LIMIT_EXCEEDED") != tt.refused {
				t.Fatalf("refused = %v, want %v: %.300s", res.Code() == "LIMIT_EXCEEDED", tt.refused, res.Raw)
			}
		})
	}
}
