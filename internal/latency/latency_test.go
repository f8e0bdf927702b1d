package latency

import (
	"testing"
	"time"
)

func TestPercentiles(t *testing.T) {
	var r Recorder
	for i := 1; i <= 100; i++ {
		r.ds = append(r.ds, time.Duration(i)*time.Millisecond)
	}
	for p, want := range map[float64]time.Duration{50: 50 * time.Millisecond, 95: 95 * time.Millisecond, 99: 99 * time.Millisecond, 100: 100 * time.Millisecond} {
		if got := r.Percentile(p); got != want {
			t.Errorf("p%v = %v, want %v", p, got, want)
		}
	}
	var empty Recorder
	if empty.Percentile(95) != 0 {
		t.Error("empty recorder")
	}
}
