// Command driver is the load driver of scripts/bench-peer.sh: it runs the
// same five read questions against Keyline (GraphQL over HTTP), the generic
// peer (@neo4j/graphql over HTTP) and raw Cypher through the Go driver, at
// several concurrencies, and prints throughput and latency percentiles.
//
// The raw-Cypher system is the floor for Keyline: it runs the very
// statements Keyline's store runs for each question (read from
// cypher/queries/, with the same parameters, scope and transaction
// boundaries), so the gap between the two is the cost of Keyline's API
// layer, not of a cleverer query.
//
// Run from the repository root (it reads cypher/queries/).
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/auth"
	"github.com/keyline/keyline/cypher"
)

// The five questions, in report order.
var questions = []struct{ key, title string }{
	{"a", "entity + associates, 2 levels"},
	{"b", "filtered list + totalCount"},
	{"c", "2-hop network"},
	{"d", "shortest path"},
	{"e", "person + intelligence"},
}

// sample is the deterministic input set all systems are asked about.
type sample struct {
	OperationID string
	Persons     []string    // linked, mentioned persons
	Pairs       [][2]string // person pairs a few associate hops apart
	Search      string
}

type result struct {
	System      string          `json:"system"`
	Question    string          `json:"question"`
	Concurrency int             `json:"concurrency"`
	Requests    int             `json:"requests"`
	Errors      int             `json:"errors"`
	FirstError  string          `json:"firstError,omitempty"`
	Seconds     float64         `json:"seconds"`
	Throughput  float64         `json:"throughput"`
	P50         time.Duration   `json:"p50"`
	P95         time.Duration   `json:"p95"`
	P99         time.Duration   `json:"p99"`
	Shape       map[string]int  `json:"shape,omitempty"`
	latencies   []time.Duration // not reported
}

// runner answers question q for input i (taken modulo the sample size).
type runner interface {
	name() string
	run(ctx context.Context, q string, i int) error
	// shape runs q once for input i and says how much came back, so the
	// report can show the systems answered alike.
	shape(ctx context.Context, q string, i int) (map[string]int, error)
}

