package analysis

import (
	"math"
	"slices"
	"testing"

	"github.com/keyline/keyline"
)

const tol = 1e-9

func near(a, b, eps float64) bool { return math.Abs(a-b) <= eps }

func scoreOf(t *testing.T, scores []Score, id string) Score {
	t.Helper()
	i := slices.IndexFunc(scores, func(s Score) bool { return s.NodeID == id })
	if i < 0 {
		t.Fatalf("no score for %q", id)
	}
	return scores[i]
}

// Expected values below are worked by hand:
//
//   - P5 a-b-c-d-e: c lies on the shortest paths of a-d, a-e, b-d, b-e (raw
//     4, normalised 4/C(4,2) = 4/6); b on a-c, a-d, a-e (3, 0.5). Closeness
//     with everything reachable is (n-1)/Σd: a 4/10, b 4/7, c 4/6. The
//     eigenvector of a path of 5 is sin(kπ/6), k = 1..5, over √3.
//   - Star with 4 leaves: the hub is on all C(4,2) = 6 leaf pairs (1.0);
//     leaf closeness 4/(1+2+2+2); eigenvalue 2, hub 1/√2, leaves 1/(2√2).
//   - K4: every node alike: degree 3, betweenness 0, closeness 1, 1/2.
//   - Two triangles a-b-c and d-e-f bridged by c-d: c and d each carry the
//     3×2 cross pairs, 6 of C(5,2) = 10; c's distances sum to 7.
//   - Disconnected, n = 7: a's component has r = 3, Σd = 2, so
//     (2/6)(2/2) = 1/3; chain end x: (2/6)(2/3) = 2/9; chain middle y
//     carries x-w, 1 of C(6,2) = 15; the loner z scores 0 throughout.
func TestCentralityKnownValues(t *testing.T) {
	r3 := math.Sqrt(3)
	type want struct {
		id          string
		degree      int
		degreeC     float64
		betweenRaw  float64
		between     float64
		closeness   float64
		eigenvector float64
		component   int
	}
	tests := []struct {
		name  string
		g     keyline.Graph
		nodes []want
	}{
		{"path P5", pathP5, []want{
			{"a", 1, 0.25, 0, 0, 0.4, 0.5 / r3, 0},
			{"b", 2, 0.5, 3, 0.5, 4.0 / 7, math.Sqrt(0.75) / r3, 0},
			{"c", 2, 0.5, 4, 4.0 / 6, 4.0 / 6, 1 / r3, 0},
			{"d", 2, 0.5, 3, 0.5, 4.0 / 7, math.Sqrt(0.75) / r3, 0},
			{"e", 1, 0.25, 0, 0, 0.4, 0.5 / r3, 0},
		}},
		{"star S4", starS4, []want{
			{"hub", 4, 1, 6, 1, 1, 1 / math.Sqrt2, 0},
			{"l1", 1, 0.25, 0, 0, 4.0 / 7, 0.5 / math.Sqrt2, 0},
			{"l4", 1, 0.25, 0, 0, 4.0 / 7, 0.5 / math.Sqrt2, 0},
		}},
		{"complete K4", completeK4, []want{
			{"a", 3, 1, 0, 0, 1, 0.5, 0},
			{"b", 3, 1, 0, 0, 1, 0.5, 0},
			{"c", 3, 1, 0, 0, 1, 0.5, 0},
			{"d", 3, 1, 0, 0, 1, 0.5, 0},
		}},
		{"two triangles and a bridge", twoTriangle, []want{
			{"a", 2, 0.4, 0, 0, 0.5, -1, 0},
			{"c", 3, 0.6, 6, 0.6, 5.0 / 7, -1, 0},
			{"d", 3, 0.6, 6, 0.6, 5.0 / 7, -1, 0},
			{"f", 2, 0.4, 0, 0, 0.5, -1, 0},
		}},
		{"disconnected", disconnected, []want{
			{"a", 2, 2.0 / 6, 0, 0, 1.0 / 3, 1 / r3, 0},
			{"w", 1, 1.0 / 6, 0, 0, 2.0 / 9, 0.5, 1},
			{"x", 1, 1.0 / 6, 0, 0, 2.0 / 9, 0.5, 1},
			{"y", 2, 2.0 / 6, 1, 1.0 / 15, 1.0 / 3, 1 / math.Sqrt2, 1},
			{"z", 0, 0, 0, 0, 0, 0, 2},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			scores := Centrality(tt.g)
			if len(scores) != len(tt.g.Nodes) {
				t.Fatalf("got %d scores for %d nodes", len(scores), len(tt.g.Nodes))
			}
			for _, w := range tt.nodes {
				s := scoreOf(t, scores, w.id)
				if s.Degree != w.degree || !near(s.DegreeCentrality, w.degreeC, tol) {
					t.Errorf("%s degree = %d (%v), want %d (%v)", w.id, s.Degree, s.DegreeCentrality, w.degree, w.degreeC)
				}
				if s.Strength != float64(w.degree) {
					t.Errorf("%s strength = %v, want %d", w.id, s.Strength, w.degree)
				}
				if !near(s.BetweennessRaw, w.betweenRaw, tol) || !near(s.Betweenness, w.between, tol) {
					t.Errorf("%s betweenness = %v (%v), want %v (%v)", w.id, s.BetweennessRaw, s.Betweenness, w.betweenRaw, w.between)
				}
				if !near(s.Closeness, w.closeness, tol) {
					t.Errorf("%s closeness = %v, want %v", w.id, s.Closeness, w.closeness)
				}
				if w.eigenvector >= 0 && !near(s.Eigenvector, w.eigenvector, 1e-8) {
					t.Errorf("%s eigenvector = %v, want %v", w.id, s.Eigenvector, w.eigenvector)
				}
				if s.Component != w.component {
					t.Errorf("%s component = %d, want %d", w.id, s.Component, w.component)
				}
			}
		})
	}
}

