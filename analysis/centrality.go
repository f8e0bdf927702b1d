package analysis

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/keyline/keyline"
)

// Score is one node's centrality in a chart.
type Score struct {
	NodeID string
	// Degree is the number of distinct entities linked to this one.
	Degree int
	// DegreeCentrality is Degree/(n-1): the share of the other entities
	// this one is directly linked to.
	DegreeCentrality float64
	// Strength is the sum of the node's link weights; it equals Degree
	// unless Options.Weighted is set.
	Strength float64
	// BetweennessRaw is the number of shortest paths between other pairs
	// of nodes that pass through this one, each pair sharing one path's
	// worth among its equally short paths (Brandes' algorithm, hop counts).
	BetweennessRaw float64
	// Betweenness is BetweennessRaw normalised by the number of pairs of
	// other nodes, (n-1)(n-2)/2, so 1 means the node sits on every
	// shortest path (the centre of a star).
	Betweenness float64
	// Closeness is the Wasserman–Faust closeness
	// ((r-1)/(n-1)) * ((r-1)/Σd), where r counts the nodes this one can
	// reach (itself included) and Σd sums the hop distances to them. The
	// first factor discounts nodes in small components, so values stay
	// comparable across a disconnected chart; an isolated node scores 0.
	Closeness float64
	// Eigenvector is the node's entry in the principal eigenvector of the
	// adjacency matrix of its own connected component, L2-normalised over
	// that component: being linked to well-linked entities counts for
	// more. On a disconnected chart compare it only between nodes with the
	// same Component (a pair linked only to each other scores 1/√2 each);
	// an isolated node scores 0.
	Eigenvector float64
	// Component numbers the node's connected component from 0, in order of
	// each component's smallest node ID.
	Component int
}

// Measure selects the centrality measure Rank orders by.
type Measure int

// The measures Rank can order by; MeasureDegree and MeasureStrength differ
// only when Options.Weighted is set.
const (
	MeasureDegree Measure = iota
	MeasureStrength
	MeasureBetweenness
	MeasureCloseness
	MeasureEigenvector
)

func (m Measure) String() string {
	switch m {
	case MeasureDegree:
		return "degree"
	case MeasureStrength:
		return "strength"
	case MeasureBetweenness:
		return "betweenness"
	case MeasureCloseness:
		return "closeness"
	case MeasureEigenvector:
		return "eigenvector"
	}
	return "unknown"
}

func (m Measure) of(s Score) float64 {
	switch m {
	case MeasureDegree:
		return float64(s.Degree)
	case MeasureStrength:
		return s.Strength
	case MeasureBetweenness:
		return s.Betweenness
	case MeasureCloseness:
		return s.Closeness
	case MeasureEigenvector:
		return s.Eigenvector
	}
	return 0
}

// Rank returns a copy of scores ordered by the measure, highest first, ties
// in node ID order. Values that agree to 1e-10 tie: nodes in symmetric
// positions should share a rank even where floating-point rounding in the
// iteration leaves them a last digit apart.
func Rank(scores []Score, by Measure) []Score {
	ranked := slices.Clone(scores)
	key := func(s Score) float64 { return math.Round(by.of(s) * 1e10) }
	slices.SortStableFunc(ranked, func(a, b Score) int {
		if c := cmp.Compare(key(b), key(a)); c != 0 {
			return c
		}
		return cmp.Compare(a.NodeID, b.NodeID)
	})
	return ranked
}

// Centrality scores every node of g, unweighted, in node ID order.
func Centrality(g keyline.Graph) []Score {
	return CentralityWith(g, Options{})
}

// CentralityWith scores every node of g as opt says, in node ID order.
func CentralityWith(g keyline.Graph, opt Options) []Score {
	s := buildGraph(g, opt)
	n := s.n()
	scores := make([]Score, n)
	comp, _ := s.components()
	for i := range n {
		nbrs, ws := s.neighbours(i)
		sc := &scores[i]
		sc.NodeID = s.ids[i]
		sc.Degree = len(nbrs)
		for _, w := range ws {
			sc.Strength += w
		}
		if n > 1 {
			sc.DegreeCentrality = float64(len(nbrs)) / float64(n-1)
		}
		sc.Component = comp[i]
	}
	shortestPathMeasures(s, scores)
	eigenvector(s, comp, scores)
	return scores
}

// pathChunks is how many blocks of sources the shortest-path searches are
// split into. It is fixed, not the CPU count, because each block sums its
// own betweenness and the blocks are then added in order: floating-point
// addition is not associative, and a split that followed the machine would
// make the last digits depend on where the API happened to run.
const pathChunks = 32