func main() {
	var (
		keylineURL = flag.String("keyline", "", "Keyline GraphQL endpoint, e.g. http://127.0.0.1:8080/graphql (empty: skip)")
		peerURL    = flag.String("peer", "", "peer GraphQL endpoint (empty: skip)")
		neo4jURI   = flag.String("neo4j", envOr("NEO4J_URI", "bolt://127.0.0.1:7687"), "Neo4j for setup and the raw-Cypher system")
		tokenFile  = flag.String("token-file", "", "file holding the Keyline bearer token (dev-token --role analyst)")
		subject    = flag.String("subject", "dev-analyst", "identity subject of the token, made a member of the operation")
		opRef      = flag.String("operation", "", "reference of the synthetic operation, e.g. OP-SYNTH-100000-2026")
		duration   = flag.Duration("duration", 5*time.Second, "measured time per system, question and concurrency")
		warmup     = flag.Duration("warmup", time.Second, "unmeasured time before each measurement")
		prewarm    = flag.Duration("prewarm", 5*time.Second, "unmeasured load on every system and question before any measurement")
		concs      = flag.String("concurrency", "1,16,64", "comma-separated concurrencies")
		qs         = flag.String("questions", "a,b,c,d,e", "comma-separated questions")
		systems    = flag.String("systems", "keyline,peer,cypher", "comma-separated systems")
		samples    = flag.Int("samples", 64, "distinct persons (and person pairs) to rotate through")
		repo       = flag.String("repo", ".", "repository root (for cypher/queries/)")
		jsonOut    = flag.String("json", "", "also write the results as JSON to this file")
	)
	flag.Parse()
	if *opRef == "" {
		fail(errors.New("-operation is required"))
	}
	ctx := context.Background()

	drv, err := neo4j.NewDriverWithContext(*neo4jURI, neo4jAuth())
	fail(err)
	defer drv.Close(ctx)
	fail(drv.VerifyConnectivity(ctx))

	if res, err := neo4j.ExecuteQuery(ctx, drv, `CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition`,
		nil, neo4j.EagerResultTransformer); err == nil && len(res.Records) > 0 {
		m := res.Records[0].AsMap()
		fmt.Printf("Neo4j: %v %v %v\n\n", m["name"], m["version"], m["edition"])
	}
	s, err := pickSample(ctx, drv, *opRef, *samples)
	fail(err)
	fail(grantMembership(ctx, drv, *subject, s.OperationID))
	fmt.Fprintf(os.Stderr, "driver: operation %s, %d persons, %d pairs, search %q\n", s.OperationID, len(s.Persons), len(s.Pairs), s.Search)

	var runners []runner
	for _, name := range strings.Split(*systems, ",") {
		switch strings.TrimSpace(name) {
		case "keyline":
			if *keylineURL == "" {
				continue
			}
			tok, err := os.ReadFile(*tokenFile)
			fail(err)
			runners = append(runners, newKeyline(*keylineURL, strings.TrimSpace(string(tok)), s))
		case "peer":
			if *peerURL == "" {
				continue
			}
			runners = append(runners, newPeer(*peerURL, s))
		case "cypher":
			c, err := newRawCypher(*repo, drv, s)
			fail(err)
			runners = append(runners, c)
		default:
			fail(fmt.Errorf("unknown system %q", name))
		}
	}
	var levels []int
	for _, c := range strings.Split(*concs, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(c))
		fail(err)
		levels = append(levels, n)
	}

	// A fresh database (and a fresh JVM, and Node's JIT) serves the first
	// minutes slower: without this pass the first system measured on the
	// first question paid for everyone's warm-up.
	if *prewarm > 0 {
		for _, q := range strings.Split(*qs, ",") {
			for _, r := range runners {
				res := measure(ctx, r, strings.TrimSpace(q), 8, 0, *prewarm)
				fmt.Fprintf(os.Stderr, "driver: prewarm %-7s %s %8.1f/s errors %d\n", r.name(), strings.TrimSpace(q), res.Throughput, res.Errors)
			}
		}
	}

	var results []*result
	for _, q := range strings.Split(*qs, ",") {
		q = strings.TrimSpace(q)
		for _, r := range runners {
			shape, err := r.shape(ctx, q, 0)
			if err != nil {
				fmt.Fprintf(os.Stderr, "driver: %s %s: %v\n", r.name(), q, err)
			}
			for _, c := range levels {
				res := measure(ctx, r, q, c, *warmup, *duration)
				res.Shape = shape
				results = append(results, res)
				fmt.Fprintf(os.Stderr, "driver: %-7s %s c=%-3d %8.1f/s p50 %-10v p95 %-10v p99 %-10v errors %d %s\n",
					r.name(), q, c, res.Throughput, res.P50, res.P95, res.P99, res.Errors, res.FirstError)
			}
		}
	}
	if *jsonOut != "" {
		b, _ := json.MarshalIndent(results, "", "  ")
		fail(os.WriteFile(*jsonOut, b, 0o644))
	}
	printMarkdown(os.Stdout, results, levels)
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func neo4jAuth() neo4j.AuthToken {
	if u := os.Getenv("NEO4J_USER"); u != "" {
		return neo4j.BasicAuth(u, os.Getenv("NEO4J_PASSWORD"), "")
	}
	return neo4j.NoAuth()
}

func fail(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "driver:", err)
		os.Exit(1)
	}
}

// minSamples is the completions a measurement window waits for.
const minSamples = 30

// measure runs c workers on q for warmup+d and reports the measured part.
func measure(ctx context.Context, r runner, q string, c int, warmup, d time.Duration) *result {
	res := &result{System: r.name(), Question: q, Concurrency: c}
	var (
		measuring atomic.Bool
		stop      atomic.Bool
		mu        sync.Mutex
		wg        sync.WaitGroup
		next      atomic.Int64
		done      atomic.Int64
	)
	for w := 0; w < c; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var local []time.Duration
			var errs int
			var firstErr string
			for !stop.Load() {
				i := int(next.Add(1))
				t0 := time.Now()
				err := r.run(ctx, q, i)
				lat := time.Since(t0)
				// Requests count when they complete inside the window:
				// completions per second is the steady-state throughput
				// even when one request outlasts the warm-up.
				if !measuring.Load() || stop.Load() {
					continue
				}
				done.Add(1)
				if err != nil {
					errs++
					if firstErr == "" {
						firstErr = err.Error()
					}
					continue
				}
				local = append(local, lat)
			}
			mu.Lock()
			res.latencies = append(res.latencies, local...)
			res.Errors += errs
			if res.FirstError == "" {
				res.FirstError = firstErr
			}
			mu.Unlock()
		}()
	}
	time.Sleep(warmup)
	measuring.Store(true)
	start := time.Now()
	time.Sleep(d)
	// Slow cells (seconds per request at high concurrency) get a longer
	// window, up to 4d, so their percentiles rest on some samples.
	for done.Load() < int64(minSamples) && time.Since(start) < 4*d {
		time.Sleep(50 * time.Millisecond)
	}
	stop.Store(true)
	elapsed := time.Since(start)
	wg.Wait()
	res.Seconds = elapsed.Seconds()
	res.Requests = len(res.latencies)
	res.Throughput = float64(res.Requests) / elapsed.Seconds()
	slices.Sort(res.latencies)
	res.P50, res.P95, res.P99 = pct(res.latencies, 50), pct(res.latencies, 95), pct(res.latencies, 99)
	if len(res.FirstError) > 200 {
		res.FirstError = res.FirstError[:200]
	}
	return res
}

