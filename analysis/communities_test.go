package analysis

import (
	"reflect"
	"testing"

	"github.com/keyline/keyline"
)

func members(p Partition) [][]string {
	var out [][]string
	for _, c := range p.Communities {
		out = append(out, c.Members)
	}
	return out
}

// Modularity by hand: Q = Σ_c [L_c/m - (d_c/2m)²], with L_c the links inside
// community c and d_c its total degree.
//
//   - Two triangles bridged: m = 7, each side L = 3, d = 7:
//     Q = 2(3/7 - 1/4) = 5/14.
//   - Disconnected: m = 5; the triangle has L = 3, d = 6 and the chain
//     L = 2, d = 4: (3/5 - 0.36) + (2/5 - 0.16) = 0.48; the loner adds 0.
//   - K4 has nothing to gain from splitting: one community, Q = 0.
func TestCommunitiesKnownPartitions(t *testing.T) {
	tests := []struct {
		name    string
		g       keyline.Graph
		want    [][]string
		wantQ   float64
		wantIDs map[string]int
	}{
		{"two triangles and a bridge", twoTriangle,
			[][]string{{"a", "b", "c"}, {"d", "e", "f"}}, 5.0 / 14,
			map[string]int{"a": 0, "b": 0, "c": 0, "d": 1, "e": 1, "f": 1}},
		{"disconnected", disconnected,
			[][]string{{"a", "b", "c"}, {"w", "x", "y"}, {"z"}}, 0.48,
			map[string]int{"a": 0, "b": 0, "c": 0, "w": 1, "x": 1, "y": 1, "z": 2}},
		{"complete K4", completeK4,
			[][]string{{"a", "b", "c", "d"}}, 0,
			map[string]int{"a": 0, "b": 0, "c": 0, "d": 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Communities(tt.g)
			if got := members(p); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("communities = %v, want %v", got, tt.want)
			}
			if !near(p.Modularity, tt.wantQ, tol) {
				t.Errorf("modularity = %v, want %v", p.Modularity, tt.wantQ)
			}
			if !reflect.DeepEqual(p.Community, tt.wantIDs) {
				t.Errorf("membership = %v, want %v", p.Community, tt.wantIDs)
			}
			for i, c := range p.Communities {
				if c.ID != i {
					t.Errorf("Communities[%d].ID = %d", i, c.ID)
				}
			}
		})
	}
}

// Louvain on the karate club is published with Q ≈ 0.42 and four
// communities (Blondel et al. report 0.42; the optimum is 0.4198). The
// instructor (1) and administrator (34) must end up apart, as the club did.
func TestCommunitiesKarateClub(t *testing.T) {
	p := Communities(karate())
	if len(p.Communities) != 4 {
		t.Errorf("got %d communities, want 4: %v", len(p.Communities), members(p))
	}
	if p.Modularity < 0.41 || p.Modularity > 0.42 {
		t.Errorf("modularity = %v, want 0.41..0.42", p.Modularity)
	}
	if p.Community[karateID(1)] == p.Community[karateID(34)] {
		t.Errorf("instructor and administrator in one community: %v", members(p))
	}
	total := 0
	for _, c := range p.Communities {
		total += len(c.Members)
	}
	if total != 34 || len(p.Community) != 34 {
		t.Errorf("partition covers %d / %d members, want 34", total, len(p.Community))
	}
	t.Logf("Q = %.6f, communities %v", p.Modularity, members(p))
}

// The reported modularity must be that of the reported communities, computed
// afresh on the chart.
func TestCommunitiesModularityMatchesPartition(t *testing.T) {
	for _, opt := range []Options{{}, {Weighted: true}} {
		g := preferentialAttachment(300, 3, 11)
		p := CommunitiesWith(g, opt)
		s := buildGraph(g, opt)
		membership := make([]int32, s.n())
		for i, id := range s.ids {
			membership[i] = int32(p.Community[id])
		}
		var m, inside float64
		deg := make([]float64, len(p.Communities))
		for i := range s.n() {
			nbrs, ws := s.neighbours(i)
			for k, j := range nbrs {
				m += ws[k] / 2
				deg[membership[i]] += ws[k]
				if membership[j] == membership[i] {
					inside += ws[k] / 2
				}
			}
		}
		q := inside / m
		for _, d := range deg {
			q -= (d / (2 * m)) * (d / (2 * m))
		}
		if !near(p.Modularity, q, 1e-9) {
			t.Errorf("weighted=%v: reported Q %v, recomputed %v", opt.Weighted, p.Modularity, q)
		}
		if p.Modularity < 0.3 {
			t.Errorf("weighted=%v: Q = %v, implausibly low for Louvain", opt.Weighted, p.Modularity)
		}
	}
}

// A square whose sides alternate strong (1) and weak (0.1) confidence splits
// along the weak links once weighted: m = 2.2, each pair has L = 1 and
// d = 2.2, so Q = 2(1/2.2 - 1/4) = 9/22.
func TestCommunitiesWeighted(t *testing.T) {
	g := chart([]string{"a-b", "b-c", "c-d", "d-a"})
	for i, c := range []float64{1, 0.1, 1, 0.1} {
		g.Edges[i].Confidence = c
	}
	p := CommunitiesWith(g, Options{Weighted: true})
	if want := [][]string{{"a", "b"}, {"c", "d"}}; !reflect.DeepEqual(members(p), want) {
		t.Errorf("communities = %v, want %v", members(p), want)
	}
	if !near(p.Modularity, 9.0/22, tol) {
		t.Errorf("modularity = %v, want %v", p.Modularity, 9.0/22)
	}
	// Uniform confidence scales every weight alike, which Q ignores.
	h := twoTriangle
	h.Edges = append([]keyline.GraphEdge(nil), twoTriangle.Edges...)
	for i := range h.Edges {
		h.Edges[i].Confidence = 0.5
	}
	if q := CommunitiesWith(h, Options{Weighted: true}).Modularity; !near(q, 5.0/14, tol) {
		t.Errorf("uniform 0.5 two triangles: Q = %v, want %v", q, 5.0/14)
	}
}

func TestCommunitiesDegenerateCharts(t *testing.T) {
	empty := Communities(keyline.Graph{})
	if len(empty.Communities) != 0 || len(empty.Community) != 0 || empty.Modularity != 0 {
		t.Errorf("empty chart: got %+v", empty)
	}
	solo := Communities(keyline.Graph{Nodes: []keyline.GraphNode{{ID: "solo"}}})
	want := Partition{
		Community:   map[string]int{"solo": 0},
		Communities: []Community{{ID: 0, Members: []string{"solo"}}},
	}
	if !reflect.DeepEqual(solo, want) {
		t.Errorf("single node: got %+v, want %+v", solo, want)
	}
	// Links whose confidence is 0 carry no weight at all once weighted.
	g := chart([]string{"a-b", "c-d"})
	g.Edges[0].Confidence, g.Edges[1].Confidence = 0, 0
	p := CommunitiesWith(g, Options{Weighted: true})
	if len(p.Communities) != 4 || p.Modularity != 0 {
		t.Errorf("zero-weight links: got %v, Q %v; want 4 singletons, 0", members(p), p.Modularity)
	}
}
