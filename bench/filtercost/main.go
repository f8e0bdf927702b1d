// Command filtercost measures what a change to Keyline's statements costs
// in Neo4j alone: the statements the peer-benchmark questions run, taken
// from two checkouts (-a, the old; -b, the new), are timed on the same
// inputs, one after the other in alternating order, so that whatever else
// the machine is doing falls on both alike. It reports each question's
// median and 90th-percentile latency for both and the change. Used for
// issue 12 (need to know: the filtering must cost at most 5%), see
// docs/BENCHMARKS.md.
//
//	go run ./bench/filtercost -a /path/to/old/checkout -b . -operation OP-SYNTH-100000-2026
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/auth"
	"github.com/keyline/keyline/cypher"
)

var linkTypes = []string{"ASSOCIATE_OF", "USES", "RESIDES_AT", "FREQUENTS", "DRIVES", "REGISTERED_KEEPER",
	"MEMBER_OF", "PRESENT_AT", "INVOLVED_IN", "CONTACTED", "OPERATES_FROM"}

// question is one statement of a peer-benchmark question and its inputs.
type question struct {
	key, file string
	expand    map[string]string // template placeholders
	params    func(i int) map[string]any
}

func main() {
	var (
		dirA  = flag.String("a", "", "checkout with the old statements")
		dirB  = flag.String("b", ".", "checkout with the new statements")
		uri   = flag.String("neo4j", envOr("NEO4J_URI", "bolt://127.0.0.1:7687"), "Neo4j")
		opRef = flag.String("operation", "", "reference of the synthetic operation")
		n     = flag.Int("n", 200, "timed runs of each statement per checkout")
		only  = flag.String("only", "", "run only the questions whose keys start with these letters (e.g. \"d\")")
	)
	flag.Parse()
	if *dirA == "" || *opRef == "" {
		fmt.Fprintln(os.Stderr, "usage: filtercost -a OLD -b NEW -operation REF")
		os.Exit(2)
	}
	ctx := context.Background()
	drv, err := neo4j.NewDriverWithContext(*uri, neo4j.NoAuth())
	check(err)
	defer drv.Close(ctx)
	res, err := neo4j.ExecuteQuery(ctx, drv, `MATCH (o:Operation {reference: $ref}) RETURN o.id AS id`, map[string]any{"ref": *opRef}, neo4j.EagerResultTransformer)
	check(err)
	if len(res.Records) == 0 {
		check(fmt.Errorf("no operation %s", *opRef))
	}
	op := res.Records[0].AsMap()["id"].(string)
	res, err = neo4j.ExecuteQuery(ctx, drv, `MATCH (p:Person {operationId: $op}) WITH p ORDER BY p.id SKIP 100 LIMIT 64 RETURN p.id AS id, toLower(p.familyName) AS name`,
		map[string]any{"op": op}, neo4j.EagerResultTransformer)
	check(err)
	var persons []string
	search := ""
	for _, r := range res.Records {
		m := r.AsMap()
		persons = append(persons, m["id"].(string))
		if search == "" {
			search = m["name"].(string)
		}
	}
	person := func(i int) string { return persons[i%len(persons)] }
	// The dev analyst's scope, as Keyline derives it; extra parameters are
	// ignored by statements that do not name them (the old ones).
	u, _ := auth.DevUserForRole("analyst")
	sc := cypher.ScopeOf(&keyline.Actor{Subject: u.Subject, Roles: u.Roles, Clearance: u.Clearance, Operations: []string{op}})
	questions := []question{
		{"a person + associates (links page)", "links_of", nil, func(i int) map[string]any {
			return map[string]any{"ids": []string{person(i)}, "types": []string{"ASSOCIATE_OF"}, "minConfidence": 0.0, "seenAfter": nil, "seenBefore": nil,
				"skip": 0, "limit": 10, "linkProps": nil, "otherProps": nil}
		}},
		{"b filtered list + totalCount", "list_by_operation_search", map[string]string{"__LABEL__": "Person"}, func(int) map[string]any {
			return map[string]any{"operationIds": []string{op}, "search": search, "updatedAfter": nil, "desc": false, "orderBy": "label", "skip": 0, "limit": 25}
		}},
		{"c network hop (a 2-hop network's second hop)", "network_hop", nil, func(i int) map[string]any {
			return map[string]any{"frontier": persons[(i*7)%len(persons) : (i*7)%len(persons)+1], "types": linkTypes, "minConfidence": 0.0, "seenAfter": nil, "seenBefore": nil,
				"avoid": []string{}, "perNode": 50, "limit": 500, "lean": true}
		}},
		// The API's SHORTEST question runs paths_shortest (issue 13).
		{"d shortest path", "paths_shortest", map[string]string{"__HOPS__": "6"}, func(i int) map[string]any {
			return map[string]any{"fromId": person(i), "toId": person(i + 31), "types": linkTypes, "minConfidence": 0.0, "seenAfter": nil, "seenBefore": nil,
				"avoid": []string{}, "through": nil, "maxDegree": 1000, "limit": 1}
		}},
		{"e person + intelligence", "mentioned_in", nil, func(i int) map[string]any {
			return map[string]any{"ids": []string{person(i)}, "skip": 0, "limit": 10}
		}},
	}
	fmt.Printf("| question | old p50 ms | new p50 ms | change | old p90 ms | new p90 ms |\n|---|---|---|---|---|---|\n")
	for _, q := range questions {
		if *only != "" && !strings.ContainsAny(q.key[:1], *only) {
			continue
		}
		a, b := statement(*dirA, q), statement(*dirB, q)
		var ta, tb []time.Duration
		for i := 0; i < *n+20; i++ {
			p := sc.Params(q.params(i))
			first, second := a, b
			if i%2 == 1 {
				first, second = b, a
			}
			d1, d2 := run(ctx, drv, first, p), run(ctx, drv, second, p)
			if i < 20 {
				continue // warm-up
			}
			if i%2 == 1 {
				d1, d2 = d2, d1
			}
			ta, tb = append(ta, d1), append(tb, d2)
		}
		pa50, pb50, pa90, pb90 := pct(ta, 50), pct(tb, 50), pct(ta, 90), pct(tb, 90)
		fmt.Printf("| %s | %.2f | %.2f | %+.1f%% | %.2f | %.2f |\n", q.key, ms(pa50), ms(pb50), 100*(ms(pb50)-ms(pa50))/ms(pa50), ms(pa90), ms(pb90))
	}
}

func statement(dir string, q question) string {
	b, err := os.ReadFile(filepath.Join(dir, "cypher", "queries", q.file+".cypher"))
	check(err)
	text := cypher.ExpandScope(string(b))
	for k, v := range q.expand {
		text = strings.ReplaceAll(text, k, v)
	}
	return text
}

func run(ctx context.Context, drv neo4j.DriverWithContext, text string, p map[string]any) time.Duration {
	sess := drv.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	t0 := time.Now()
	res, err := sess.Run(ctx, text, p)
	check(err)
	for res.Next(ctx) {
	}
	check(res.Err())
	return time.Since(t0)
}

func pct(ds []time.Duration, p int) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)*p/100]
}

func ms(d time.Duration) float64 { return float64(d) / 1e6 }

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "filtercost:", err)
		os.Exit(1)
	}
}