// pct is the nearest-rank percentile of sorted durations, as in
// internal/latency.
func pct(s []time.Duration, p float64) time.Duration {
	if len(s) == 0 {
		return 0
	}
	i := int(p/100*float64(len(s))+0.5) - 1
	return s[max(0, min(i, len(s)-1))]
}

// ---------------------------------------------------------------------------
// Setup

// pickSample chooses inputs from the data by properties the generator
// derives from its seed (labels, pncIds), never by generated ids, so the
// same seed gives the same questions in every run.
func pickSample(ctx context.Context, drv neo4j.DriverWithContext, ref string, n int) (sample, error) {
	var s sample
	res, err := neo4j.ExecuteQuery(ctx, drv, `MATCH (o:Operation {reference: $ref}) RETURN o.id AS id`,
		map[string]any{"ref": ref}, neo4j.EagerResultTransformer)
	if err != nil {
		return s, err
	}
	if len(res.Records) != 1 {
		return s, fmt.Errorf("operation %s not found", ref)
	}
	s.OperationID = res.Records[0].AsMap()["id"].(string)

	// Persons an analyst would ask about: linked to a few associates and
	// mentioned in intelligence. Every 97th in label order spreads the
	// sample across the alphabet rather than one family name.
	res, err = neo4j.ExecuteQuery(ctx, drv, `
		MATCH (p:Person {operationId: $op})
		WHERE COUNT { (p)-[:ASSOCIATE_OF]-(:Person) } >= 3 AND EXISTS { (:IntelligenceItem)-[:MENTIONS]->(p) }
		WITH p ORDER BY p.label, p.pncId
		WITH collect(p) AS ps
		UNWIND range(0, size(ps) - 1, 97) AS i
		WITH ps[i] AS p LIMIT $n
		RETURN p.id AS id, p.familyName AS familyName`,
		map[string]any{"op": s.OperationID, "n": n}, neo4j.EagerResultTransformer)
	if err != nil {
		return s, err
	}
	for _, r := range res.Records {
		m := r.AsMap()
		s.Persons = append(s.Persons, m["id"].(string))
		if s.Search == "" {
			s.Search, _ = m["familyName"].(string)
		}
	}
	if len(s.Persons) == 0 {
		return s, errors.New("no linked, mentioned persons in the operation")
	}
	s.Search = strings.ToLower(s.Search)

	// Pair each person with one three associate hops out, so a path
	// exists within the six-hop bound and every system searches for one
	// that is there (an unreachable pair measures exhaustion, not search).
	for _, id := range s.Persons {
		res, err = neo4j.ExecuteQuery(ctx, drv, `
			MATCH (p:Person {id: $id})-[:ASSOCIATE_OF]-(:Person)-[:ASSOCIATE_OF]-(:Person)-[:ASSOCIATE_OF]-(q:Person)
			WHERE q <> p
			RETURN q.id AS id ORDER BY q.label, q.pncId LIMIT 1`,
			map[string]any{"id": id}, neo4j.EagerResultTransformer)
		if err != nil {
			return s, err
		}
		if len(res.Records) == 1 {
			s.Pairs = append(s.Pairs, [2]string{id, res.Records[0].AsMap()["id"].(string)})
		}
	}
	if len(s.Pairs) == 0 {
		return s, errors.New("no person pairs found")
	}
	return s, nil
}

