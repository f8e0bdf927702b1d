package httpapi

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestExplorer(t *testing.T) {
	tests := []struct {
		name     string
		devToken func() string
		want     string
	}{
		{"with dev token", func() string { return "tok-123" }, `"Bearer tok-123"`},
		{"without", nil, "const fetcherHeaders = undefined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := serve(explorer(tt.devToken), httptest.NewRequest(http.MethodGet, "/", nil))
			if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Type"), "text/html") {
				t.Fatalf("status %d type %q", rec.Code, rec.Header().Get("Content-Type"))
			}
			body := rec.Body.String()
			if !strings.Contains(body, tt.want) || !strings.Contains(body, "/graphql") {
				t.Fatalf("page lacks %s", tt.want)
			}
			if rec.Header().Get("Cache-Control") != "no-store" {
				t.Fatal("page with a token may be cached")
			}
		})
	}
}
