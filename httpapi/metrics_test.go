package httpapi

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
)

// series finds the metric of family name whose labels include want.
func series(t *testing.T, reg prometheus.Gatherer, name string, want map[string]string) *dto.Metric {
	t.Helper()
	fams, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fams {
		if f.GetName() != name {
			continue
		}
	next:
		for _, m := range f.GetMetric() {
			for _, lp := range m.GetLabel() {
				if v, ok := want[lp.GetName()]; ok && v != lp.GetValue() {
					continue next
				}
			}
			return m
		}
	}
	return nil
}

func TestMetrics(t *testing.T) {
	reg := prometheus.NewRegistry()
	m := newHTTPMetrics(reg)
	h := m.instrument("/graphql")(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			w.WriteHeader(http.StatusUnauthorized)
		}
	}))
	for _, method := range []string{http.MethodGet, http.MethodPost, http.MethodPost, "BREW"} {
		serve(h, httptest.NewRequest(method, "/graphql", nil))
	}
	tests := []struct {
		method, status string
		want           float64
	}{
		{"GET", "200", 1},
		{"POST", "401", 2},
		{"OTHER", "200", 1},
	}
	for _, tt := range tests {
		labels := map[string]string{"route": "/graphql", "method": tt.method, "status": tt.status}
		c := series(t, reg, "keyline_http_requests_total", labels)
		hist := series(t, reg, "keyline_http_request_duration_seconds", labels)
		if c == nil || hist == nil {
			t.Fatalf("%v: series missing", labels)
		}
		if c.GetCounter().GetValue() != tt.want || float64(hist.GetHistogram().GetSampleCount()) != tt.want {
			t.Errorf("%v: counter %v, histogram %v, want %v", labels, c.GetCounter().GetValue(), hist.GetHistogram().GetSampleCount(), tt.want)
		}
	}
	// A second server on the same registry shares the collectors.
	if again := newHTTPMetrics(reg); again.requests != m.requests || again.duration != m.duration {
		t.Fatal("collectors not reused")
	}
}