// grantMembership makes the benchmark identity a member of the synthetic
// operation, which the generator creates with no members; without it
// Keyline's need-to-know rule would (rightly) hide everything.
func grantMembership(ctx context.Context, drv neo4j.DriverWithContext, subject, opID string) error {
	_, err := neo4j.ExecuteQuery(ctx, drv, `
		MERGE (o:Keyed:Officer {subject: $subject})
		  ON CREATE SET o.id = 'off_devbench', o.name = 'Priya Nair', o.collarNumber = 'BENCH1',
		                o.role = 'ANALYST', o.skills = [], o.version = 1
		WITH o
		MATCH (op:Operation {id: $op})
		MERGE (o)-[:MEMBER]->(op)`,
		map[string]any{"subject": subject, "op": opID}, neo4j.EagerResultTransformer)
	return err
}

// ---------------------------------------------------------------------------
// GraphQL over HTTP (Keyline and the peer)

type gqlClient struct {
	label   string
	url     string
	token   string
	http    *http.Client
	queries map[string]string
	vars    func(q string, i int) map[string]any
	// count extracts the shape of a decoded response.
	count func(q string, data map[string]any) map[string]int
}

func newHTTPClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	// Keep a connection per worker alive, so the measurement is of
	// serving queries, not of opening TCP connections.
	t.MaxIdleConns = 256
	t.MaxIdleConnsPerHost = 256
	t.MaxConnsPerHost = 0
	return &http.Client{Transport: t, Timeout: 60 * time.Second}
}

func (g *gqlClient) name() string { return g.label }

func (g *gqlClient) post(ctx context.Context, q string, i int) ([]byte, error) {
	body, _ := json.Marshal(map[string]any{"query": g.queries[q], "variables": g.vars(q, i)})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, g.url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if g.token != "" {
		req.Header.Set("Authorization", "Bearer "+g.token)
	}
	resp, err := g.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %d: %.200s", resp.StatusCode, b)
	}
	return b, nil
}

func (g *gqlClient) run(ctx context.Context, q string, i int) error {
	b, err := g.post(ctx, q, i)
	if err != nil {
		return err
	}
	// Full decoding would load the driver's share of the two cores; a
	// GraphQL error always carries this key at the top level.
	if bytes.Contains(b, []byte(`"errors":`)) {
		return fmt.Errorf("graphql errors: %.200s", b)
	}
	return nil
}

func (g *gqlClient) shape(ctx context.Context, q string, i int) (map[string]int, error) {
	b, err := g.post(ctx, q, i)
	if err != nil {
		return nil, err
	}
	var resp struct {
		Data   map[string]any `json:"data"`
		Errors []any          `json:"errors"`
	}
	if err := json.Unmarshal(b, &resp); err != nil {
		return nil, err
	}
	if len(resp.Errors) > 0 {
		return nil, fmt.Errorf("graphql errors: %.300s", b)
	}
	return g.count(q, resp.Data), nil
}

func personAt(s sample, i int) string  { return s.Persons[i%len(s.Persons)] }
func pairAt(s sample, i int) [2]string { return s.Pairs[i%len(s.Pairs)] }

// Keyline's queries ask for what the peer's ask for: the same fields,
// page sizes and orders.
var keylineQueries = map[string]string{
	"a": `query A($id: ID!) { node(id: $id) { ... on Person { id label givenNames familyName
  links(filter: {types: [ASSOCIATE_OF]}, first: 10) { totalCount edges { node { id kind confidence
    other { id label ... on Person { givenNames familyName
      links(filter: {types: [ASSOCIATE_OF]}, first: 10) { totalCount edges { node { id kind confidence other { id label } } } } } } } } } } } }`,
	"b": `query B($op: ID!, $s: String!) { operation(id: $op) { persons(filter: {search: $s}, first: 25) {
  totalCount edges { node { id label givenNames familyName } } } } }`,
	"c": `query C($id: ID!) { network(input: {seedIds: [$id], hops: 2, nodeBudget: 500}) {
  nodes { __typename id label } links { id type confidence from { id } to { id } } } }`,
	"d": `query D($from: ID!, $to: ID!) { paths(input: {fromId: $from, toId: $to, mode: SHORTEST, maxHops: 6}) {
  paths { length nodes { __typename id label } links { id type confidence from { id } to { id } } } } }`,
	"e": `query E($id: ID!) { node(id: $id) { ... on Person { id label
  mentionedIn(first: 10) { totalCount edges { node { id urn receivedAt sanitisedText grading { source assessment handling } } } } } } }`,
}

