package httpapi

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("connection reset") }

func TestBodyLimit(t *testing.T) {
	var got string
	h := bodyLimit(10)(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got = string(b)
	}))
	tests := []struct {
		name   string
		body   io.Reader
		length int64 // -1: unknown (chunked)
		status int
		code   string
	}{
		{"within limit", strings.NewReader("0123456789"), 10, 200, ""},
		{"declared too big", strings.NewReader("0123456789A"), 11, 413, "LIMIT_EXCEEDED"},
		{"chunked too big", strings.NewReader(strings.Repeat("x", 100)), -1, 413, "LIMIT_EXCEEDED"},
		{"chunked within limit", strings.NewReader("abc"), -1, 200, ""},
		{"lying content-length", strings.NewReader(strings.Repeat("x", 100)), 5, 413, "LIMIT_EXCEEDED"},
		{"read error", failingReader{}, -1, 400, CodeBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got = ""
			r := httptest.NewRequest(http.MethodPost, "/graphql", tt.body)
			r.ContentLength = tt.length
			rec := serve(h, r)
			if rec.Code != tt.status {
				t.Fatalf("status %d", rec.Code)
			}
			if tt.code != "" {
				if code, _ := graphqlError(t, rec); code != tt.code {
					t.Fatalf("code %s", code)
				}
				return
			}
			if len(got) == 0 {
				t.Fatal("body did not reach the handler")
			}
		})
	}
	if rec := serve(h, httptest.NewRequest(http.MethodGet, "/graphql", nil)); rec.Code != 200 {
		t.Fatalf("GET without body: %d", rec.Code)
	}
}
