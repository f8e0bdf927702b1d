package resolvers

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/keyline/keyline/graph"
)

// costOf walks a query the way the limits extension does.
func costOf(t *testing.T, q string, vars map[string]any) (int, string) {
	t.Helper()
	schema := graph.NewExecutableSchema(graph.Config{Resolvers: &Resolver{}}).Schema()
	doc, errs := gqlparser.LoadQueryWithRules(schema, q, nil)
	if errs != nil {
		t.Fatalf("invalid query %q: %v", q, errs)
	}
	w := &walker{limits: DefaultLimits, vars: vars}
	return w.selections(doc.Operations[0].SelectionSet, 1), w.err
}

// Every argument that multiplies work enters the cost, on its own field or
// inside an input object, written inline or given as a variable: raising it
// (and nothing else) raises the cost.
func TestCostCountsEveryMultiplyingArgument(t *testing.T) {
	ids := func(n int) string {
		s := make([]string, n)
		for i := range s {
			s[i] = fmt.Sprintf("%q", fmt.Sprintf("per_%d", i))
		}
		return "[" + strings.Join(s, ", ") + "]"
	}
	idList := func(n int) []any {
		out := make([]any, n)
		for i := range out {
			out[i] = fmt.Sprintf("per_%d", i)
		}
		return out
	}
	entity := `... on Person { label }`
	tests := []struct {
		name      string
		query     string
		low, high map[string]any // variables
	}{
		{"first (connection)", `query($n: Int) { operations(first: $n) { edges { node { id } } } }`, map[string]any{"n": 2}, map[string]any{"n": 90}},
		{"first (nested connection)", `query($n: Int) { operation(id: "op_1") { persons(first: $n) { edges { node { label } } } } }`, map[string]any{"n": 2}, map[string]any{"n": 90}},
		{"first (list: targetRanking)", `query($n: Int) { targetRanking(first: $n) { rank } }`, map[string]any{"n": 2}, map[string]any{"n": 400}},
		{"first (list: allocationSuggestions)", `query($n: Int) { node(id: "act_1") { ... on Action { allocationSuggestions(first: $n) { score } } } }`, map[string]any{"n": 1}, map[string]any{"n": 50}},
		{"ids (inline)", `query { nodes(ids: IDS) { id } }`, nil, nil},
		{"ids (variable)", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": idList(2)}, map[string]any{"ids": idList(61)}},
		{"ids (list of variables)", `query($a: ID!, $b: ID!) { nodes(ids: LISTVARS) { id } }`, map[string]any{"a": "per_1", "b": "per_2"}, nil},
		{"seedIds (network)", `query($s: [ID!]!) { network(input: {seedIds: $s, nodeBudget: 10}) { truncated } }`, map[string]any{"s": idList(1)}, map[string]any{"s": idList(50)}},
		{"hops (network)", `query($h: Int) { network(input: {seedIds: ["per_1"], hops: $h}) { truncated } }`, map[string]any{"h": 1}, map[string]any{"h": 3}},
		{"nodeBudget (network)", `query($b: Int) { network(input: {seedIds: ["per_1"], nodeBudget: $b}) { nodes { ` + entity + ` } } }`, map[string]any{"b": 10}, map[string]any{"b": 2000}},
		{"whole input as a variable (network)", `query($in: NetworkInput!) { network(input: $in) { nodes { id } links { id } } }`,
			map[string]any{"in": map[string]any{"seedIds": idList(1), "hops": 1, "nodeBudget": 10}}, map[string]any{"in": map[string]any{"seedIds": idList(5), "hops": 3, "nodeBudget": 2000}}},
		{"k (paths)", `query($k: Int) { paths(input: {fromId: "per_1", toId: "per_2", mode: K_SHORTEST, k: $k}) { paths { nodes { id } } } }`, map[string]any{"k": 1}, map[string]any{"k": 10}},
		{"limit (paths)", `query($l: Int) { paths(input: {fromId: "per_1", toId: "per_2", mode: ALL_SHORTEST, limit: $l}) { paths { length } } }`, map[string]any{"l": 1}, map[string]any{"l": 50}},
		{"maxHops (paths)", `query($h: Int) { paths(input: {fromId: "per_1", toId: "per_2", maxHops: $h}) { paths { nodes { id } links { id } } } }`, map[string]any{"h": 1}, map[string]any{"h": 8}},
		{"mode (paths)", `query($m: PathMode!) { paths(input: {fromId: "per_1", toId: "per_2", mode: $m}) { paths { length } } }`, map[string]any{"m": "SHORTEST"}, map[string]any{"m": "ALL_SHORTEST"}},
		{"whole input as a variable (paths)", `query($in: PathsInput!) { paths(input: $in) { paths { nodes { id } } } }`,
			map[string]any{"in": map[string]any{"fromId": "per_1", "toId": "per_2"}}, map[string]any{"in": map[string]any{"fromId": "per_1", "toId": "per_2", "mode": "K_SHORTEST", "k": 10, "maxHops": 8}}},
		{"seedIds (keyPlayers)", `query($s: [ID!]) { keyPlayers(input: {seedIds: $s, nodeBudget: 10}) { nodeCount } }`, map[string]any{"s": idList(1)}, map[string]any{"s": idList(50)}},
		{"hops (keyPlayers)", `query($h: Int) { keyPlayers(input: {seedIds: ["per_1"], hops: $h}) { nodeCount } }`, map[string]any{"h": 1}, map[string]any{"h": 3}},
		{"nodeBudget (keyPlayers)", `query($b: Int) { keyPlayers(input: {operationId: "op_1", nodeBudget: $b}) { communities { members { id } } } }`, map[string]any{"b": 10}, map[string]any{"b": 2000}},
		{"first (keyPlayers input)", `query($f: Int) { keyPlayers(input: {operationId: "op_1", first: $f}) { ranked { entity { id } } } }`, map[string]any{"f": 1}, map[string]any{"f": 200}},
		{"entityIds (commonLinks)", `query($e: [ID!]!) { commonLinks(input: {entityIds: $e}) { shared { links { id } } } }`, map[string]any{"e": idList(2)}, map[string]any{"e": idList(20)}},
		{"limit (commonLinks)", `query($l: Int) { commonLinks(input: {entityIds: ["per_1", "per_2"], limit: $l}) { shared { entity { id } } coMentions { entityIds } } }`, map[string]any{"l": 1}, map[string]any{"l": 200}},
		{"entityIds (timeline)", `query($e: [ID!]!) { timeline(input: {entityIds: $e}) { at } }`, map[string]any{"e": idList(1)}, map[string]any{"e": idList(50)}},
		{"limit (timeline)", `query($l: Int) { timeline(input: {entityIds: ["per_1"], limit: $l}) { at event { id } } }`, map[string]any{"l": 1}, map[string]any{"l": 1000}},
		{"entityIds (coLocation)", `query($e: [ID!]) { coLocation(input: {operationId: "op_1", entityIds: $e, from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z"}) { place { id } } }`, map[string]any{"e": idList(1)}, map[string]any{"e": idList(50)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lowQ, highQ := tt.query, tt.query
			switch {
			case strings.Contains(tt.query, "IDS"):
				lowQ, highQ = strings.Replace(tt.query, "IDS", ids(2), 1), strings.Replace(tt.query, "IDS", ids(61), 1)
			case strings.Contains(tt.query, "LISTVARS"):
				lowQ, highQ = strings.Replace(tt.query, "LISTVARS", "[$a, $b]", 1), strings.Replace(tt.query, "LISTVARS", "[$a, $b, $a, $b, $a]", 1)
				tt.high = tt.low
			}
			low, err := costOf(t, lowQ, tt.low)
			if err != "" {
				t.Fatal(err)
			}
			high, _ := costOf(t, highQ, tt.high)
			if high <= low {
				t.Fatalf("raising the argument must raise the cost: %d -> %d", low, high)
			}
		})
	}
}

// A shape costs the same by any root field: what nodes(ids: [N ids])
// returns costs what a page of N from a connection costs, and a network's
// N nodes what N nodes by id cost (beyond the expansion's own work).
func TestCostSameShapeByAnyRootField(t *testing.T) {
	shapes := []string{
		`id`,
		`name persons(first: 100) { edges { node { links(first: 8) { edges { node { id } } } } } }`,
		`reference members(first: 3) { totalCount edges { cursor node { name } } }`,
	}
	ids := func(n int) string {
		return "[" + strings.TrimSuffix(strings.Repeat(`"op_1", `, n), ", ") + "]"
	}
	for _, x := range shapes {
		for _, n := range []int{1, 7, 55, 56, 61} {
			byID, _ := costOf(t, `query { nodes(ids: `+ids(n)+`) { ... on Operation { `+x+` } } }`, nil)
			byPage, _ := costOf(t, fmt.Sprintf(`query { operations(first: %d) { edges { node { %s } } } }`, n, x), nil)
			if byID != byPage {
				t.Errorf("%d × {%s}: nodes(ids) costs %d, the connection %d", n, x, byID, byPage)
			}
		}
	}
	// Under a network's nodes, a per-entity shape costs nodeBudget times
	// what it costs once, as under nodes(ids: [nodeBudget ids]).
	perEntity := `... on Person { links(first: 4) { edges { node { id } } } }`
	net := func(sel string) int {
		c, _ := costOf(t, `query { network(input: {seedIds: ["per_1"], nodeBudget: 40}) { nodes { id `+sel+` } } }`, nil)
		return c
	}
	byIDs := func(sel string) int {
		c, _ := costOf(t, `query { nodes(ids: `+ids(40)+`) { id `+sel+` } }`, nil)
		return c
	}
	if d, want := net(perEntity)-net(""), byIDs(perEntity)-byIDs(""); d != want {
		t.Errorf("the same entity shape costs %d more under network.nodes and %d more under nodes(ids)", d, want)
	}
}

// Legitimate queries (the benchmarks', the peer comparison's, the tests')
// stay within the default cost.
func TestCostAdmitsLegitimateQueries(t *testing.T) {
	for _, q := range []string{
		`query($id: ID!) { network(input: {seedIds: [$id], hops: 2, nodeBudget: 500}) { nodes { __typename id label } links { id type confidence from { id } to { id } } } }`,
		`query($in: NetworkInput!) { network(input: $in) { truncated nodes { __typename id label createdAt ... on Person { familyName } } links { id type confidence firstSeen sources { __typename } from { id label } to { id } } frontier { id } } }`,
		`query($s: ID!) { keyPlayers(input: {seedIds: [$s], hops: 3, nodeBudget: 500, first: 10}) { nodeCount modularity ranked { entity { id } betweenness } } }`,
		`query($a: ID!, $b: ID!) { paths(input: {fromId: $a, toId: $b, maxHops: 6}) { paths { length links { id sources { __typename } } } } }`,
		`query($from: ID!, $to: ID!) { paths(input: {fromId: $from, toId: $to, mode: SHORTEST, maxHops: 6}) { paths { length nodes { __typename id label } links { id type confidence from { id } to { id } } } } }`,
		`query($ids: [ID!]!) { commonLinks(input: {entityIds: $ids}) { shared { count entity { id } } coMentions { entityIds } } }`,
		`query($op: ID!) { targetRanking(filter: {operationId: $op}, first: 500) { rank score band movement target { id status threatAreas } } }`,
		`query($id: ID!, $o: String) { runSavedSearch(id: $id, overrides: $o) { ... on Network { nodes { id label } links { id type from { id } to { id } } } ... on PathsResult { paths { length nodes { id } } } } }`,
		`query($id: ID!) { node(id: $id) { ... on Person { id label mentionedIn(first: 10) { totalCount edges { node { id urn receivedAt sanitisedText grading { source assessment handling } } } } } } }`,
	} {
		vars := map[string]any{"in": map[string]any{"seedIds": []any{"per_1"}, "hops": 2, "nodeBudget": 500}, "ids": []any{"per_1", "per_2", "per_3"}}
		if c, err := costOf(t, q, vars); err != "" || c > DefaultLimits.MaxCost {
			t.Errorf("cost %d (%s) for %.120s", c, err, q)
		}
	}
}

// Every field whose arguments (or input object's fields) can multiply work
// is one the cost knows; a new one must be given a rule (and a row in
// TestCostCountsEveryMultiplyingArgument) before it can ship.
func TestCostKnowsEveryMultiplyingField(t *testing.T) {
	multiplying := []string{"first", "ids", "limit", "k", "hops", "maxHops", "nodeBudget", "seedIds", "entityIds"}
	schema := graph.NewExecutableSchema(graph.Config{Resolvers: &Resolver{}}).Schema()
	var unknown []string
	for _, typ := range schema.Types {
		if typ.Kind != ast.Object || strings.HasPrefix(typ.Name, "__") {
			continue
		}
		for _, f := range typ.Fields {
			for _, a := range f.Arguments {
				names := []string{a.Name}
				if in := schema.Types[a.Type.Name()]; in != nil && in.Kind == ast.InputObject && a.Name == "input" {
					for _, x := range in.Fields {
						names = append(names, x.Name)
					}
				}
				for _, n := range names {
					if !slices.Contains(multiplying, n) {
						continue
					}
					_, analysis := analysisCost[f.Name]
					known := (n == "first" || n == "ids") && a.Name == n || typ.Name == "Query" && a.Name == "input" && analysis
					if !known {
						unknown = append(unknown, typ.Name+"."+f.Name+"("+a.Name+"."+n+")")
					}
				}
			}
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		t.Fatalf("arguments that multiply work but have no cost rule: %v", unknown)
	}
}

// A path's steps list every link joining each pair, so asking for them
// costs more than asking for the one link followed.
func TestCostCountsPathSteps(t *testing.T) {
	followed, _ := costOf(t, `{ paths(input: {fromId: "per_1", toId: "per_2", maxHops: 6}) { paths { links { id } } } }`, nil)
	steps, _ := costOf(t, `{ paths(input: {fromId: "per_1", toId: "per_2", maxHops: 6}) { paths { steps { links { id } } } } }`, nil)
	if steps <= followed {
		t.Errorf("steps cost %d, the followed links %d: each step's links must count", steps, followed)
	}
}