var peerQueries = map[string]string{
	"a": `query A($id: ID!) { people(where: {id: {eq: $id}}) { id label givenNames familyName
  associatesConnection(first: 10, sort: [{edge: {confidence: DESC}}]) { totalCount edges { properties { id kind confidence }
    node { id label givenNames familyName
      associatesConnection(first: 10, sort: [{edge: {confidence: DESC}}]) { totalCount edges { properties { id kind confidence } node { id label } } } } } } } }`,
	"b": `query B($op: String!, $s: String!) { peopleConnection(where: {operationId: {eq: $op}, searchText: {contains: $s}}, first: 25, sort: [{label: ASC}, {id: ASC}]) {
  totalCount edges { node { id label givenNames familyName } } } }`,
	"c": `query C($id: ID!) { network2hop(id: $id, budget: 500) { nodes { kind id label } links { id type confidence fromId toId } } }`,
	"d": `query D($from: ID!, $to: ID!) { shortestPath(fromId: $from, toId: $to) {
  length nodes { kind id label } links { id type confidence fromId toId } } }`,
	"e": `query E($id: ID!) { people(where: {id: {eq: $id}}) { id label
  mentionedInConnection(first: 10, sort: [{node: {receivedAt: DESC}}]) { totalCount edges { node { id urn receivedAt sanitisedText gradeSource gradeAssessment gradeHandling } } } } }`,
}

func gqlVars(s sample) func(string, int) map[string]any {
	return func(q string, i int) map[string]any {
		switch q {
		case "b":
			return map[string]any{"op": s.OperationID, "s": s.Search}
		case "d":
			p := pairAt(s, i)
			return map[string]any{"from": p[0], "to": p[1]}
		}
		return map[string]any{"id": personAt(s, i)}
	}
}

func newKeyline(url, token string, s sample) runner {
	return &gqlClient{label: "keyline", url: url, token: token, http: newHTTPClient(), queries: keylineQueries, vars: gqlVars(s),
		count: func(q string, d map[string]any) map[string]int {
			switch q {
			case "a":
				n := obj(d["node"])
				l1 := list(obj(n["links"])["edges"])
				l2 := 0
				for _, e := range l1 {
					l2 += len(list(obj(obj(obj(obj(e)["node"])["other"])["links"])["edges"]))
				}
				return map[string]int{"level1": len(l1), "level2": l2}
			case "b":
				c := obj(obj(d["operation"])["persons"])
				return map[string]int{"total": num(c["totalCount"]), "page": len(list(c["edges"]))}
			case "c":
				n := obj(d["network"])
				return map[string]int{"nodes": len(list(n["nodes"])), "links": len(list(n["links"]))}
			case "d":
				ps := list(obj(d["paths"])["paths"])
				if len(ps) == 0 {
					return map[string]int{"length": -1}
				}
				return map[string]int{"length": num(obj(ps[0])["length"])}
			case "e":
				c := obj(obj(d["node"])["mentionedIn"])
				return map[string]int{"total": num(c["totalCount"]), "page": len(list(c["edges"]))}
			}
			return nil
		}}
}

func newPeer(url string, s sample) runner {
	return &gqlClient{label: "peer", url: url, http: newHTTPClient(), queries: peerQueries, vars: gqlVars(s),
		count: func(q string, d map[string]any) map[string]int {
			switch q {
			case "a":
				ps := list(d["people"])
				if len(ps) == 0 {
					return nil
				}
				l1 := list(obj(obj(ps[0])["associatesConnection"])["edges"])
				l2 := 0
				for _, e := range l1 {
					l2 += len(list(obj(obj(obj(e)["node"])["associatesConnection"])["edges"]))
				}
				return map[string]int{"level1": len(l1), "level2": l2}
			case "b":
				c := obj(d["peopleConnection"])
				return map[string]int{"total": num(c["totalCount"]), "page": len(list(c["edges"]))}
			case "c":
				n := obj(d["network2hop"])
				return map[string]int{"nodes": len(list(n["nodes"])), "links": len(list(n["links"]))}
			case "d":
				p := obj(d["shortestPath"])
				if p == nil {
					return map[string]int{"length": -1}
				}
				return map[string]int{"length": num(p["length"])}
			case "e":
				ps := list(d["people"])
				if len(ps) == 0 {
					return nil
				}
				c := obj(obj(ps[0])["mentionedInConnection"])
				return map[string]int{"total": num(c["totalCount"]), "page": len(list(c["edges"]))}
			}
			return nil
		}}
}

