// Package httpapi is Keyline's HTTP server: the /graphql endpoint behind
// its middleware chain (recovery, request id, access log, metrics, CORS,
// body limit, timeout, authentication, rate limit), health and readiness
// probes, Prometheus metrics and, in development, the GraphiQL explorer.
package httpapi

import (
	"net/netip"
	"time"
)

// Defaults applied to a zero Config.
const (
	DefaultAddr           = "127.0.0.1:8080"
	DefaultMaxBodyBytes   = 1 << 20
	DefaultRequestTimeout = 30 * time.Second
	DefaultRatePerSecond  = 20
	DefaultRateBurst      = 40
	// A client address may fail authentication DefaultAuthFailureBurst
	// times in a row, then once per 60/DefaultAuthFailuresPerMinute
	// seconds; beyond that its requests are refused before authentication.
	DefaultAuthFailuresPerMinute = 10
	DefaultAuthFailureBurst      = 20
)

// Config is the server's tunables; zero fields take the defaults above.
type Config struct {
	Addr string
	// Dev serves the GraphiQL explorer at /.
	Dev bool
	// AllowedOrigins are the exact browser origins ("https://app.example")
	// allowed to call /graphql cross-origin. There is no wildcard.
	AllowedOrigins []string
	MaxBodyBytes   int64
	RequestTimeout time.Duration
	// RatePerSecond and RateBurst bound each identity's requests.
	RatePerSecond float64
	RateBurst     int
	// AuthFailuresPerMinute and AuthFailureBurst bound failed
	// authentications per client address (see TrustedProxies); a client
	// over the bound is answered 429 before its credentials are checked.
	AuthFailuresPerMinute float64
	AuthFailureBurst      int
	// TrustedProxies are the networks whose X-Forwarded-For is believed
	// when working out a client's address; with none, the TCP peer is the
	// client.
	TrustedProxies []netip.Prefix
	// MetricsToken, when set, is the bearer token a scraper must send to
	// read /metrics.
	MetricsToken string
	// BookmarkKey, when set, seals the bookmark every /graphql response
	// carries (HeaderBookmark), so that a client sending it back reads
	// its own writes on any replica. Every replica of a deployment needs
	// the same key; without one, reads follow their own process's writes.
	BookmarkKey string
	// MetricsListen, when set, is the address of a listener of its own
	// serving /metrics (MetricsHandler); /metrics is then never served on
	// the API listener. Without it, the API listener serves /metrics only
	// with MetricsToken or in development mode: closed by default.
	MetricsListen string
}

func (c Config) withDefaults() Config {
	if c.Addr == "" {
		c.Addr = DefaultAddr
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = DefaultRequestTimeout
	}
	if c.RatePerSecond <= 0 {
		c.RatePerSecond = DefaultRatePerSecond
	}
	if c.RateBurst <= 0 {
		c.RateBurst = DefaultRateBurst
	}
	if c.AuthFailuresPerMinute <= 0 {
		c.AuthFailuresPerMinute = DefaultAuthFailuresPerMinute
	}
	if c.AuthFailureBurst <= 0 {
		c.AuthFailureBurst = DefaultAuthFailureBurst
	}
	return c
}
