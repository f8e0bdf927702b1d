package main

import (
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"github.com/spf13/pflag"

	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/httpapi"
)

// config is every setting, from flags with environment-variable defaults
// (the flag wins). README.md lists them.
type config struct {
	Neo4j cypher.Config

	Listen       string
	Dev          bool
	DevKeyPath   string
	OIDCIssuer   string
	OIDCAudience string
	OIDCJWKSURL  string
	// OIDCClientID and OIDCScope are the workbench's public OIDC client.
	OIDCClientID   string
	OIDCScope      string
	CORSOrigins    []string
	RequestTimeout time.Duration
	MaxBodyBytes   int64
	RatePerSecond  float64
	RateBurst      int
	MetricsToken   string
	MetricsListen  string
	DebugListen    string
	// BookmarkKey seals the bookmarks that let a client read its own
	// writes on any replica (docs/SCALING.md); the same on every replica.
	BookmarkKey string
	// TrustedProxies are CIDRs whose X-Forwarded-For is believed.
	TrustedProxies        []string
	AuthFailuresPerMinute float64
	AuthFailureBurst      int
	LogLevel              string
}

func env(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return def
}

func envDuration(key string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(env(key, "")); err == nil {
		return d
	}
	return def
}

func envFloat(key string, def float64) float64 {
	if f, err := strconv.ParseFloat(env(key, ""), 64); err == nil {
		return f
	}
	return def
}

func envInt(key string, def int) int {
	if n, err := strconv.Atoi(env(key, "")); err == nil {
		return n
	}
	return def
}

