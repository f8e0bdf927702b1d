package analysis

import (
	"math"
	"slices"

	"github.com/keyline/keyline"
)

// Options adjusts how a chart is read. The zero value is the default:
// unweighted.
type Options struct {
	// Weighted weighs each link by its Confidence, clamped to 0..1 (NaN
	// counts as 0); where several links join the same pair the highest
	// confidence is kept, since repeated reporting of one association does
	// not make it more than certain. Weights change Strength, Eigenvector
	// and Communities. Degree, Betweenness and Closeness always count hops:
	// a confidence is not a distance, and turning it into one is a
	// modelling choice an analyst should make knowingly.
	Weighted bool
}

// simpleGraph is the undirected simple graph the algorithms run on. Node i
// is ids[i], with ids sorted, so every loop that runs in index order runs in
// node ID order whatever order the chart arrived in. Adjacency is stored as
// compressed rows (the neighbours of i are adj[off[i]:off[i+1]], ascending)
// so inner loops touch contiguous slices instead of maps.
type simpleGraph struct {
	ids []string
	off []int32
	adj []int32
	w   []float64 // weight of adj[k]; all 1 when unweighted
}

func (s *simpleGraph) n() int { return len(s.ids) }

// neighbours returns i's neighbours and the matching link weights.
func (s *simpleGraph) neighbours(i int) ([]int32, []float64) {
	lo, hi := s.off[i], s.off[i+1]
	return s.adj[lo:hi], s.w[lo:hi]
}

func buildGraph(g keyline.Graph, opt Options) *simpleGraph {
	ids := make([]string, 0, len(g.Nodes))
	for _, nd := range g.Nodes {
		ids = append(ids, nd.ID)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	index := make(map[string]int32, len(ids))
	for i, id := range ids {
		index[id] = int32(i)
	}

	type pair struct {
		u, v int32
		w    float64
	}
	pairs := make([]pair, 0, len(g.Edges))
	for _, e := range g.Edges {
		u, okU := index[e.From]
		v, okV := index[e.To]
		if !okU || !okV || u == v {
			continue
		}
		if u > v {
			u, v = v, u
		}
		w := 1.0
		if opt.Weighted {
			w = clampConfidence(e.Confidence)
		}
		pairs = append(pairs, pair{u, v, w})
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		if a.u != b.u {
			return int(a.u - b.u)
		}
		return int(a.v - b.v)
	})
	// Collapse parallel links, keeping the highest weight; max (unlike a
	// sum) does not depend on the order the duplicates arrived in.
	uniq := pairs[:0]
	for _, p := range pairs {
		if k := len(uniq) - 1; k >= 0 && uniq[k].u == p.u && uniq[k].v == p.v {
			uniq[k].w = max(uniq[k].w, p.w)
			continue
		}
		uniq = append(uniq, p)
	}

	n := len(ids)
	s := &simpleGraph{
		ids: ids,
		off: make([]int32, n+1),
		adj: make([]int32, 2*len(uniq)),
		w:   make([]float64, 2*len(uniq)),
	}
	for _, p := range uniq {
		s.off[p.u+1]++
		s.off[p.v+1]++
	}
	for i := range n {
		s.off[i+1] += s.off[i]
	}
	// Pairs are sorted by (u, v), so each row fills in ascending order:
	// a node's smaller neighbours arrive (as v) before any pair where it
	// is u, and both groups arrive sorted.
	next := slices.Clone(s.off[:n])
	for _, p := range uniq {
		s.adj[next[p.u]], s.w[next[p.u]] = p.v, p.w
		next[p.u]++
		s.adj[next[p.v]], s.w[next[p.v]] = p.u, p.w
		next[p.v]++
	}
	return s
}

func clampConfidence(c float64) float64 {
	if math.IsNaN(c) || c < 0 {
		return 0
	}
	return min(c, 1)
}

// components labels each node with its connected component, numbered in
// order of each component's smallest node ID, and returns the count.
func (s *simpleGraph) components() ([]int, int) {
	n := s.n()
	comp := make([]int, n)
	for i := range comp {
		comp[i] = -1
	}
	queue := make([]int32, 0, n)
	count := 0
	for start := range n {
		if comp[start] >= 0 {
			continue
		}
		comp[start] = count
		queue = append(queue[:0], int32(start))
		for head := 0; head < len(queue); head++ {
			nbrs, _ := s.neighbours(int(queue[head]))
			for _, v := range nbrs {
				if comp[v] < 0 {
					comp[v] = count
					queue = append(queue, v)
				}
			}
		}
		count++
	}
	return comp, count
}