func obj(v any) map[string]any { m, _ := v.(map[string]any); return m }
func list(v any) []any         { l, _ := v.([]any); return l }
func num(v any) int            { f, _ := v.(float64); return int(f) }

// ---------------------------------------------------------------------------
// Raw Cypher: Keyline's own statements, without Keyline

type rawCypher struct {
	drv   neo4j.DriverWithContext
	s     sample
	stmts map[string]string
	scope map[string]any
}

// linkTypes is cypher.LinkTypes: every link type, the default filter.
var linkTypes = []string{"ASSOCIATE_OF", "USES", "RESIDES_AT", "FREQUENTS", "DRIVES", "REGISTERED_KEEPER",
	"MEMBER_OF", "PRESENT_AT", "INVOLVED_IN", "CONTACTED", "OPERATES_FROM"}

func newRawCypher(repo string, drv neo4j.DriverWithContext, s sample) (*rawCypher, error) {
	// The dev analyst's scope, derived and sent as Keyline derives and
	// sends it, so the floor filters exactly what Keyline filters, with the
	// statements' scope fragments expanded as the store expands them.
	u, _ := auth.DevUserForRole("analyst")
	sc := cypher.ScopeOf(&keyline.Actor{Subject: u.Subject, Roles: u.Roles, Clearance: u.Clearance, Operations: []string{s.OperationID}})
	c := &rawCypher{drv: drv, s: s, stmts: map[string]string{}, scope: sc.Params(nil)}
	read := func(name string) (string, error) {
		b, err := os.ReadFile(filepath.Join(repo, "cypher", "queries", name+".cypher"))
		return cypher.ExpandScope(string(b)), err
	}
	for _, n := range []string{"nodes_by_id", "links_of", "network_hop", "mentioned_in_audited"} {
		t, err := read(n)
		if err != nil {
			return nil, err
		}
		c.stmts[n] = t
	}
	// Question (b) always searches, so Keyline runs the search variant.
	t, err := read("list_by_operation_search")
	if err != nil {
		return nil, err
	}
	c.stmts["list_persons"] = strings.ReplaceAll(t, "__LABEL__", "Person")
	// A SHORTEST question runs its own statement (issue 13).
	t, err = read("paths_shortest")
	if err != nil {
		return nil, err
	}
	c.stmts["paths_6_1"] = strings.ReplaceAll(t, "__HOPS__", "6")
	return c, nil
}

func (c *rawCypher) name() string { return "cypher" }

func (c *rawCypher) params(extra map[string]any) map[string]any {
	p := map[string]any{}
	for k, v := range c.scope {
		p[k] = v
	}
	for k, v := range extra {
		p[k] = v
	}
	return p
}

func (c *rawCypher) linkParams(extra map[string]any) map[string]any {
	p := c.params(map[string]any{"types": linkTypes, "minConfidence": 0.0, "seenAfter": nil, "seenBefore": nil,
		"avoid": []string{}, "through": nil, "maxDegree": 1000})
	for k, v := range extra {
		p[k] = v
	}
	return p
}

// read runs one statement as an auto-commit read transaction and decodes
// every record, as Keyline's store does for each statement.
func (c *rawCypher) read(ctx context.Context, stmt string, params map[string]any) ([]map[string]any, error) {
	sess := c.drv.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, c.stmts[stmt], params)
	if err != nil {
		return nil, err
	}
	var rows []map[string]any
	for res.Next(ctx) {
		rows = append(rows, res.Record().AsMap())
	}
	return rows, res.Err()
}

func (c *rawCypher) run(ctx context.Context, q string, i int) error {
	_, err := c.answer(ctx, q, i)
	return err
}

func (c *rawCypher) shape(ctx context.Context, q string, i int) (map[string]int, error) {
	return c.answer(ctx, q, i)
}

