package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/rs/zerolog"
)

// accessEntry is filled in by inner layers (authentication knows the
// subject) and written by the access log when the request ends.
type accessEntry struct{ subject string }

type accessEntryKey struct{}

// setLoggedSubject records who made the request, for the access log.
func setLoggedSubject(ctx context.Context, subject string) {
	if e, ok := ctx.Value(accessEntryKey{}).(*accessEntry); ok {
		e.subject = subject
	}
}

// accessLog writes one JSON line per request. It records the path only:
// the query string of a GraphQL GET holds the query and variables, which
// may quote intelligence text or name people.
func accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := newRecorder(w)
		entry := &accessEntry{}
		r = r.WithContext(context.WithValue(r.Context(), accessEntryKey{}, entry))
		completed := false
		defer func() {
			status := rec.Status()
			if !completed {
				status = http.StatusInternalServerError // panicking; recovery answers
			}
			zerolog.Ctx(r.Context()).Info().
				Str("method", r.Method).
				Str("path", r.URL.Path).
				Int("status", status).
				Int64("bytes", rec.bytes).
				Float64("duration_ms", float64(time.Since(start).Microseconds())/1000).
				Str("subject", entry.subject).
				Msg("request")
		}()
		next.ServeHTTP(rec, r)
		completed = true
	})
}
