package httpapi

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/keyline/keyline"
)

func TestRateLimiterAllow(t *testing.T) {
	l := newRateLimiter(2, 3) // 2/s, burst 3
	now := time.Unix(1_700_000_000, 0)
	l.now = func() time.Time { return now }
	steps := []struct {
		subject string
		advance time.Duration
		ok      bool
	}{
		{"a", 0, true}, {"a", 0, true}, {"a", 0, true},
		{"a", 0, false},                     // burst spent
		{"b", 0, true},                      // others unaffected
		{"a", 500 * time.Millisecond, true}, // one token back after 1/rate
		{"a", 0, false},
	}
	for i, s := range steps {
		now = now.Add(s.advance)
		ok, wait := l.allow(s.subject)
		if ok != s.ok {
			t.Fatalf("step %d: ok = %v", i, ok)
		}
		if !ok && (wait <= 0 || wait > 500*time.Millisecond) {
			t.Fatalf("step %d: wait %v", i, wait)
		}
	}
}

func TestRateLimiterEvictsIdle(t *testing.T) {
	l := newRateLimiter(1, 1)
	now := time.Unix(1_700_000_000, 0)
	l.now = func() time.Time { return now }
	for i := range 100 {
		l.allow(fmt.Sprint("user-", i))
	}
	now = now.Add(limiterIdle + time.Second)
	l.allow("late")
	if l.size() != 1 {
		t.Fatalf("%d limiters kept, want only the active one", l.size())
	}
}

func TestRateLimitMiddleware(t *testing.T) {
	l := newRateLimiter(0.5, 2)
	h := l.middleware(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	req := func(subject string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
		r = r.WithContext(keyline.WithActor(r.Context(), &keyline.Actor{Subject: subject}))
		return serve(h, r)
	}
	for i := range 2 {
		if rec := req("a"); rec.Code != 200 {
			t.Fatalf("request %d within burst: %d", i, rec.Code)
		}
	}
	rec := req("a")
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "2" {
		t.Fatalf("status %d Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	if code, _ := graphqlError(t, rec); code != CodeRateLimited {
		t.Fatalf("code %s", code)
	}
	if rec := req("b"); rec.Code != 200 {
		t.Fatalf("other identity limited: %d", rec.Code)
	}
}
