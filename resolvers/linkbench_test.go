package resolvers_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/internal/apitest"
	"github.com/keyline/keyline/internal/latency"
	"github.com/keyline/keyline/linkanalysis"
	"github.com/keyline/keyline/synth"
)

// Link-analysis benchmarks run against a synthetic network: the one in
// KEYLINE_BENCH_OPERATION if set (e.g. the 1M-person network written by
// `keyline seed --synthetic 1000000`), else a fresh one of
// KEYLINE_BENCH_PERSONS persons (default 20,000). Each reports p50/p95/p99
// at concurrency 1 and 16, through the GraphQL handler.

type linkBench struct {
	env     *apitest.Env
	analyst *keyline.Actor
	op      string
	persons []string
	pairs   [][2]string // persons 4 to 6 hops apart
}

var (
	linkBenchOnce sync.Once
	linkBenchData *linkBench
)

func setupLinkBench(b *testing.B) *linkBench {
	linkBenchOnce.Do(func() { linkBenchData = buildLinkBench(b) })
	if linkBenchData == nil {
		b.Fatal("link benchmark setup failed")
	}
	return linkBenchData
}

func buildLinkBench(b *testing.B) *linkBench {
	env := apitest.New(b)
	ctx := context.Background()
	lb := &linkBench{env: env, analyst: env.Officer(keyline.RoleAnalyst, keyline.Secret)}
	boot := &keyline.Actor{Subject: "bench", Roles: keyline.Roles, Clearance: keyline.TopSecret}
	if op := os.Getenv("KEYLINE_BENCH_OPERATION"); op != "" {
		lb.op = op
	} else {
		n, _ := strconv.Atoi(os.Getenv("KEYLINE_BENCH_PERSONS"))
		if n == 0 {
			n = 20000
		}
		rec, err := env.Store.CreateNode(ctx, boot, keyline.KindOperation, "", map[string]any{
			"reference": "OP-BENCH-" + keyline.NewID(keyline.KindOperation)[16:], "name": "Link benchmark", "status": "OPEN",
			"classification": "OFFICIAL_SENSITIVE", "opened": keyline.Date{Time: time.Now().UTC()}}, nil)
		if err != nil {
			b.Fatal(err)
		}
		lb.op = rec.ID()
		start := time.Now()
		if _, err := synth.Generate(ctx, env.Store, synth.Config{Persons: n, Seed: 7, OperationID: lb.op}); err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %d persons in %s", n, time.Since(start).Round(time.Second))
	}
	boot.Operations = []string{lb.op}
	if _, err := env.Store.ChangeRefs(ctx, boot, keyline.KindOperation, lb.op, cypher.Ref{Rel: cypher.RelMember, Dir: cypher.Incoming,
		Targets: []cypher.RefTarget{{ID: lb.analyst.OfficerID}}}, cypher.AddRefs); err != nil {
		b.Fatal(err)
	}
	res := env.Do(lb.analyst, `query($op: ID!) { operation(id: $op) { persons(first: 100, orderBy: {field: UPDATED_AT}) { edges { node { id } } } } }`,
		map[string]any{"op": lb.op}).NoErrors()
	for _, e := range res.Path("operation", "persons", "edges").([]any) {
		lb.persons = append(lb.persons, e.(map[string]any)["node"].(map[string]any)["id"].(string))
	}
	for i := 0; i < len(lb.persons) && len(lb.pairs) < 20; i++ {
		for j := len(lb.persons) - 1; j > i && len(lb.pairs) < 20; j -= 7 {
			p := env.Do(lb.analyst, `query($a: ID!, $b: ID!) { paths(input: {fromId: $a, toId: $b, maxHops: 6, filter: {linkTypes: [ASSOCIATE_OF, USES, CONTACTED, RESIDES_AT]}}) { paths { length } } }`,
				map[string]any{"a": lb.persons[i], "b": lb.persons[j]})
			if len(p.Errors) > 0 {
				continue
			}
			if ps := p.Path("paths", "paths").([]any); len(ps) == 1 {
				if l := int(ps[0].(map[string]any)["length"].(float64)); l >= 4 && l <= 6 {
					lb.pairs = append(lb.pairs, [2]string{lb.persons[i], lb.persons[j]})
				}
			}
		}
	}
	b.Logf("operation %s: %d sample persons, %d pairs 4-6 hops apart", lb.op, len(lb.persons), len(lb.pairs))
	checkShortestAgainstExhaustive(b, lb)
	return lb
}

// checkShortestAgainstExhaustive runs the benchmark's question on each
// pair and compares its length with an exhaustive breadth-first search
// (exhaustiveLength) under the same filter and need to know: a faster
// search must not change an answer.
func checkShortestAgainstExhaustive(b *testing.B, lb *linkBench) {
	ctx := context.Background()
	reader := *lb.analyst
	reader.Operations = []string{lb.op}
	sc := cypher.ScopeOf(&reader)
	f := cypher.LinkFilter{MaxDegree: linkanalysis.DefaultPathMaxDegree}
	same := 0
	for _, p := range lb.pairs {
		res := lb.env.Do(lb.analyst, `query($a: ID!, $b: ID!) { paths(input: {fromId: $a, toId: $b, maxHops: 6}) { paths { length } } }`,
			map[string]any{"a": p[0], "b": p[1]}).NoErrors()
		got := -1
		if ps := res.Path("paths", "paths").([]any); len(ps) == 1 {
			got = int(ps[0].(map[string]any)["length"].(float64))
		}
		start := time.Now()
		want, visited, err := exhaustiveLength(ctx, lb.env.Store, sc, p[0], p[1], 6, f)
		if err != nil {
			b.Fatal(err)
		}
		if got != want {
			b.Fatalf("%s to %s: the search answers length %d, the exhaustive search %d", p[0], p[1], got, want)
		}
		same++
		b.Logf("%s to %s: length %d, as the exhaustive search (%d entities visited, %s)", p[0], p[1], got, visited, time.Since(start).Round(time.Millisecond))
	}
	b.Logf("%d of %d pairs: same length as the exhaustive search", same, len(lb.pairs))
}

