package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"time"

	"github.com/rs/zerolog"
	"github.com/spf13/cobra"

	"github.com/keyline/keyline/auth"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/httpapi"
	"github.com/keyline/keyline/server"
)

func serveCmd(cfg *config) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the GraphQL API (applies pending migrations first)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			// Settings are checked before Neo4j is reached, so a refused
			// configuration fails at once and says why.
			sc, err := cfg.serverConfig()
			if err != nil {
				return err
			}
			serveGC()
			return withStore(cmd.Context(), cfg, func(store *cypher.Store) error {
				log := cfg.logger()
				app, err := server.Build(store, sc, log)
				if err != nil {
					return err
				}
				defer app.Auth.Close()
				if cfg.DebugListen != "" {
					if err := serveDebug(cmd.Context(), cfg.DebugListen, log); err != nil {
						return err
					}
				}
				if cfg.MetricsListen != "" {
					if err := serveMetrics(cmd.Context(), sc.HTTP, app, log); err != nil {
						return err
					}
				}
				srv := httpapi.New(sc.HTTP, httpapi.Deps{})
				srv.Handler = app.Handler
				log.Info().Str("addr", cfg.Listen).Bool("dev", cfg.Dev).Str("neo4j", cfg.Neo4j.URI).Msg("keyline serving")
				if cfg.Dev {
					log.Info().Msg("development mode: workbench at http://" + cfg.Listen + "/ , explorer at /explorer ; tokens: go run ./cmd/keyline dev-token --role analyst")
				}
				return httpapi.Run(cmd.Context(), srv)
			})
		},
	}
	cfg.bindServe(cmd.Flags())
	return cmd
}

// ServeGCPercent is the garbage collector's target for the server unless
// GOGC says otherwise. A request allocates much (records decoded, and
// gqlgen's field contexts and goroutines per field and list element) and
// keeps almost nothing, so with Go's default of 100 the collector ran about
// every 20 MB and took an eighth of the CPU under load. At 400 the heap
// peaks a few times higher (tens of MB) and a 2-core machine served 10-25%
// more of the heavier questions (docs/PEER.md). GOMEMLIMIT still applies.
const ServeGCPercent = 400

// ServeMemoryLimit is the server's soft memory limit unless GOMEMLIMIT
// says otherwise: the collector, which at ServeGCPercent lets the heap
// grow to five times what is live, works harder as the process nears it.
// Without it, 64 clients asking for 2-hop networks held Keyline at 150-190
// MB resident; issue 18 asks for at most 150 MB (docs/BENCHMARKS.md,
// "Memory under load"). Below the limit nothing changes.
const ServeMemoryLimit = 100 << 20

// serveGC applies ServeGCPercent and ServeMemoryLimit unless GOGC or
// GOMEMLIMIT is set.
func serveGC() {
	if _, ok := os.LookupEnv("GOGC"); !ok {
		debug.SetGCPercent(ServeGCPercent)
	}
	if _, ok := os.LookupEnv("GOMEMLIMIT"); !ok {
		debug.SetMemoryLimit(ServeMemoryLimit)
	}
}

// minBookmarkKey is the shortest KEYLINE_BOOKMARK_KEY accepted: whoever
// can guess it can forge bookmarks that hold connections.
const minBookmarkKey = 32

// serverConfig turns the settings into the server's, refusing to run
// without an identity provider (no request is ever served anonymously),
// and refusing development mode anywhere but on a loopback address: it
// hands every visitor of / an analyst's token.
func (c *config) serverConfig() (server.Config, error) {
	proxies, err := httpapi.ParseTrustedProxies(c.TrustedProxies)
	if err != nil {
		return server.Config{}, fmt.Errorf("--trusted-proxies (KEYLINE_TRUSTED_PROXIES): %w", err)
	}
	if c.BookmarkKey != "" && len(c.BookmarkKey) < minBookmarkKey {
		return server.Config{}, fmt.Errorf("KEYLINE_BOOKMARK_KEY must be at least %d characters (e.g. openssl rand -base64 32)", minBookmarkKey)
	}
	if c.Dev && !httpapi.LoopbackAddr(c.Listen) {
		return server.Config{}, fmt.Errorf("--dev serves demo users and an analyst token to anyone who can reach it, so it listens on loopback only (e.g. 127.0.0.1:8080), not %q", c.Listen)
	}
	sc := server.Config{
		HTTP: httpapi.Config{Addr: c.Listen, Dev: c.Dev, AllowedOrigins: c.CORSOrigins, MaxBodyBytes: c.MaxBodyBytes,
			RequestTimeout: c.RequestTimeout, RatePerSecond: c.RatePerSecond, RateBurst: c.RateBurst,
			MetricsToken: c.MetricsToken, MetricsListen: c.MetricsListen, TrustedProxies: proxies, BookmarkKey: c.BookmarkKey,
			AuthFailuresPerMinute: c.AuthFailuresPerMinute, AuthFailureBurst: c.AuthFailureBurst},
	}
	switch {
	case c.OIDCIssuer != "":
		sc.Auth = auth.Config{Mode: auth.ModeOIDC, Issuer: c.OIDCIssuer, Audience: c.OIDCAudience, JWKSURL: c.OIDCJWKSURL,
			InsecureJWKS: c.Dev}
		sc.OIDCClient = httpapi.WorkbenchOIDC{Issuer: c.OIDCIssuer, ClientID: c.OIDCClientID, Scope: c.OIDCScope}
	case c.Dev:
		sc.Auth = auth.Config{Mode: auth.ModeDev, DevKeyPath: c.DevKeyPath}
	default:
		return sc, errors.New("no identity provider: use --dev for development, or --oidc-issuer (KEYLINE_OIDC_ISSUER)")
	}
	return sc, nil
}

// serveMetrics serves /metrics on the listener of its own
// (--metrics-listen) until ctx ends.
func serveMetrics(ctx context.Context, hc httpapi.Config, app *server.App, log zerolog.Logger) error {
	ln, err := net.Listen("tcp", hc.MetricsListen)
	if err != nil {
		return fmt.Errorf("--metrics-listen: %w", err)
	}
	srv := &http.Server{Handler: httpapi.MetricsHandler(hc, app.Registry), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := httpapi.Serve(ctx, srv, ln); err != nil {
			log.Error().Err(err).Msg("metrics listener stopped")
		}
	}()
	log.Info().Str("addr", ln.Addr().String()).Bool("token", hc.MetricsToken != "").Msg("metrics serving /metrics")
	return nil
}
