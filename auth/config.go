package auth

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/rs/zerolog"
)

// Modes of authentication.
const (
	// ModeDev trusts tokens signed by the local development key only.
	ModeDev = "dev"
	// ModeOIDC trusts tokens from an OpenID Connect provider's JWKS.
	ModeOIDC = "oidc"
)

// Defaults applied by Config.withDefaults.
const (
	DefaultClockSkew     = 30 * time.Second
	DefaultMembershipTTL = 5 * time.Second
	DefaultDevKeyPath    = ".keyline/dev-signing-key.pem"
)

// Config chooses where trusted signing keys come from and what tokens must
// say. The zero value is not usable: Mode is required.
type Config struct {
	Mode     string // ModeDev or ModeOIDC
	Issuer   string // required "iss"; DevIssuer by default in dev mode
	Audience string // required "aud"; DevAudience by default in dev mode
	// JWKSURL is the provider's key set. Set it explicitly: providers publish
	// keys at different paths. When empty, Issuer + "/.well-known/jwks.json"
	// is tried, and New fails if nothing usable is there.
	JWKSURL string
	// InsecureJWKS allows an http:// JWKSURL. Set it only in development
	// mode: over plain HTTP anyone on the path could substitute keys and
	// mint tokens. Outside it, New refuses anything but https://.
	InsecureJWKS bool
	// jwksClient fetches the key set; nil means a default client. Tests
	// set it to trust their TLS server.
	jwksClient *http.Client
	// ClockSkew tolerated on exp/nbf/iat. Zero means DefaultClockSkew;
	// negative means none.
	ClockSkew time.Duration
	// DevKeyPath is the development signing key (dev mode only).
	DevKeyPath string
	// MembershipTTL is how long operation membership is cached per subject.
	// Zero means DefaultMembershipTTL; negative disables the cache.
	MembershipTTL time.Duration
	// Logger receives debug-level reasons for rejected credentials (never
	// the credential itself). The zero value logs nothing.
	Logger zerolog.Logger
}

func (c Config) withDefaults() (Config, error) {
	c.Mode = strings.ToLower(strings.TrimSpace(c.Mode))
	switch c.Mode {
	case ModeDev:
		if c.Issuer == "" {
			c.Issuer = DevIssuer
		}
		if c.Audience == "" {
			c.Audience = DevAudience
		}
		if c.DevKeyPath == "" {
			c.DevKeyPath = DefaultDevKeyPath
		}
	case ModeOIDC:
		if c.Issuer == "" || c.Audience == "" {
			return c, fmt.Errorf("auth: oidc mode needs an issuer and an audience")
		}
		if c.JWKSURL == "" {
			c.JWKSURL = strings.TrimRight(c.Issuer, "/") + "/.well-known/jwks.json"
		}
		u, err := url.Parse(c.JWKSURL)
		switch {
		case err != nil || u.Host == "":
			return c, fmt.Errorf("auth: jwks url %q is not an absolute URL", c.JWKSURL)
		case u.Scheme == "https":
		case u.Scheme == "http" && c.InsecureJWKS:
		default:
			return c, fmt.Errorf("auth: jwks url %q must use https (plain http is allowed in development mode only)", c.JWKSURL)
		}
	default:
		return c, fmt.Errorf("auth: mode %q is neither %q nor %q", c.Mode, ModeDev, ModeOIDC)
	}
	switch {
	case c.ClockSkew == 0:
		c.ClockSkew = DefaultClockSkew
	case c.ClockSkew < 0:
		c.ClockSkew = 0
	}
	if c.MembershipTTL == 0 {
		c.MembershipTTL = DefaultMembershipTTL
	}
	return c, nil
}
