package httpapi

import (
	"net/http"
	"runtime/debug"

	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
)

// recovery turns a panic in a handler into a 500 for that request only,
// keeping the process serving. The stack goes to the server log, never to
// the client.
func recovery(log zerolog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := newRecorder(w)
			defer func() {
				v := recover()
				if v == nil {
					return
				}
				if v == http.ErrAbortHandler {
					panic(v) // net/http's deliberate abort; let it through
				}
				// The request id middleware runs inside us, but it has
				// already set the response header we can read it from.
				log.Error().
					Str("request_id", rec.Header().Get(HeaderRequestID)).
					Str("panic", panicText(v)).
					Bytes("stack", debug.Stack()).
					Msg("handler panicked")
				if !rec.wroteHeader() {
					WriteError(rec, http.StatusInternalServerError, string(keyline.CodeInternal), "internal error")
				}
			}()
			next.ServeHTTP(rec, r)
		})
	}
}

// panicText describes a panic value without formatting arbitrary data
// structures (which could hold intelligence text) into the log.
func panicText(v any) string {
	switch v := v.(type) {
	case error:
		return v.Error()
	case string:
		return v
	}
	return "non-error panic value"
}