func TestCentralityBridgeNodesLead(t *testing.T) {
	scores := Centrality(twoTriangle)
	for _, m := range []Measure{MeasureBetweenness, MeasureCloseness, MeasureEigenvector} {
		top := Rank(scores, m)
		if top[0].NodeID != "c" || top[1].NodeID != "d" {
			t.Errorf("by %v: top two = %s, %s; want the bridge c, d", m, top[0].NodeID, top[1].NodeID)
		}
	}
}

// Published values for Zachary's karate club (NetworkX 3.6 agrees to all
// the digits given): betweenness is led by the instructor (1) and the
// administrator (34), eigenvector centrality by 34 then 1.
func TestCentralityKarateClub(t *testing.T) {
	scores := Centrality(karate())
	if len(scores) != 34 {
		t.Fatalf("got %d scores, want 34", len(scores))
	}
	checks := []struct {
		member    int
		measure   string
		got, want float64
	}{
		{1, "degree", float64(scoreOf(t, scores, karateID(1)).Degree), 16},
		{34, "degree", float64(scoreOf(t, scores, karateID(34)).Degree), 17},
		{1, "betweenness", scoreOf(t, scores, karateID(1)).Betweenness, 0.43763528138528146},
		{34, "betweenness", scoreOf(t, scores, karateID(34)).Betweenness, 0.30407497594997596},
		{33, "betweenness", scoreOf(t, scores, karateID(33)).Betweenness, 0.145247113997114},
		{1, "closeness", scoreOf(t, scores, karateID(1)).Closeness, 0.5689655172413793},
		{34, "closeness", scoreOf(t, scores, karateID(34)).Closeness, 0.55},
		{34, "eigenvector", scoreOf(t, scores, karateID(34)).Eigenvector, 0.3733634702989749},
		{1, "eigenvector", scoreOf(t, scores, karateID(1)).Eigenvector, 0.3554914445167459},
		{3, "eigenvector", scoreOf(t, scores, karateID(3)).Eigenvector, 0.3171925044837801},
	}
	for _, c := range checks {
		if !near(c.got, c.want, 1e-7) {
			t.Errorf("member %d %s = %v, want %v", c.member, c.measure, c.got, c.want)
		}
	}
	tops := []struct {
		by   Measure
		want []int
	}{
		{MeasureBetweenness, []int{1, 34, 33, 3, 32}},
		{MeasureEigenvector, []int{34, 1, 3, 33, 2}},
		{MeasureDegree, []int{34, 1, 33, 3, 2}},
		{MeasureCloseness, []int{1, 3, 34}},
	}
	for _, tt := range tops {
		ranked := Rank(scores, tt.by)
		for i, m := range tt.want {
			if ranked[i].NodeID != karateID(m) {
				t.Errorf("by %v: rank %d is %s, want %s", tt.by, i+1, ranked[i].NodeID, karateID(m))
			}
		}
	}
}

