package httpapi

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
)

func TestHealthz(t *testing.T) {
	rec := serve(http.HandlerFunc(healthz), httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if rec.Code != 200 || rec.Body.String() != "ok\n" {
		t.Fatalf("%d %q", rec.Code, rec.Body.String())
	}
}

func TestReadyz(t *testing.T) {
	tests := []struct {
		name   string
		ready  func(context.Context) error
		status int
	}{
		{"no check", nil, 200},
		{"ready", func(context.Context) error { return nil }, 200},
		{"not ready", func(context.Context) error { return errors.New("neo4j at 10.0.0.5:7687 refused") }, 503},
		{"hung check times out", func(ctx context.Context) error {
			dl, ok := ctx.Deadline()
			if !ok || time.Until(dl) > readyTimeout {
				return errors.New("no deadline")
			}
			<-ctx.Done()
			return ctx.Err()
		}, 503},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/readyz", nil)
			if tt.name == "hung check times out" {
				ctx, cancel := context.WithTimeout(r.Context(), 50*time.Millisecond)
				defer cancel()
				r = r.WithContext(ctx)
			}
			rec := serve(readyz(tt.ready, zerolog.Nop()), r)
			if rec.Code != tt.status {
				t.Fatalf("status %d", rec.Code)
			}
			if strings.Contains(rec.Body.String(), "10.0.0.5") {
				t.Fatal("internals in the probe response")
			}
		})
	}
}