// exhaustiveLength is the length of a shortest path of at most maxHops
// links between a and b (-1 for none), by breadth-first search from both
// ends, a whole level at a time (the smaller side first), over every
// entity a path may step to (cypher.Store.PathFrontier: the path
// statements' hop predicate). Every level is read in full, so the answer
// is exact; it also returns how many entities it visited.
func exhaustiveLength(ctx context.Context, store *cypher.Store, sc cypher.Scope, a, b string, maxHops int, f cypher.LinkFilter) (int, int, error) {
	ends := []string{a, b}
	dist := [2]map[string]int{{a: 0}, {b: 0}}
	front := [2][]string{{a}, {b}}
	depth := [2]int{}
	for depth[0]+depth[1] < maxHops {
		s := 0
		if len(front[1]) < len(front[0]) {
			s = 1
		}
		if len(front[s]) == 0 {
			break
		}
		next, err := store.PathFrontier(ctx, sc, front[s], ends, f, 50_000_000)
		if err != nil {
			return 0, 0, err
		}
		depth[s]++
		best := -1
		var nf []string
		for _, ys := range next {
			for _, y := range ys {
				if d, ok := dist[1-s][y]; ok && (best < 0 || depth[s]+d < best) {
					best = depth[s] + d
				}
				if _, ok := dist[s][y]; !ok {
					dist[s][y] = depth[s]
					nf = append(nf, y)
				}
			}
		}
		if best >= 0 {
			return best, len(dist[0]) + len(dist[1]), nil
		}
		front[s] = nf
	}
	return -1, len(dist[0]) + len(dist[1]), nil
}

// runAt runs op b.N times at the given concurrency and reports latency
// percentiles and throughput.
func runAt(b *testing.B, concurrency int, op func(i int)) {
	var rec latency.Recorder
	var next int64
	var mu sync.Mutex
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < concurrency; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= int64(b.N) {
					return
				}
				rec.Time(func() { op(int(i)) })
			}
		}()
	}
	wg.Wait()
	b.StopTimer()
	rec.Report(b)
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "ops/s")
}

// benchBoth runs op at concurrency 1 and 16, or only at the levels
// KEYLINE_BENCH_CONCURRENCY lists (e.g. "1").
func benchBoth(b *testing.B, op func(lb *linkBench, i int)) {
	lb := setupLinkBench(b)
	levels := []int{1, 16}
	if env := os.Getenv("KEYLINE_BENCH_CONCURRENCY"); env != "" {
		levels = nil
		for _, f := range strings.Split(env, ",") {
			if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
				levels = append(levels, n)
			}
		}
	}
	for _, c := range levels {
		b.Run(fmt.Sprintf("c%d", c), func(b *testing.B) { runAt(b, c, func(i int) { op(lb, i) }) })
	}
}

// BenchmarkShortestPath: shortest path between two persons 4 to 6 hops
// apart. Target p95 ≤ 50 ms at 1M persons.
func BenchmarkShortestPath(b *testing.B) {
	benchBoth(b, func(lb *linkBench, i int) {
		if len(lb.pairs) == 0 {
			b.Skip("no pairs 4-6 hops apart in the sample")
		}
		p := lb.pairs[i%len(lb.pairs)]
		lb.env.Do(lb.analyst, `query($a: ID!, $b: ID!) { paths(input: {fromId: $a, toId: $b, maxHops: 6}) { paths { length links { id sources { __typename } } } } }`,
			map[string]any{"a": p[0], "b": p[1]}).NoErrors()
	})
}

// BenchmarkNetwork2Hop: the 2-hop network of a person (budget 500).
// Target p95 ≤ 100 ms at 1M persons.
func BenchmarkNetwork2Hop(b *testing.B) {
	benchBoth(b, func(lb *linkBench, i int) {
		lb.env.Do(lb.analyst, `query($s: ID!) { network(input: {seedIds: [$s], hops: 2, nodeBudget: 500}) { truncated nodes { id } links { id type } } }`,
			map[string]any{"s": lb.persons[i%len(lb.persons)]}).NoErrors()
	})
}

// BenchmarkCommonAssociates: what 3 persons have in common.
func BenchmarkCommonAssociates(b *testing.B) {
	benchBoth(b, func(lb *linkBench, i int) {
		n := len(lb.persons)
		lb.env.Do(lb.analyst, `query($ids: [ID!]!) { commonLinks(input: {entityIds: $ids}) { shared { count entity { id } } coMentions { entityIds } } }`,
			map[string]any{"ids": []string{lb.persons[i%n], lb.persons[(i+1)%n], lb.persons[(i+2)%n]}}).NoErrors()
	})
}

// BenchmarkCentrality500: key players of a 500-node subnetwork (2-hop
// expansion of a person, budget 500). Target ≤ 200 ms at 1M persons.
func BenchmarkCentrality500(b *testing.B) {
	benchBoth(b, func(lb *linkBench, i int) {
		lb.env.Do(lb.analyst, `query($s: ID!) { keyPlayers(input: {seedIds: [$s], hops: 3, nodeBudget: 500, first: 10}) { nodeCount modularity ranked { entity { id } betweenness } } }`,
			map[string]any{"s": lb.persons[i%len(lb.persons)]}).NoErrors()
	})
}
