package analysis

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"runtime"
	"testing"

	"github.com/keyline/keyline"
)

// chart builds a graph from "a-b" link specs; nodes are those named in
// links plus any extra isolated ones.
func chart(links []string, isolated ...string) keyline.Graph {
	var g keyline.Graph
	seen := map[string]bool{}
	addNode := func(id string) {
		if !seen[id] {
			seen[id] = true
			g.Nodes = append(g.Nodes, keyline.GraphNode{ID: id, Kind: "Person", Label: id})
		}
	}
	for i, l := range links {
		var from, to string
		for k := range len(l) {
			if l[k] == '-' {
				from, to = l[:k], l[k+1:]
				break
			}
		}
		addNode(from)
		addNode(to)
		g.Edges = append(g.Edges, keyline.GraphEdge{
			ID: fmt.Sprintf("e%d", i), Type: "ASSOCIATE_OF", From: from, To: to, Confidence: 1,
		})
	}
	for _, id := range isolated {
		addNode(id)
	}
	return g
}

// Small charts with answers worked out by hand (see the centrality tests).
var (
	pathP5      = chart([]string{"a-b", "b-c", "c-d", "d-e"})
	starS4      = chart([]string{"hub-l1", "hub-l2", "hub-l3", "hub-l4"})
	completeK4  = chart([]string{"a-b", "a-c", "a-d", "b-c", "b-d", "c-d"})
	twoTriangle = chart([]string{"a-b", "b-c", "a-c", "c-d", "d-e", "e-f", "d-f"})
	// A triangle, a three-node chain and a loner.
	disconnected = chart([]string{"a-b", "b-c", "a-c", "x-y", "y-w"}, "z")
)

// karateLinks is Zachary's karate club (Zachary 1977), nodes 1..34 with 1
// the instructor and 34 the administrator, as published and as shipped by
// NetworkX's karate_club_graph (checked edge for edge).
var karateLinks = map[int][]int{
	1: {2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 18, 20, 22, 32},
	2: {3, 4, 8, 14, 18, 20, 22, 31}, 3: {4, 8, 9, 10, 14, 28, 29, 33},
	4: {8, 13, 14}, 5: {7, 11}, 6: {7, 11, 17}, 7: {17}, 9: {31, 33, 34},
	10: {34}, 14: {34}, 15: {33, 34}, 16: {33, 34}, 19: {33, 34}, 20: {34},
	21: {33, 34}, 23: {33, 34}, 24: {26, 28, 30, 33, 34}, 25: {26, 28, 32},
	26: {32}, 27: {30, 34}, 28: {34}, 29: {32, 34}, 30: {33, 34},
	31: {33, 34}, 32: {33, 34}, 33: {34},
}

// karateID zero-pads so that node ID order is member number order, which is
// the order the published Louvain runs visit nodes in.
func karateID(member int) string { return fmt.Sprintf("m%02d", member) }

func karate() keyline.Graph {
	var links []string
	for a := 1; a <= 34; a++ {
		for _, b := range karateLinks[a] {
			links = append(links, karateID(a)+"-"+karateID(b))
		}
	}
	return chart(links)
}

// preferentialAttachment is a Barabási–Albert graph: n nodes, each new node
// linking to m distinct earlier ones chosen in proportion to their degree,
// which gives the heavy-tailed degrees of real criminal networks (a few
// hubs, many peripheral nodes). Fixed seed, so benchmarks are repeatable.
func preferentialAttachment(n, m int, seed uint64) keyline.Graph {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var g keyline.Graph
	id := func(i int) string { return fmt.Sprintf("p%04d", i) }
	for i := range n {
		g.Nodes = append(g.Nodes, keyline.GraphNode{ID: id(i), Kind: "Person"})
	}
	var ends []int // each node once per link end: sampling it is degree-proportional
	link := func(u, v int) {
		g.Edges = append(g.Edges, keyline.GraphEdge{
			ID: fmt.Sprintf("e%d", len(g.Edges)), Type: "ASSOCIATE_OF",
			From: id(u), To: id(v), Confidence: 0.05 + 0.95*r.Float64(),
		})
		ends = append(ends, u, v)
	}
	for u := range m {
		for v := range u {
			link(u, v)
		}
	}
	for u := m; u < n; u++ {
		var targets []int
		for len(targets) < m {
			t := ends[r.IntN(len(ends))]
			dup := false
			for _, x := range targets {
				dup = dup || x == t
			}
			if !dup {
				targets = append(targets, t)
			}
		}
		for _, t := range targets {
			link(u, t)
		}
	}
	return g
}

