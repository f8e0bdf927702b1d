package httpapi

import (
	"context"
	"net/http"
	"time"
)

// timeout bounds the work done for one request: the deadline reaches the
// resolvers and the database driver through the context, so an expensive
// query is abandoned rather than left running after the client has gone.
func timeout(d time.Duration) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx, cancel := context.WithTimeout(r.Context(), d)
			defer cancel()
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}
