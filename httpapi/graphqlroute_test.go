package httpapi

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestGraphQLTransport(t *testing.T) {
	var gotType string
	h := graphqlTransport(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		gotType = r.Header.Get("Content-Type")
	}))
	tests := []struct {
		name, method, contentType string
		status                    int
		passedType                string
	}{
		{"POST json", http.MethodPost, "application/json", 200, "application/json"},
		{"POST json with charset", http.MethodPost, "application/json; charset=utf-8", 200, "application/json; charset=utf-8"},
		{"POST graphql-response+json", http.MethodPost, "application/graphql-response+json", 200, "application/json"},
		{"POST form", http.MethodPost, "application/x-www-form-urlencoded", 415, ""},
		{"POST text", http.MethodPost, "text/plain", 415, ""},
		{"POST no type", http.MethodPost, "", 415, ""},
		{"POST garbage type", http.MethodPost, ";;;", 415, ""},
		{"GET", http.MethodGet, "", 200, ""},
		{"PUT", http.MethodPut, "application/json", 405, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gotType = ""
			r := httptest.NewRequest(tt.method, "/graphql", strings.NewReader("{}"))
			if tt.contentType != "" {
				r.Header.Set("Content-Type", tt.contentType)
			}
			rec := serve(h, r)
			if rec.Code != tt.status || gotType != tt.passedType {
				t.Fatalf("status %d, handler saw type %q", rec.Code, gotType)
			}
			if rec.Header().Get("Cache-Control") != "no-store" {
				t.Fatal("GraphQL responses must not be cached")
			}
			if tt.status != 200 {
				if code, _ := graphqlError(t, rec); code != CodeBadRequest {
					t.Fatalf("code %s", code)
				}
			}
		})
	}
}
