package httpapi

import (
	"net/http"
	"testing"
)

func TestWriteError(t *testing.T) {
	tests := []struct {
		status        int
		code, message string
	}{
		{http.StatusTooManyRequests, CodeRateLimited, "slow down"},
		{http.StatusBadRequest, CodeBadRequest, `quotes " and <tags> survive`},
	}
	for _, tt := range tests {
		rec := serve(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			WriteError(w, tt.status, tt.code, tt.message)
		}), graphqlRequest(""))
		if rec.Code != tt.status || rec.Header().Get("Content-Type") != "application/json; charset=utf-8" {
			t.Fatalf("status %d type %q", rec.Code, rec.Header().Get("Content-Type"))
		}
		if code, msg := graphqlError(t, rec); code != tt.code || msg != tt.message {
			t.Fatalf("got %s %q", code, msg)
		}
	}
}
