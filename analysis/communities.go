package analysis

import (
	"slices"

	"github.com/keyline/keyline"
)

// Partition is a split of a chart into communities: groups of entities more
// densely linked to each other than to the rest.
type Partition struct {
	// Community maps each node ID to its community's ID.
	Community map[string]int
	// Communities lists the communities by ID (0, 1, ...), IDs given in
	// order of each community's smallest node ID; members are sorted.
	Communities []Community
	// Modularity is Newman's Q of the partition on the chart as read
	// (weighted or not): the share of links inside communities minus the
	// share expected if links were placed at random with the same degrees.
	// Above about 0.3 usually means real community structure; 0 for a
	// chart with no links.
	Modularity float64
}

// Community is one group of a Partition.
type Community struct {
	ID      int
	Members []string
}

// Communities splits g into communities by Louvain modularity optimisation
// (Blondel et al. 2008), unweighted.
func Communities(g keyline.Graph) Partition {
	return CommunitiesWith(g, Options{})
}

// CommunitiesWith splits g into communities as opt says.
//
// Louvain's result depends on the order nodes are visited; usual
// implementations shuffle it, which would give analysts a different answer
// each time they open the same chart. Here nodes are always visited in node
// ID order and ties go to the node's current community, then to the
// neighbouring community seen first, so the same chart always splits the
// same way.
func CommunitiesWith(g keyline.Graph, opt Options) Partition {
	s := buildGraph(g, opt)
	n := s.n()
	membership := make([]int32, n)
	for i := range membership {
		membership[i] = int32(i)
	}

	lv := levelFromGraph(s)
	if lv.total > 0 {
		for {
			comm, moved := lv.moveNodes()
			if !moved {
				break
			}
			count := renumber(comm)
			for v := range membership {
				membership[v] = comm[membership[v]]
			}
			lv = lv.aggregate(comm, count)
		}
	}

	renumber(membership)
	return partitionOf(s, membership)
}

// level is one layer of the Louvain hierarchy: each node is a community of
// the layer below and k its total degree, links inside it counted twice.
// Those inner links need no adjacency entry of their own: they move with the
// node wherever it goes, so they never change which move is best.
type level struct {
	off   []int32
	adj   []int32
	w     []float64
	k     []float64
	total float64 // sum of k: twice the total link weight, 2m
}

func (lv *level) n() int { return len(lv.k) }

func levelFromGraph(s *simpleGraph) *level {
	n := s.n()
	lv := &level{off: s.off, adj: s.adj, w: s.w, k: make([]float64, n)}
	for i := range n {
		_, ws := s.neighbours(i)
		for _, w := range ws {
			lv.k[i] += w
		}
		lv.total += lv.k[i]
	}
	return lv
}

// louvainMinGain is the smallest modularity gain (in link-weight units) that
// justifies a move; it stops rounding noise from moving nodes back and forth
// between communities of equal merit forever.
const louvainMinGain = 1e-12

// moveNodes is Louvain's first phase: move each node to the neighbouring
// community that raises modularity most, sweeping until no node moves. It
// reports whether any node moved at all.
func (lv *level) moveNodes() ([]int32, bool) {
	n := lv.n()
	comm := make([]int32, n)
	tot := make([]float64, n) // total degree of each community
	for i := range n {
		comm[i] = int32(i)
		tot[i] = lv.k[i]
	}
	linkTo := make([]float64, n) // weight from the current node to each community
	seen := make([]bool, n)
	touched := make([]int32, 0, 16)
	moved := false
	for {
		movedThisSweep := false
		for i := range n {
			ki := lv.k[i]
			lo, hi := lv.off[i], lv.off[i+1]
			own := comm[i]
			touched = append(touched[:0], own)
			seen[own] = true
			for e := lo; e < hi; e++ {
				c := comm[lv.adj[e]]
				if !seen[c] {
					seen[c] = true
					touched = append(touched, c)
				}
				linkTo[c] += lv.w[e]
			}

			tot[own] -= ki
			// Gain of joining c, up to a constant factor: the links i gains
			// inside c minus those expected by chance.
			gain := func(c int32) float64 { return linkTo[c] - tot[c]*ki/lv.total }
			best, bestGain := own, gain(own)
			for _, c := range touched[1:] {
				if g := gain(c); g > bestGain+louvainMinGain {
					best, bestGain = c, g
				}
			}
			tot[best] += ki
			if best != own {
				comm[i] = best
				movedThisSweep, moved = true, true
			}
			for _, c := range touched {
				linkTo[c], seen[c] = 0, false
			}
		}
		if !movedThisSweep {
			return comm, moved
		}
	}
}

// renumber relabels communities 0, 1, ... in order of first appearance and
// returns how many there are. Applied at every level, where node order
// follows the smallest original node ID in each node, the labels end up in
// order of each community's smallest node ID.
func renumber(comm []int32) int {
	relabel := make(map[int32]int32, len(comm))
	for i, c := range comm {
		r, ok := relabel[c]
		if !ok {
			r = int32(len(relabel))
			relabel[c] = r
		}
		comm[i] = r
	}
	return len(relabel)
}

// aggregate is Louvain's second phase: a level with one node per community.
func (lv *level) aggregate(comm []int32, count int) *level {
	members := make([][]int32, count)
	for i, c := range comm {
		members[c] = append(members[c], int32(i))
	}
	next := &level{
		off:   make([]int32, 1, count+1),
		k:     make([]float64, count),
		total: lv.total,
	}
	weightTo := make([]float64, count)
	seen := make([]bool, count)
	var touched []int32
	for c := range count {
		touched = touched[:0]
		for _, i := range members[c] {
			next.k[c] += lv.k[i]
			for e := lv.off[i]; e < lv.off[i+1]; e++ {
				d := comm[lv.adj[e]]
				if int(d) == c {
					continue // already in k
				}
				if !seen[d] {
					seen[d] = true
					touched = append(touched, d)
				}
				weightTo[d] += lv.w[e]
			}
		}
		slices.Sort(touched)
		for _, d := range touched {
			next.adj = append(next.adj, d)
			next.w = append(next.w, weightTo[d])
			weightTo[d], seen[d] = 0, false
		}
		next.off = append(next.off, int32(len(next.adj)))
	}
	return next
}

// partitionOf builds the Partition for a membership already numbered in
// order of smallest node ID, computing modularity on the chart itself rather
// than carrying it through the levels, so Q is exactly that of the
// communities reported.
func partitionOf(s *simpleGraph, membership []int32) Partition {
	n := s.n()
	count := 0
	for _, c := range membership {
		count = max(count, int(c)+1)
	}
	p := Partition{
		Community:   make(map[string]int, n),
		Communities: make([]Community, count),
	}
	inside := make([]float64, count)
	tot := make([]float64, count)
	var total float64
	for i := range n {
		c := membership[i]
		p.Community[s.ids[i]] = int(c)
		p.Communities[c].ID = int(c)
		p.Communities[c].Members = append(p.Communities[c].Members, s.ids[i])
		nbrs, ws := s.neighbours(i)
		for k, j := range nbrs {
			tot[c] += ws[k]
			if membership[j] == c {
				inside[c] += ws[k]
			}
		}
	}
	for _, t := range tot {
		total += t
	}
	if total > 0 {
		for c := range count {
			// inside counted each link from both ends: it is 2*(weight inside).
			share := tot[c] / total
			p.Modularity += inside[c]/total - share*share
		}
	}
	return p
}
