package httpapi

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestTimeout(t *testing.T) {
	var deadline time.Time
	var ok bool
	h := timeout(time.Second)(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		deadline, ok = r.Context().Deadline()
	}))
	start := time.Now()
	serve(h, httptest.NewRequest(http.MethodGet, "/", nil))
	if !ok || deadline.Before(start) || deadline.After(start.Add(time.Second+100*time.Millisecond)) {
		t.Fatalf("deadline %v (set %v)", deadline, ok)
	}
}