// answer runs, in order, the statements Keyline's resolvers run for q,
// with the page sizes they ask for (first: totals come with the page).
func (c *rawCypher) answer(ctx context.Context, q string, i int) (map[string]int, error) {
	switch q {
	case "a":
		id := personAt(c.s, i)
		if _, err := c.read(ctx, "nodes_by_id", c.params(map[string]any{"ids": []string{id}})); err != nil {
			return nil, err
		}
		// The properties Keyline's selection needs (its linkProjection):
		// first the associates' names, then only their associates' labels.
		lp := map[string]any{"types": []string{"ASSOCIATE_OF"}, "minConfidence": 0.0, "seenAfter": nil, "seenBefore": nil, "skip": 0, "limit": 10,
			"linkProps":  []string{"confidence", "id", "kind", "operationId"},
			"otherProps": []string{"familyName", "givenNames", "id", "label", "operationId"}}
		lp["ids"] = []string{id}
		rows, err := c.read(ctx, "links_of", c.params(lp))
		if err != nil || len(rows) == 0 {
			return nil, err
		}
		page := list(rows[0]["page"])
		var others []string
		for _, it := range page {
			m := obj(it)
			if slices.Contains(list(m["otherLabels"]), any("Person")) {
				others = append(others, list(m["other"])[2].(string)) // "id", third in otherProps
			}
		}
		lp["ids"], lp["otherProps"] = others, []string{"id", "label", "operationId"}
		rows, err = c.read(ctx, "links_of", c.params(lp))
		if err != nil {
			return nil, err
		}
		l2 := 0
		for _, r := range rows {
			l2 += len(list(r["page"]))
		}
		return map[string]int{"level1": len(page), "level2": l2}, nil
	case "b":
		if _, err := c.read(ctx, "nodes_by_id", c.params(map[string]any{"ids": []string{c.s.OperationID}})); err != nil {
			return nil, err
		}
		rows, err := c.read(ctx, "list_persons", c.params(map[string]any{"operationIds": []string{c.s.OperationID},
			"search": c.s.Search, "updatedAfter": nil, "orderBy": "label", "desc": false, "skip": 0, "limit": 25}))
		if err != nil || len(rows) == 0 {
			return nil, err
		}
		return map[string]int{"total": int(rows[0]["total"].(int64)), "page": len(list(rows[0]["page"]))}, nil
	case "c":
		return c.network(ctx, personAt(c.s, i), 2, 500)
	case "d":
		// The path statement checks both ends' scope itself; Keyline reads
		// the ends separately only when no path is found (not the case here).
		p := pairAt(c.s, i)
		rows, err := c.read(ctx, "paths_6_1", c.linkParams(map[string]any{"fromId": p[0], "toId": p[1], "limit": 2}))
		if err != nil {
			return nil, err
		}
		if len(rows) == 0 {
			return map[string]int{"length": -1}, nil
		}
		return map[string]int{"length": len(list(rows[0]["links"]))}, nil
	case "e":
		id := personAt(c.s, i)
		if _, err := c.read(ctx, "nodes_by_id", c.params(map[string]any{"ids": []string{id}})); err != nil {
			return nil, err
		}
		// Keyline reads the page and records every item on it in the audit
		// trail in one statement, before answering; so does its floor.
		return c.mentionedAudited(ctx, id)

	}
	return nil, fmt.Errorf("unknown question %q", q)
}

// network is resolvers.expand: one bounded query per hop.
func (c *rawCypher) network(ctx context.Context, seed string, hops, budget int) (map[string]int, error) {
	if _, err := c.read(ctx, "nodes_by_id", c.params(map[string]any{"ids": []string{seed}})); err != nil {
		return nil, err
	}
	kept := map[string]bool{seed: true}
	links := map[string]bool{}
	frontier := []string{seed}
	for hop := 1; hop <= hops && len(frontier) > 0; hop++ {
		remaining := budget - len(kept)
		perNode := min(budget, max(20, 4*remaining/len(frontier)+1))
		limit := max(8*remaining, 200)
		// Question (c) asks only ids, labels and link confidence, so Keyline
		// reads the hops lean; so does its floor.
		rows, err := c.read(ctx, "network_hop", c.linkParams(map[string]any{"frontier": frontier, "perNode": perNode, "limit": limit, "lean": true}))
		if err != nil {
			return nil, err
		}
		var next []string
		for _, r := range rows {
			other := obj(r["props"])["id"].(string)
			if !kept[other] {
				if len(kept) >= budget {
					continue
				}
				kept[other] = true
				next = append(next, other)
			}
			links[obj(r["link"])["id"].(string)] = true
		}
		frontier = next
	}
	return map[string]int{"nodes": len(kept), "links": len(links)}, nil
}

