package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/rs/zerolog"
)

// readyTimeout bounds the readiness check so a hung database makes the
// probe fail rather than hang.
const readyTimeout = 2 * time.Second

// healthz says the process is up; it checks nothing else, so an
// orchestrator restarts us only when we are truly stuck.
func healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write([]byte("ok\n"))
}

// readyz says whether we can serve requests (e.g. the database answers),
// so a load balancer routes around us while we cannot. The reason stays in
// our log; the probe's caller gets a fixed phrase.
func readyz(ready func(context.Context) error, log zerolog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if ready != nil {
			ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
			defer cancel()
			if err := ready(ctx); err != nil {
				log.Warn().Err(err).Msg("readiness check failed")
				w.WriteHeader(http.StatusServiceUnavailable)
				_, _ = w.Write([]byte("not ready: dependencies unavailable\n"))
				return
			}
		}
		_, _ = w.Write([]byte("ready\n"))
	})
}
