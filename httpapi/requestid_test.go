package httpapi

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/oklog/ulid/v2"
	"github.com/rs/zerolog"
)

func TestRequestID(t *testing.T) {
	tests := []struct {
		name, inbound string
		kept          bool
	}{
		{"none", "", false},
		{"sane token", "gw-1234_abc.DEF", true},
		{"64 chars", strings.Repeat("a", 64), true},
		{"65 chars", strings.Repeat("a", 65), false},
		{"spaces", "abc def", false},
		{"log injection", "abc\n{\"level\":\"error\"}", false},
		{"unicode", "ÿabc", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log bytes.Buffer
			var seen string
			h := requestID(zerolog.New(&log))(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
				seen = RequestID(r.Context())
				zerolog.Ctx(r.Context()).Info().Msg("inner")
			}))
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			if tt.inbound != "" {
				r.Header[HeaderRequestID] = []string{tt.inbound}
			}
			rec := serve(h, r)
			echoed := rec.Header().Get(HeaderRequestID)
			if seen != echoed || seen == "" {
				t.Fatalf("context %q, header %q", seen, echoed)
			}
			if tt.kept != (seen == tt.inbound) {
				t.Fatalf("inbound %q -> %q", tt.inbound, seen)
			}
			if !tt.kept {
				if _, err := ulid.ParseStrict(seen); err != nil {
					t.Fatalf("generated id %q is not a ULID", seen)
				}
			}
			if !strings.Contains(log.String(), `"request_id":"`+seen+`"`) {
				t.Fatalf("context logger lacks the id: %s", log.String())
			}
		})
	}
	if RequestID(context.Background()) != "" {
		t.Fatal("id outside a request")
	}
}