// shortestPathMeasures fills betweenness and closeness from one breadth-first
// search per source (Brandes 2001), O(nm) in all, with the sources shared
// among up to GOMAXPROCS goroutines: at 2,000 nodes and 20,000 links it is
// the one step that costs hundreds of milliseconds on a single core.
func shortestPathMeasures(s *simpleGraph, scores []Score) {
	n := s.n()
	if n == 0 {
		return
	}
	chunks := min(pathChunks, n)
	partial := make([][]float64, chunks)
	var next atomic.Int32
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), chunks) {
		wg.Go(func() {
			bfs := newBrandesSearch(s)
			for {
				c := int(next.Add(1)) - 1
				if c >= chunks {
					return
				}
				acc := make([]float64, n)
				for src := c * n / chunks; src < (c+1)*n/chunks; src++ {
					scores[src].Closeness = bfs.run(src, acc)
				}
				partial[c] = acc
			}
		})
	}
	wg.Wait()

	// Each unordered pair was counted from both ends.
	var norm float64
	if n > 2 {
		norm = 2 / (float64(n-1) * float64(n-2))
	}
	for i := range n {
		var raw float64
		for _, acc := range partial {
			raw += acc[i]
		}
		raw /= 2
		scores[i].BetweennessRaw = raw
		scores[i].Betweenness = raw * norm
	}
}

// brandesSearch is one goroutine's scratch space for shortest-path searches.
// A node's predecessors on shortest paths are a subset of its neighbours, so
// they are kept in a flat slice laid out like the adjacency rows, with no
// allocation per search.
type brandesSearch struct {
	g     *simpleGraph
	dist  []int32
	sigma []float64 // number of shortest paths from the source
	delta []float64 // dependency of the source on each node
	preds []int32
	npred []int32
	order []int32 // visit order; reversed, nodes by falling distance
}

func newBrandesSearch(g *simpleGraph) *brandesSearch {
	n := g.n()
	b := &brandesSearch{
		g:     g,
		dist:  make([]int32, n),
		sigma: make([]float64, n),
		delta: make([]float64, n),
		preds: make([]int32, len(g.adj)),
		npred: make([]int32, n),
		order: make([]int32, 0, n),
	}
	for i := range b.dist {
		b.dist[i] = -1
	}
	return b
}

// run searches from src, adds each node's dependency on src to between and
// returns src's Wasserman–Faust closeness.
func (b *brandesSearch) run(src int, between []float64) float64 {
	g, dist, sigma, delta, preds, npred := b.g, b.dist, b.sigma, b.delta, b.preds, b.npred
	order := append(b.order[:0], int32(src))
	dist[src], sigma[src] = 0, 1
	var sumDist int64
	for head := 0; head < len(order); head++ {
		u := order[head]
		du := dist[u]
		sumDist += int64(du)
		su := sigma[u]
		for _, v := range g.adj[g.off[u]:g.off[u+1]] {
			dv := dist[v]
			if dv < 0 {
				dv = du + 1
				dist[v] = dv
				order = append(order, v)
			}
			if dv == du+1 {
				sigma[v] += su
				preds[g.off[v]+npred[v]] = u
				npred[v]++
			}
		}
	}

	for k := len(order) - 1; k > 0; k-- {
		w := order[k]
		coeff := (1 + delta[w]) / sigma[w]
		for _, v := range preds[g.off[w] : g.off[w]+npred[w]] {
			delta[v] += sigma[v] * coeff
		}
		between[w] += delta[w]
	}

	for _, v := range order {
		dist[v], sigma[v], delta[v], npred[v] = -1, 0, 0, 0
	}
	b.order = order

	n, r := g.n(), len(order)
	if r < 2 {
		return 0
	}
	reach := float64(r - 1)
	return (reach / float64(n-1)) * (reach / float64(sumDist))
}

const (
	eigenTolerance = 1e-9
	eigenMaxIter   = 1000
)

// eigenvector runs power iteration on each connected component separately.
// Run on the whole chart, every component but the one with the largest
// spectral radius would decay to zero, and two components with nearly equal
// radii would converge arbitrarily slowly.
//
// It iterates x ← (A+I)x rather than x ← Ax: the shift keeps the same
// eigenvectors but makes the principal eigenvalue strictly dominant in
// magnitude, without which plain power iteration oscillates on bipartite
// networks (stars, chains, trees), which are common in practice.
func eigenvector(s *simpleGraph, comp []int, scores []Score) {
	n := s.n()
	members := make([][]int32, 0)
	for i := range n {
		c := comp[i]
		if c == len(members) {
			members = append(members, nil)
		}
		members[c] = append(members[c], int32(i))
	}
	x := make([]float64, n)
	y := make([]float64, n)
	for _, mem := range members {
		if len(mem) < 2 {
			continue // an isolated node has no eigenvector centrality
		}
		start := 1 / math.Sqrt(float64(len(mem)))
		for _, i := range mem {
			x[i] = start
		}
		for range eigenMaxIter {
			var norm2 float64
			for _, i := range mem {
				nbrs, ws := s.neighbours(int(i))
				sum := x[i]
				for k, j := range nbrs {
					sum += ws[k] * x[j]
				}
				y[i] = sum
				norm2 += sum * sum
			}
			if norm2 == 0 {
				break
			}
			inv := 1 / math.Sqrt(norm2)
			var change float64
			for _, i := range mem {
				y[i] *= inv
				change = max(change, math.Abs(y[i]-x[i]))
			}
			x, y = y, x
			if change < eigenTolerance {
				break
			}
		}
		for _, i := range mem {
			scores[i].Eigenvector = x[i]
		}
	}
}
