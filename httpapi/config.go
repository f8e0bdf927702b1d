// Package httpapi is Keyline's HTTP server: the /graphql endpoint behind
// its middleware chain (recovery, request id, access log, metrics, CORS,
// body limit, timeout, authentication, rate limit), health and readiness
// probes, Prometheus metrics and, in development, the GraphiQL explorer.
package httpapi

import "time"

// Defaults applied to a zero Config.
const (
	DefaultAddr           = "127.0.0.1:8080"
	DefaultMaxBodyBytes   = 1 << 20
	DefaultRequestTimeout = 30 * time.Second
	DefaultRatePerSecond  = 20
	DefaultRateBurst      = 40
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
	// MetricsToken, when set, is the bearer token a scraper must send to
	// read /metrics; when empty, /metrics is open and the listener must be
	// private.
	MetricsToken string
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
	return c
}
