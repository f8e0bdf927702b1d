// Package latency records per-operation latencies in benchmarks and
// reports percentiles, since Go's benchmark output gives only the mean.
package latency

import (
	"sort"
	"sync"
	"testing"
	"time"
)

// Recorder collects durations; safe for concurrent use (RunParallel).
type Recorder struct {
	mu sync.Mutex
	ds []time.Duration
}

// Time runs fn and records how long it took.
func (r *Recorder) Time(fn func()) {
	start := time.Now()
	fn()
	d := time.Since(start)
	r.mu.Lock()
	r.ds = append(r.ds, d)
	r.mu.Unlock()
}

// Percentile returns the p-th percentile (0..100), nearest rank.
func (r *Recorder) Percentile(p float64) time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), r.ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(p/100*float64(len(s))+0.5) - 1
	return s[max(0, min(i, len(s)-1))]
}

// Report adds p50, p95 and p99 (milliseconds) to the benchmark's output.
func (r *Recorder) Report(b *testing.B) {
	for _, p := range []float64{50, 95, 99} {
		b.ReportMetric(float64(r.Percentile(p).Microseconds())/1000, "p"+itoa(int(p))+"-ms")
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