func envList(key string) []string {
	var out []string
	for _, s := range strings.Split(env(key, ""), ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func defaultConfig() *config {
	return &config{
		Neo4j: cypher.Config{
			URI:       env("NEO4J_URI", "bolt://127.0.0.1:7687"),
			User:      env("NEO4J_USER", ""),
			Password:  env("NEO4J_PASSWORD", ""),
			Database:  env("NEO4J_DATABASE", ""),
			TxTimeout: envDuration("KEYLINE_TX_TIMEOUT", 15*time.Second),
			MaxPool:   envInt("KEYLINE_NEO4J_POOL", 100),
		},
		Listen:                env("KEYLINE_LISTEN", "127.0.0.1:8080"),
		Dev:                   env("KEYLINE_DEV", "") == "true",
		DevKeyPath:            env("KEYLINE_DEV_KEY", ".keyline/dev-signing-key.pem"),
		OIDCIssuer:            env("KEYLINE_OIDC_ISSUER", ""),
		OIDCAudience:          env("KEYLINE_OIDC_AUDIENCE", "keyline"),
		OIDCJWKSURL:           env("KEYLINE_OIDC_JWKS_URL", ""),
		OIDCClientID:          env("KEYLINE_OIDC_CLIENT_ID", "keyline-workbench"),
		OIDCScope:             env("KEYLINE_OIDC_SCOPE", "openid profile"),
		CORSOrigins:           envList("KEYLINE_CORS_ORIGINS"),
		RequestTimeout:        envDuration("KEYLINE_REQUEST_TIMEOUT", 30*time.Second),
		MaxBodyBytes:          int64(envInt("KEYLINE_MAX_BODY_BYTES", 1<<20)),
		RatePerSecond:         envFloat("KEYLINE_RATE_PER_SECOND", 50),
		RateBurst:             envInt("KEYLINE_RATE_BURST", 100),
		MetricsToken:          env("KEYLINE_METRICS_TOKEN", ""),
		BookmarkKey:           env("KEYLINE_BOOKMARK_KEY", ""),
		MetricsListen:         env("KEYLINE_METRICS_LISTEN", ""),
		TrustedProxies:        envList("KEYLINE_TRUSTED_PROXIES"),
		AuthFailuresPerMinute: envFloat("KEYLINE_AUTH_FAILURES_PER_MINUTE", httpapi.DefaultAuthFailuresPerMinute),
		AuthFailureBurst:      envInt("KEYLINE_AUTH_FAILURE_BURST", httpapi.DefaultAuthFailureBurst),
		DebugListen:           env("KEYLINE_DEBUG_LISTEN", ""),
		LogLevel:              env("KEYLINE_LOG_LEVEL", "info"),
	}
}

func (c *config) bindDatabase(f *pflag.FlagSet) {
	f.StringVar(&c.Neo4j.URI, "neo4j-uri", c.Neo4j.URI, "Neo4j URI: bolt://, neo4j:// or neo4j+s:// (NEO4J_URI)")
	f.StringVar(&c.Neo4j.User, "neo4j-user", c.Neo4j.User, "Neo4j user; empty for no auth (NEO4J_USER)")
	f.StringVar(&c.Neo4j.Database, "neo4j-database", c.Neo4j.Database, "Neo4j database; empty for the server default (NEO4J_DATABASE)")
	f.DurationVar(&c.Neo4j.TxTimeout, "tx-timeout", c.Neo4j.TxTimeout, "server-side timeout of every transaction (KEYLINE_TX_TIMEOUT)")
}

func (c *config) bindServe(f *pflag.FlagSet) {
	f.StringVar(&c.Listen, "listen", c.Listen, "address to serve on (KEYLINE_LISTEN)")
	f.BoolVar(&c.Dev, "dev", c.Dev, "development mode: local signing key, demo users with a role switcher in the workbench, introspection (KEYLINE_DEV=true)")
	f.StringVar(&c.DevKeyPath, "dev-key", c.DevKeyPath, "development signing key, created if missing (KEYLINE_DEV_KEY)")
	f.StringVar(&c.OIDCIssuer, "oidc-issuer", c.OIDCIssuer, "OIDC issuer whose tokens are accepted (KEYLINE_OIDC_ISSUER)")
	f.StringVar(&c.OIDCAudience, "oidc-audience", c.OIDCAudience, "audience tokens must carry (KEYLINE_OIDC_AUDIENCE)")
	f.StringVar(&c.OIDCClientID, "oidc-client-id", c.OIDCClientID, "the workbench's OIDC client id (a public client: authorization code with PKCE) (KEYLINE_OIDC_CLIENT_ID)")
	f.StringVar(&c.OIDCScope, "oidc-scope", c.OIDCScope, "scopes the workbench asks for (KEYLINE_OIDC_SCOPE)")
	f.StringVar(&c.OIDCJWKSURL, "oidc-jwks-url", c.OIDCJWKSURL, "JWKS URL of the issuer (KEYLINE_OIDC_JWKS_URL)")
	f.StringSliceVar(&c.CORSOrigins, "cors-origin", c.CORSOrigins, "browser origins allowed to call the API (KEYLINE_CORS_ORIGINS, comma-separated)")
	f.DurationVar(&c.RequestTimeout, "request-timeout", c.RequestTimeout, "maximum time for one request (KEYLINE_REQUEST_TIMEOUT)")
	f.Int64Var(&c.MaxBodyBytes, "max-body-bytes", c.MaxBodyBytes, "maximum request body (KEYLINE_MAX_BODY_BYTES)")
	f.Float64Var(&c.RatePerSecond, "rate", c.RatePerSecond, "requests per second allowed per identity (KEYLINE_RATE_PER_SECOND)")
	f.IntVar(&c.RateBurst, "rate-burst", c.RateBurst, "burst allowed per identity (KEYLINE_RATE_BURST)")
	f.StringVar(&c.MetricsListen, "metrics-listen", c.MetricsListen, "address of a listener of its own for /metrics; outside --dev, /metrics is otherwise served only with KEYLINE_METRICS_TOKEN (KEYLINE_METRICS_LISTEN)")
	f.StringSliceVar(&c.TrustedProxies, "trusted-proxies", c.TrustedProxies, "CIDRs of reverse proxies whose X-Forwarded-For is believed for the client address; otherwise the TCP peer is the client (KEYLINE_TRUSTED_PROXIES, comma-separated)")
	f.Float64Var(&c.AuthFailuresPerMinute, "auth-failures-per-minute", c.AuthFailuresPerMinute, "failed authentications allowed per client address per minute once the burst is spent (KEYLINE_AUTH_FAILURES_PER_MINUTE)")
	f.IntVar(&c.AuthFailureBurst, "auth-failure-burst", c.AuthFailureBurst, "failed authentications allowed in a row per client address before 429 (KEYLINE_AUTH_FAILURE_BURST)")
	f.StringVar(&c.DebugListen, "debug-listen", c.DebugListen, "loopback address for Go's profiler (/debug/pprof/); off when empty (KEYLINE_DEBUG_LISTEN)")
}

// logger builds the JSON logger; it never logs intelligence text or
// personal data, only ids, counts and timings.
func (c *config) logger() zerolog.Logger {
	lvl, err := zerolog.ParseLevel(c.LogLevel)
	if err != nil {
		lvl = zerolog.InfoLevel
	}
	zerolog.TimeFieldFormat = time.RFC3339Nano
	return zerolog.New(os.Stderr).Level(lvl).With().Timestamp().Str("service", "keyline").Logger()
}