// mentionedAudited is cypher.Store.MentionedInAudited: the page and its
// READ events in one statement, committed on its own.
func (c *rawCypher) mentionedAudited(ctx context.Context, id string) (map[string]int, error) {
	const limit = 10
	ids := make([]string, limit)
	for i := range ids {
		ids[i] = keyline.NewAuditID()
	}
	sess := c.drv.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, c.stmts["mentioned_in_audited"], c.params(map[string]any{"ids": []string{id}, "skip": 0, "limit": limit,
		"auditIds": ids, "event": map[string]any{"at": time.Now().UTC(), "actor": "dev-analyst", "officerId": "off_devbench",
			"requestId": "bench", "action": "READ", "entityKind": "IntelligenceItem"}}))
	if err != nil {
		return nil, err
	}
	var rows []map[string]any
	for res.Next(ctx) {
		rows = append(rows, res.Record().AsMap())
	}
	if err := res.Err(); err != nil || len(rows) == 0 {
		return nil, err
	}
	return map[string]int{"total": int(rows[0]["total"].(int64)), "page": len(list(rows[0]["page"]))}, nil
}

// ---------------------------------------------------------------------------
// Report

func fmtDur(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	switch {
	case ms >= 100:
		return fmt.Sprintf("%.0f", ms)
	case ms >= 10:
		return fmt.Sprintf("%.1f", ms)
	}
	return fmt.Sprintf("%.2f", ms)
}

func printMarkdown(w io.Writer, results []*result, levels []int) {
	by := map[string]*result{}
	for _, r := range results {
		by[fmt.Sprintf("%s/%s/%d", r.System, r.Question, r.Concurrency)] = r
	}
	title := map[string]string{}
	for _, q := range questions {
		title[q.key] = q.title
	}
	var qs []string
	seen := map[string]bool{}
	for _, r := range results {
		if !seen[r.Question] {
			seen[r.Question] = true
			qs = append(qs, r.Question)
		}
	}
	fmt.Fprintln(w, "| question | conc | system | req/s | p50 ms | p95 ms | p99 ms | errors | Keyline/peer req/s | Keyline p50 / Cypher p50 |")
	fmt.Fprintln(w, "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|")
	for _, q := range qs {
		for _, c := range levels {
			k := by[fmt.Sprintf("keyline/%s/%d", q, c)]
			p := by[fmt.Sprintf("peer/%s/%d", q, c)]
			x := by[fmt.Sprintf("cypher/%s/%d", q, c)]
			for _, sys := range []string{"keyline", "peer", "cypher"} {
				r := by[fmt.Sprintf("%s/%s/%d", sys, q, c)]
				if r == nil {
					continue
				}
				ratio, floor := "", ""
				if sys == "keyline" {
					if p != nil && p.Throughput > 0 {
						ratio = fmt.Sprintf("**%.2f×**", k.Throughput/p.Throughput)
					}
					if x != nil && x.P50 > 0 {
						floor = fmt.Sprintf("**%.2f×**", float64(k.P50)/float64(x.P50))
					}
				}
				fmt.Fprintf(w, "| %s %s | %d | %s | %.1f | %s | %s | %s | %d | %s | %s |\n",
					q, title[q], c, sys, r.Throughput, fmtDur(r.P50), fmtDur(r.P95), fmtDur(r.P99), r.Errors, ratio, floor)
			}
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Answer shapes for the first sample (the systems should agree):")
	fmt.Fprintln(w)
	for _, q := range qs {
		var parts []string
		for _, sys := range []string{"keyline", "peer", "cypher"} {
			if r := by[fmt.Sprintf("%s/%s/%d", sys, q, levels[0])]; r != nil {
				keys := make([]string, 0, len(r.Shape))
				for k := range r.Shape {
					keys = append(keys, k)
				}
				sort.Strings(keys)
				var kv []string
				for _, k := range keys {
					kv = append(kv, fmt.Sprintf("%s %d", k, r.Shape[k]))
				}
				parts = append(parts, fmt.Sprintf("%s {%s}", sys, strings.Join(kv, ", ")))
			}
		}
		fmt.Fprintf(w, "- %s %s: %s\n", q, title[q], strings.Join(parts, "; "))
	}
}
