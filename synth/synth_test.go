package synth

import (
	"context"
	"reflect"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

var testNow = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

type emitted struct {
	stage string
	row   map[string]any
}

func collectRows(t testing.TB, cfg Config) []emitted {
	t.Helper()
	var out []emitted
	err := Rows(context.Background(), cfg, func(st *Stage, row map[string]any) error {
		out = append(out, emitted{st.Name, row})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRowsAreDeterministic(t *testing.T) {
	cfg := Config{Persons: 2000, Seed: 42, OperationID: "op_test", Now: testNow}
	a, b := collectRows(t, cfg), collectRows(t, cfg)
	if len(a) != len(b) {
		t.Fatalf("two generations emitted %d and %d rows", len(a), len(b))
	}
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			t.Fatalf("row %d differs:\n%v\n%v", i, a[i], b[i])
		}
	}
	// Another day moves the dates, nothing else.
	later := cfg
	later.Now = testNow.Add(36*time.Hour + 123*time.Millisecond)
	d := collectRows(t, later)
	if len(d) != len(a) {
		t.Fatalf("generating later emitted %d rows, not %d", len(d), len(a))
	}
	dated := []string{"dateOfBirth", "reviewDate", "label", "searchText", "crimeNumber"}
	for i := range a {
		for k, v := range a[i].row {
			if tm, ok := v.(time.Time); ok {
				v = tm.Add(36 * time.Hour)
			}
			if w := d[i].row[k]; !slices.Contains(dated, k) && !reflect.DeepEqual(v, w) {
				t.Fatalf("row %d %s: %v, later %v", i, k, v, w)
			}
		}
	}

	cfg.Seed = 43
	c := collectRows(t, cfg)
	same := 0
	for i := range min(len(a), len(c)) {
		if reflect.DeepEqual(a[i].row, c[i].row) {
			same++
		}
	}
	if same > len(a)/100 {
		t.Fatalf("another seed repeated %d of %d rows", same, len(a))
	}
}

// TestNetworkShape checks, on 10k persons, what benchmarks on the data
// rely on: a well-formed graph (every end exists, every link cites a
// source) with the heavy tails of a real criminal network.
func TestNetworkShape(t *testing.T) {
	const n = 10_000
	cfg := Config{Persons: n, Seed: 7, OperationID: "op_shape", Now: testNow}
	rows := collectRows(t, cfg)

	kindOf := map[string]keyline.Kind{}
	nodes := map[keyline.Kind]int{}
	links := map[string]int{}
	linkIDs := map[string]bool{}
	pairs := map[[3]string]bool{}
	degree := map[string]map[string]int{}
	unique := map[string]map[string]bool{"number": {}, "vrm": {}, "urn": {}}
	mentionsPer := map[string]int{}
	var dobs int
	e164 := regexp.MustCompile(`^\+4477[0-9]{8}$`)
	seenLinks := false

	for i, e := range rows {
		r := e.row
		if k := keyline.Kind(e.stage); slices.Contains(nodeStages, k) {
			if seenLinks {
				t.Fatalf("row %d: a %s node after links", i, k)
			}
			id, _ := r["id"].(string)
			if got, ok := keyline.KindOfID(id); !ok || got != k {
				t.Fatalf("%s id %q does not name its kind", k, id)
			}
			if kindOf[id] != "" {
				t.Fatalf("duplicate node id %s", id)
			}
			kindOf[id] = k
			nodes[k]++
			for _, f := range []string{"operationId", "label", "searchText", "createdAt", "updatedAt", "updatedBy", "version"} {
				if r[f] == nil || r[f] == "" {
					t.Fatalf("%s %s has no %s", k, id, f)
				}
			}
			if r["operationId"] != cfg.OperationID || r["version"] != int64(1) {
				t.Fatalf("%s %s: bookkeeping %v", k, id, r)
			}
			for f, seen := range unique {
				if v, ok := r[f].(string); ok {
					if seen[v] {
						t.Fatalf("%s %q is not unique", f, v)
					}
					seen[v] = true
				}
			}
			switch k {
			case keyline.KindPerson:
				if _, ok := r["dateOfBirth"].(keyline.Date); ok {
					dobs++
				}
			case keyline.KindCommsDevice:
				if num, _ := r["number"].(string); !e164.MatchString(num) {
					t.Fatalf("phone number %q", num)
				}
			case keyline.KindVehicle:
				if v, err := keyline.NormaliseVRM("vrm", r["vrm"].(string)); err != nil || v != r["vrm"] {
					t.Fatalf("VRM %q: %v", r["vrm"], err)
				}
			case keyline.KindLocation:
				if pc, err := keyline.NormalisePostcode("postcode", r["postcode"].(string)); err != nil || pc != r["postcode"] {
					t.Fatalf("postcode %q: %v", r["postcode"], err)
				}
			case keyline.KindIntelligenceItem:
				g := keyline.Grading{Source: r["gradeSource"].(string), Assessment: r["gradeAssessment"].(string), Handling: r["gradeHandling"].(string)}
				g.Conditions, _ = r["gradeConditions"].(string)
				if err := g.Validate("grading"); err != nil {
					t.Fatalf("intelligence %s: %v", r["id"], err)
				}
			}
			continue
		}

		seenLinks = true
		from, to := r["fromId"].(string), r["toId"].(string)
		fk, tk := kindOf[from], kindOf[to]
		if fk == "" || tk == "" {
			t.Fatalf("%s row %v: an end does not exist", e.stage, r)
		}
		if e.stage == Mentions {
			if fk != keyline.KindIntelligenceItem || r["role"] == "" {
				t.Fatalf("mention %v", r)
			}
			mentionsPer[from]++
			links[Mentions]++
			continue
		}
		if !cypher.LinkAllowed(e.stage, string(fk), string(tk)) {
			t.Fatalf("a %s link cannot join %s to %s", e.stage, fk, tk)
		}
		if from == to {
			t.Fatalf("%s links %s to itself", e.stage, from)
		}
		key := [3]string{e.stage, from, to}
		if pairs[key] {
			t.Fatalf("%s %s -> %s twice", e.stage, from, to)
		}
		pairs[key] = true
		id, _ := r["id"].(string)
		if !keyline.IsLinkID(id) || linkIDs[id] {
			t.Fatalf("link id %q is not a fresh link id", id)
		}
		linkIDs[id] = true
		sources, _ := r["sources"].([]string)
		if len(sources) == 0 {
			t.Fatalf("%s %s has no source", e.stage, id)
		}
		for _, s := range sources {
			if kindOf[s] != keyline.KindIntelligenceItem {
				t.Fatalf("%s %s cites %q, not a generated intelligence item", e.stage, id, s)
			}
		}
		first, _ := r["firstSeen"].(time.Time)
		last, _ := r["lastSeen"].(time.Time)
		if first.IsZero() || last.Before(first) || last.After(testNow) {
			t.Fatalf("%s %s seen %v to %v", e.stage, id, first, last)
		}
		if c, _ := r["confidence"].(float64); c <= 0 || c > 1 {
			t.Fatalf("%s %s confidence %v", e.stage, id, r["confidence"])
		}
		for _, f := range []string{"operationId", "createdAt", "updatedAt", "updatedBy", "version"} {
			if r[f] == nil {
				t.Fatalf("%s %s has no %s", e.stage, id, f)
			}
		}
		switch e.stage {
		case "MEMBER_OF":
			if !slices.Contains([]string{"PRINCIPAL", "SIGNIFICANT", "PERIPHERAL"}, r["role"].(string)) {
				t.Fatalf("MEMBER_OF role %v", r["role"])
			}
		case "CONTACTED":
			if c, _ := r["count"].(int64); c < 1 {
				t.Fatalf("CONTACTED count %v", r["count"])
			}
		}
		links[e.stage]++
		if degree[e.stage] == nil {
			degree[e.stage] = map[string]int{}
		}
		degree[e.stage][from]++
		degree[e.stage][to]++
	}
	t.Logf("nodes %v", nodes)
	t.Logf("links %v", links)

	want := map[keyline.Kind]int{
		keyline.KindPerson: n, keyline.KindOrganisation: n / 500, keyline.KindEvent: n / 20, keyline.KindIntelligenceItem: n / 3,
	}
	for k, w := range want {
		if nodes[k] != w {
			t.Errorf("%d %s records, want %d", nodes[k], k, w)
		}
	}
	if p := nodes[keyline.KindCommsDevice]; p < n || p > 2*n {
		t.Errorf("%d phones for %d persons", p, n)
	}
	if links["RESIDES_AT"] != n {
		t.Errorf("%d RESIDES_AT, want one per person", links["RESIDES_AT"])
	}
	if dobs < n*15/100 || dobs > n*25/100 {
		t.Errorf("%d of %d persons have a date of birth, want about 20%%", dobs, n)
	}
	for _, l := range linkStages {
		if links[l] == 0 {
			t.Errorf("no %s rows", l)
		}
	}
	for id, c := range mentionsPer {
		if c < 1 || c > 3 {
			t.Errorf("%s mentions %d entities", id, c)
		}
	}
	if len(mentionsPer) != nodes[keyline.KindIntelligenceItem] {
		t.Errorf("%d of %d items mention something", len(mentionsPer), nodes[keyline.KindIntelligenceItem])
	}

	for _, l := range []string{"ASSOCIATE_OF", "CONTACTED"} {
		mx, sum := 0, 0
		for _, d := range degree[l] {
			sum += d
			mx = max(mx, d)
		}
		mean := float64(sum) / float64(len(degree[l]))
		t.Logf("%s: %d ends, mean degree %.1f, max %d", l, len(degree[l]), mean, mx)
		if float64(mx) < 10*mean {
			t.Errorf("%s degree is not heavy-tailed: max %d, mean %.1f", l, mx, mean)
		}
	}
	if mean := 2 * float64(links["ASSOCIATE_OF"]) / n; mean < 4 || mean > 6 {
		t.Errorf("mean ASSOCIATE_OF degree %.1f, want 4-6", mean)
	}
	shared := 0
	for id, d := range degree["RESIDES_AT"] {
		if kindOf[id] == keyline.KindLocation && d > 1 {
			shared++
		}
	}
	if shared == 0 {
		t.Error("no address is shared")
	}
}

func TestRowsStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	rows := 0
	err := Rows(ctx, Config{Persons: 10_000, OperationID: "op_x", Now: testNow}, func(*Stage, map[string]any) error {
		if rows++; rows == 100 {
			cancel()
		}
		return nil
	})
	if err == nil || rows > 2000 {
		t.Fatalf("cancelled generation: %v after %d rows", err, rows)
	}
}

// BenchmarkRows measures generation alone, without a database: it must
// stay far faster than Neo4j writes so that the database sets the pace.
func BenchmarkRows(b *testing.B) {
	for b.Loop() {
		rows := 0
		err := Rows(context.Background(), Config{Persons: 100_000, Seed: 1, OperationID: "op_b", Now: testNow}, func(*Stage, map[string]any) error {
			rows++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(rows), "rows/op")
	}
}
