package httpapi

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rs/zerolog"
)

func TestRecovery(t *testing.T) {
	var log bytes.Buffer
	calls := 0
	h := recovery(zerolog.New(&log))(requestID(zerolog.Nop())(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		if r.URL.Path == "/boom" {
			panic("resolver bug")
		}
		_, _ = w.Write([]byte("fine"))
	})))

	rec := serve(h, httptest.NewRequest(http.MethodGet, "/boom", nil))
	if rec.Code != http.StatusInternalServerError {
		t.Fatalf("status %d", rec.Code)
	}
	if code, msg := graphqlError(t, rec); code != "INTERNAL" || strings.Contains(msg, "resolver bug") {
		t.Fatalf("client saw %s %q", code, msg)
	}
	if !strings.Contains(log.String(), "resolver bug") || !strings.Contains(log.String(), "stack") ||
		!strings.Contains(log.String(), rec.Header().Get(HeaderRequestID)) {
		t.Fatalf("panic not logged with stack and request id: %s", log.String())
	}
	if rec := serve(h, httptest.NewRequest(http.MethodGet, "/ok", nil)); rec.Code != http.StatusOK || rec.Body.String() != "fine" {
		t.Fatalf("server unhealthy after a panic: %d %q", rec.Code, rec.Body.String())
	}
	if calls != 2 {
		t.Fatalf("calls = %d", calls)
	}
}

func TestRecoveryAfterHeadersWritten(t *testing.T) {
	h := recovery(zerolog.Nop())(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusAccepted)
		panic("late")
	}))
	if rec := serve(h, httptest.NewRequest(http.MethodGet, "/", nil)); rec.Code != http.StatusAccepted || rec.Body.Len() != 0 {
		t.Fatalf("recovery rewrote a response already started: %d %q", rec.Code, rec.Body.String())
	}
}

func TestRecoveryLetsAbortThrough(t *testing.T) {
	h := recovery(zerolog.Nop())(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic(http.ErrAbortHandler) }))
	defer func() {
		if recover() != http.ErrAbortHandler {
			t.Fatal("ErrAbortHandler swallowed")
		}
	}()
	serve(h, httptest.NewRequest(http.MethodGet, "/", nil))
}
