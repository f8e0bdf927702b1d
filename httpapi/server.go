package httpapi

import (
	"context"
	"crypto/subtle"
	"errors"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
)

// ShutdownGrace is how long in-flight requests get to finish on shutdown.
const ShutdownGrace = 15 * time.Second

// Deps are the collaborators the server wires together.
type Deps struct {
	GraphQL http.Handler
	Auth    Authenticator
	// Ready reports whether dependencies (the database) are usable; nil
	// means always ready.
	Ready  func(ctx context.Context) error
	Logger zerolog.Logger
	// Registry receives the HTTP metrics and is served at /metrics. When
	// nil a new one is made, with Go and process collectors.
	Registry *prometheus.Registry
	// Workbench, when set, is the web app served at / (with the GraphQL
	// explorer at /explorer) and its sign-in configuration.
	Workbench *Workbench
	// Documents serves the authenticated document routes (/reports/ and
	// /export/: schedules, printable packages, chart exports) behind the
	// same middleware as /graphql, less the GraphQL transport checks.
	Documents http.Handler
	// Bookmarks, with Config.BookmarkKey, carries a client's position
	// from one replica to the next (bookmark.go).
	Bookmarks Bookmarks
}

type middleware = func(http.Handler) http.Handler

func chain(h http.Handler, mws ...middleware) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

// Handler routes requests. /graphql runs the full middleware chain, in
// this order: panic recovery, request id, access log, metrics, CORS, body
// limit, timeout, failed-authentication throttle per client address,
// authentication, per-identity rate limit, bookmarks (with a key), then
// method and content-type checks. The probes and /metrics skip user
// authentication. /metrics is served here only without
// Config.MetricsListen and then only with Config.MetricsToken (which it
// asks for) or in development mode: outside development it is closed
// (404) unless configured.
func Handler(cfg Config, deps Deps) http.Handler {
	cfg = cfg.withDefaults()
	log := deps.Logger
	reg := deps.Registry
	if reg == nil {
		reg = prometheus.NewRegistry()
		reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	}
	metrics := newHTTPMetrics(reg)
	limiter := newRateLimiter(cfg.RatePerSecond, cfg.RateBurst)
	failures := newAuthFailures(cfg.AuthFailuresPerMinute, cfg.AuthFailureBurst, cfg.TrustedProxies)

	front := func(route string) []middleware {
		return []middleware{recovery(log), securityHeaders, requestID(log), accessLog, metrics.instrument(route)}
	}
	probe := func(route string) []middleware {
		// No access log: probes arrive every few seconds.
		return []middleware{recovery(log), securityHeaders, metrics.instrument(route)}
	}

	mux := http.NewServeMux()
	mux.Handle("/graphql", chain(deps.GraphQL, append(front("/graphql"),
		cors(cfg.AllowedOrigins),
		bodyLimit(cfg.MaxBodyBytes),
		timeout(cfg.RequestTimeout),
		authenticate(deps.Auth, failures),
		limiter.middleware,
		carryBookmarks(cfg.BookmarkKey, deps.Bookmarks),
		graphqlTransport,
	)...))
	if deps.Documents != nil {
		docs := chain(deps.Documents, append(front("/documents"),
			cors(cfg.AllowedOrigins),
			bodyLimit(cfg.MaxBodyBytes),
			timeout(cfg.RequestTimeout),
			authenticate(deps.Auth, failures),
			limiter.middleware,
		)...)
		mux.Handle("/reports/", docs)
		mux.Handle("/export/", docs)
	}
	if deps.Workbench != nil {
		workbenchRoutes(mux, cfg, *deps.Workbench, front)
	}
	mux.Handle("GET /healthz", chain(http.HandlerFunc(healthz), probe("/healthz")...))
	mux.Handle("GET /readyz", chain(readyz(deps.Ready, log), probe("/readyz")...))
	if cfg.MetricsListen == "" && (cfg.MetricsToken != "" || cfg.Dev) {
		mux.Handle("GET /metrics", chain(promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}),
			append(probe("/metrics"), scrapeToken(cfg.MetricsToken))...))
	}
	return mux
}

// MetricsHandler serves /metrics from reg alone, for the listener of its
// own that Config.MetricsListen names; it asks for Config.MetricsToken
// when one is set.
func MetricsHandler(cfg Config, reg *prometheus.Registry) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", chain(promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}),
		securityHeaders, scrapeToken(cfg.MetricsToken)))
	return mux
}

// scrapeToken admits only requests bearing token (compared in constant
// time); an empty token admits everyone.
func scrapeToken(token string) middleware {
	return func(next http.Handler) http.Handler {
		if token == "" {
			return next
		}
		want := []byte("Bearer " + token)
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), want) != 1 {
				w.Header().Set("WWW-Authenticate", `Bearer realm="keyline-metrics"`)
				WriteError(w, http.StatusUnauthorized, string(keyline.CodeUnauthenticated), "a metrics token is required")
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// securityHeaders are safe defaults for every response.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

// New builds the server. Its timeouts bound slow clients: headers must
// arrive promptly and no connection outlives a request by much.
func New(cfg Config, deps Deps) *http.Server {
	cfg = cfg.withDefaults()
	return &http.Server{
		Addr:              cfg.Addr,
		Handler:           Handler(cfg, deps),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       cfg.RequestTimeout,
		WriteTimeout:      cfg.RequestTimeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    1 << 20,
	}
}

// Run listens on srv.Addr and serves until ctx is cancelled, then shuts
// down gracefully (see Serve).
func Run(ctx context.Context, srv *http.Server) error {
	ln, err := net.Listen("tcp", srv.Addr)
	if err != nil {
		return err
	}
	return Serve(ctx, srv, ln)
}

// Serve serves on ln until ctx is cancelled, then stops accepting and gives
// in-flight requests ShutdownGrace to finish. It returns nil after a clean
// shutdown.
func Serve(ctx context.Context, srv *http.Server, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownGrace)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}
