package httpapi

import (
	"context"
	"net/http"

	"github.com/oklog/ulid/v2"
	"github.com/rs/zerolog"
)

// HeaderRequestID carries the request id in and out.
const HeaderRequestID = "X-Request-Id"

const maxRequestIDLen = 64

type requestIDKey struct{}

// RequestID returns the request's id, or "" outside a request.
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// requestID gives each request an id, reusing a caller's (a gateway's)
// when it is a plain token so that logs join up across systems; anything
// else is replaced, since the id is logged and echoed back verbatim.
func requestID(log zerolog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			id := r.Header.Get(HeaderRequestID)
			if !saneRequestID(id) {
				id = ulid.Make().String()
			}
			w.Header().Set(HeaderRequestID, id)
			ctx := context.WithValue(r.Context(), requestIDKey{}, id)
			ctx = log.With().Str("request_id", id).Logger().WithContext(ctx)
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

func saneRequestID(id string) bool {
	if id == "" || len(id) > maxRequestIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}
