package httpapi

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rs/zerolog"
)

func TestAccessLog(t *testing.T) {
	var log bytes.Buffer
	h := requestID(zerolog.New(&log))(accessLog(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		setLoggedSubject(r.Context(), "dev-analyst")
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write([]byte("12345"))
	})))
	secret := "query{person(name:\"Jane Doe\")}"
	r := httptest.NewRequest(http.MethodGet, "/graphql?query="+strings.ReplaceAll(secret, " ", "%20"), nil)
	rec := serve(h, r)

	var entry map[string]any
	if err := json.Unmarshal(log.Bytes(), &entry); err != nil {
		t.Fatalf("not one JSON line: %q", log.String())
	}
	want := map[string]any{"method": "GET", "path": "/graphql", "status": 201.0, "bytes": 5.0,
		"subject": "dev-analyst", "request_id": rec.Header().Get(HeaderRequestID)}
	for k, v := range want {
		if entry[k] != v {
			t.Errorf("%s = %v, want %v", k, entry[k], v)
		}
	}
	if _, ok := entry["duration_ms"].(float64); !ok {
		t.Error("no duration_ms")
	}
	if strings.Contains(log.String(), "Jane") || strings.Contains(log.String(), "query") {
		t.Fatalf("query text leaked into the access log: %s", log.String())
	}
}

func TestAccessLogOnPanic(t *testing.T) {
	var log bytes.Buffer
	h := recovery(zerolog.Nop())(requestID(zerolog.New(&log))(accessLog(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic("boom")
	}))))
	serve(h, httptest.NewRequest(http.MethodPost, "/graphql", nil))
	if !strings.Contains(log.String(), `"status":500`) {
		t.Fatalf("panicking request not logged as 500: %s", log.String())
	}
}
