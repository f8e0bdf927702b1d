package analysis

import (
	"testing"

	"github.com/keyline/keyline"
)

// The 500-node graphs are the size SOCU networks usually reach; the 2,000
// node, ~20,000 link ones are the largest subnetwork the API passes in.
var (
	bench500  = preferentialAttachment(500, 5, 1)   // 2,485 links
	bench2000 = preferentialAttachment(2000, 10, 1) // 19,945 links
)

func benchCentrality(b *testing.B, g keyline.Graph, opt Options) {
	b.ReportAllocs()
	for b.Loop() {
		CentralityWith(g, opt)
	}
}

// benchCommunities also reports the modularity reached, as the metric Q, so
// a change to the algorithm shows its quality beside its cost.
func benchCommunities(b *testing.B, g keyline.Graph, opt Options) {
	b.ReportAllocs()
	var p Partition
	for b.Loop() {
		p = CommunitiesWith(g, opt)
	}
	b.ReportMetric(p.Modularity, "Q")
}

func BenchmarkCentrality500(b *testing.B) { benchCentrality(b, bench500, Options{}) }
func BenchmarkCentrality500Weighted(b *testing.B) {
	benchCentrality(b, bench500, Options{Weighted: true})
}
func BenchmarkCommunities500(b *testing.B) { benchCommunities(b, bench500, Options{}) }
func BenchmarkCommunities500Weighted(b *testing.B) {
	benchCommunities(b, bench500, Options{Weighted: true})
}
func BenchmarkCentrality2000(b *testing.B)  { benchCentrality(b, bench2000, Options{}) }
func BenchmarkCommunities2000(b *testing.B) { benchCommunities(b, bench2000, Options{}) }
func BenchmarkCommunities2000Weighted(b *testing.B) {
	benchCommunities(b, bench2000, Options{Weighted: true})
}
func BenchmarkCommunitiesKarate(b *testing.B) { benchCommunities(b, karate(), Options{}) }
