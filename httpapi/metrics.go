package httpapi

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// httpMetrics are the request metrics, labelled by route pattern (never
// the raw path, which would let clients mint label values).
type httpMetrics struct {
	duration *prometheus.HistogramVec
	requests *prometheus.CounterVec
}

func newHTTPMetrics(reg prometheus.Registerer) *httpMetrics {
	labels := []string{"route", "method", "status"}
	m := &httpMetrics{
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "keyline_http_request_duration_seconds",
			Help:    "Time to serve HTTP requests.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, labels),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "keyline_http_requests_total",
			Help: "HTTP requests served.",
		}, labels),
	}
	m.duration = register(reg, m.duration)
	m.requests = register(reg, m.requests)
	return m
}

// register adds c to reg, reusing an identical collector already there
// (a second server on the same registry, as in tests).
func register[C prometheus.Collector](reg prometheus.Registerer, c C) C {
	if err := reg.Register(c); err != nil {
		var are prometheus.AlreadyRegisteredError
		if errors.As(err, &are) {
			if existing, ok := are.ExistingCollector.(C); ok {
				return existing
			}
		}
		panic(err) // a programming error: conflicting metric definitions
	}
	return c
}

// instrument records the duration and outcome of requests to route.
func (m *httpMetrics) instrument(route string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			rec := newRecorder(w)
			completed := false
			defer func() {
				status := rec.Status()
				if !completed {
					status = http.StatusInternalServerError
				}
				labels := prometheus.Labels{"route": route, "method": methodLabel(r.Method), "status": strconv.Itoa(status)}
				m.duration.With(labels).Observe(time.Since(start).Seconds())
				m.requests.With(labels).Inc()
			}()
			next.ServeHTTP(rec, r)
			completed = true
		})
	}
}

// methodLabel bounds the method label to the methods we serve.
func methodLabel(m string) string {
	switch m {
	case http.MethodGet, http.MethodPost, http.MethodOptions, http.MethodHead:
		return m
	}
	return "OTHER"
}