// scrambled returns g with nodes and links shuffled, some links reversed and
// some duplicated, none of which may change any result.
func scrambled(g keyline.Graph, seed uint64) keyline.Graph {
	r := rand.New(rand.NewPCG(seed, seed))
	out := keyline.Graph{
		Nodes: append([]keyline.GraphNode(nil), g.Nodes...),
		Edges: append([]keyline.GraphEdge(nil), g.Edges...),
	}
	for i, e := range g.Edges {
		if i%3 == 0 {
			dup := e
			dup.ID += "-dup"
			dup.From, dup.To = e.To, e.From
			out.Edges = append(out.Edges, dup)
		}
	}
	for i := range out.Edges {
		if r.IntN(2) == 0 {
			out.Edges[i].From, out.Edges[i].To = out.Edges[i].To, out.Edges[i].From
		}
	}
	r.Shuffle(len(out.Nodes), func(i, j int) { out.Nodes[i], out.Nodes[j] = out.Nodes[j], out.Nodes[i] })
	r.Shuffle(len(out.Edges), func(i, j int) { out.Edges[i], out.Edges[j] = out.Edges[j], out.Edges[i] })
	return out
}

func TestBuildGraphReadsChartAsSimpleUndirected(t *testing.T) {
	g := keyline.Graph{
		Nodes: []keyline.GraphNode{{ID: "b"}, {ID: "a"}, {ID: "c"}, {ID: "a"}},
		Edges: []keyline.GraphEdge{
			{ID: "1", From: "a", To: "b", Confidence: 0.3},
			{ID: "2", From: "b", To: "a", Confidence: 0.9}, // parallel, reversed
			{ID: "3", From: "a", To: "a", Confidence: 1},   // self-link
			{ID: "4", From: "a", To: "ghost", Confidence: 1},
			{ID: "5", From: "c", To: "b", Confidence: 1.7}, // out of range
			{ID: "6", From: "c", To: "a", Confidence: -1},
		},
	}
	tests := []struct {
		name string
		opt  Options
		w    []float64
	}{
		{"unweighted", Options{}, []float64{1, 1, 1, 1, 1, 1}},
		{"weighted", Options{Weighted: true}, []float64{0.9, 0, 0.9, 1, 0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := buildGraph(g, tt.opt)
			if want := []string{"a", "b", "c"}; !reflect.DeepEqual(s.ids, want) {
				t.Fatalf("ids = %v, want %v", s.ids, want)
			}
			// a: b, c; b: a, c; c: a, b.
			wantOff := []int32{0, 2, 4, 6}
			wantAdj := []int32{1, 2, 0, 2, 0, 1}
			if !reflect.DeepEqual(s.off, wantOff) || !reflect.DeepEqual(s.adj, wantAdj) {
				t.Fatalf("off, adj = %v, %v; want %v, %v", s.off, s.adj, wantOff, wantAdj)
			}
			if !reflect.DeepEqual(s.w, tt.w) {
				t.Errorf("weights = %v, want %v", s.w, tt.w)
			}
		})
	}
}

func TestComponentsNumberedBySmallestID(t *testing.T) {
	s := buildGraph(disconnected, Options{})
	comp, count := s.components()
	// ids: a b c w x y z
	want := []int{0, 0, 0, 1, 1, 1, 2}
	if count != 3 || !reflect.DeepEqual(comp, want) {
		t.Errorf("components = %v (%d), want %v (3)", comp, count, want)
	}
}

func TestResultsIgnoreChartOrder(t *testing.T) {
	charts := map[string]keyline.Graph{
		"karate":                 karate(),
		"preferentialAttachment": preferentialAttachment(300, 4, 7),
		"disconnected":           disconnected,
	}
	for name, g := range charts {
		for _, opt := range []Options{{}, {Weighted: true}} {
			t.Run(fmt.Sprintf("%s/weighted=%v", name, opt.Weighted), func(t *testing.T) {
				wantScores := CentralityWith(g, opt)
				wantParts := CommunitiesWith(g, opt)
				for seed := range uint64(5) {
					h := scrambled(g, seed)
					if got := CentralityWith(h, opt); !reflect.DeepEqual(got, wantScores) {
						t.Errorf("seed %d: centrality differs after reordering", seed)
					}
					if got := CommunitiesWith(h, opt); !reflect.DeepEqual(got, wantParts) {
						t.Errorf("seed %d: communities differ after reordering", seed)
					}
				}
			})
		}
	}
}

// Shortest-path searches run in parallel; the result must not depend on how
// many CPUs the API server has.
func TestCentralityIgnoresCPUCount(t *testing.T) {
	g := preferentialAttachment(400, 4, 3)
	want := Centrality(g)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for _, procs := range []int{1, 3, 8} {
		runtime.GOMAXPROCS(procs)
		if got := Centrality(g); !reflect.DeepEqual(got, want) {
			t.Errorf("GOMAXPROCS=%d: centrality differs", procs)
		}
	}
}