func TestCentralityDegenerateCharts(t *testing.T) {
	if got := Centrality(keyline.Graph{}); len(got) != 0 {
		t.Errorf("empty chart: got %v", got)
	}
	only := keyline.Graph{Nodes: []keyline.GraphNode{{ID: "solo"}}}
	if got, want := Centrality(only), []Score{{NodeID: "solo"}}; !slices.Equal(got, want) {
		t.Errorf("single node: got %+v, want %+v", got, want)
	}
	// Links only: to entities not on the chart, and to itself.
	stray := keyline.Graph{
		Nodes: []keyline.GraphNode{{ID: "solo"}},
		Edges: []keyline.GraphEdge{{From: "solo", To: "solo"}, {From: "solo", To: "ghost"}},
	}
	if got, want := Centrality(stray), []Score{{NodeID: "solo"}}; !slices.Equal(got, want) {
		t.Errorf("stray links: got %+v, want %+v", got, want)
	}
	pair := Centrality(chart([]string{"a-b"}))
	for _, s := range pair {
		want := Score{NodeID: s.NodeID, Degree: 1, DegreeCentrality: 1, Strength: 1, Closeness: 1, Eigenvector: 1 / math.Sqrt2}
		if !near(s.Eigenvector, want.Eigenvector, 1e-12) {
			t.Errorf("pair: %s eigenvector %v, want %v", s.NodeID, s.Eigenvector, want.Eigenvector)
		}
		s.Eigenvector = want.Eigenvector
		if s != want {
			t.Errorf("pair: got %+v, want %+v", s, want)
		}
	}
}

// Weighted a-b 0.6, b-c 0.8: a weighted star has eigenvalue √Σw² = 1, so
// the hub gets 1/√2 and each leaf w/√2. Hop-based measures do not change.
func TestCentralityWeighted(t *testing.T) {
	g := chart([]string{"a-b", "b-c", "c-b"})
	g.Edges[0].Confidence = 0.6
	g.Edges[1].Confidence = 0.8
	g.Edges[2].Confidence = 0.2 // a weaker report of b-c: the stronger one stands
	scores := CentralityWith(g, Options{Weighted: true})
	want := map[string]struct{ strength, eigen float64 }{
		"a": {0.6, 0.6 / math.Sqrt2},
		"b": {1.4, 1 / math.Sqrt2},
		"c": {0.8, 0.8 / math.Sqrt2},
	}
	for _, s := range scores {
		w := want[s.NodeID]
		if !near(s.Strength, w.strength, tol) || !near(s.Eigenvector, w.eigen, 1e-8) {
			t.Errorf("%s: strength %v eigenvector %v, want %v %v", s.NodeID, s.Strength, s.Eigenvector, w.strength, w.eigen)
		}
	}
	if b := scoreOf(t, scores, "b"); b.Degree != 2 || b.BetweennessRaw != 1 || b.Closeness != 1 {
		t.Errorf("b: hop-based measures changed under weighting: %+v", b)
	}
}

func TestRankOrdersDescendingWithIDTieBreak(t *testing.T) {
	scores := Centrality(starS4)
	got := Rank(scores, MeasureBetweenness)
	var ids []string
	for _, s := range got {
		ids = append(ids, s.NodeID)
	}
	if want := []string{"hub", "l1", "l2", "l3", "l4"}; !slices.Equal(ids, want) {
		t.Errorf("rank = %v, want %v", ids, want)
	}
	// Rank must not reorder the caller's slice.
	if scores[0].NodeID != "hub" || scores[1].NodeID != "l1" {
		t.Errorf("Rank modified its input")
	}
	// Nodes a rounding error apart still tie, and fall back to ID order.
	tied := []Score{{NodeID: "b", Eigenvector: 0.5}, {NodeID: "a", Eigenvector: 0.5 - 1e-15}, {NodeID: "c", Eigenvector: 0.6}}
	ids = ids[:0]
	for _, s := range Rank(tied, MeasureEigenvector) {
		ids = append(ids, s.NodeID)
	}
	if want := []string{"c", "a", "b"}; !slices.Equal(ids, want) {
		t.Errorf("tied rank = %v, want %v", ids, want)
	}
}

func TestMeasureString(t *testing.T) {
	for m, want := range map[Measure]string{
		MeasureDegree: "degree", MeasureStrength: "strength", MeasureBetweenness: "betweenness",
		MeasureCloseness: "closeness", MeasureEigenvector: "eigenvector", Measure(99): "unknown",
	} {
		if got := m.String(); got != want {
			t.Errorf("Measure(%d).String() = %q, want %q", int(m), got, want)
		}
	}
}
