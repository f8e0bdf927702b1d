package auth

import (
	"testing"
	"time"
)

func TestConfigDefaults(t *testing.T) {
	tests := []struct {
		name string
		in   Config
		want Config
		ok   bool
	}{
		{"dev fills in", Config{Mode: "DEV"},
			Config{Mode: ModeDev, Issuer: DevIssuer, Audience: DevAudience, DevKeyPath: DefaultDevKeyPath, ClockSkew: DefaultClockSkew, MembershipTTL: DefaultMembershipTTL}, true},
		{"oidc derives jwks url", Config{Mode: "oidc", Issuer: "https://idp.example/realms/soc/", Audience: "keyline", ClockSkew: -1, MembershipTTL: time.Second},
			Config{Mode: ModeOIDC, Issuer: "https://idp.example/realms/soc/", Audience: "keyline", JWKSURL: "https://idp.example/realms/soc/.well-known/jwks.json", MembershipTTL: time.Second}, true},
		{"oidc keeps explicit jwks url", Config{Mode: "oidc", Issuer: "i", Audience: "a", JWKSURL: "https://idp/certs", ClockSkew: time.Minute},
			Config{Mode: ModeOIDC, Issuer: "i", Audience: "a", JWKSURL: "https://idp/certs", ClockSkew: time.Minute, MembershipTTL: DefaultMembershipTTL}, true},
		{"oidc refuses an http jwks url", Config{Mode: "oidc", Issuer: "i", Audience: "a", JWKSURL: "http://idp/certs"}, Config{}, false},
		{"oidc refuses an http issuer's derived jwks url", Config{Mode: "oidc", Issuer: "http://idp.example", Audience: "a"}, Config{}, false},
		{"oidc refuses a relative jwks url", Config{Mode: "oidc", Issuer: "i", Audience: "a", JWKSURL: "/certs"}, Config{}, false},
		{"oidc refuses another scheme", Config{Mode: "oidc", Issuer: "i", Audience: "a", JWKSURL: "file:///etc/keys.json"}, Config{}, false},
		{"development allows an http jwks url", Config{Mode: "oidc", Issuer: "i", Audience: "a", JWKSURL: "http://localhost:8180/certs", InsecureJWKS: true},
			Config{Mode: ModeOIDC, Issuer: "i", Audience: "a", JWKSURL: "http://localhost:8180/certs", ClockSkew: DefaultClockSkew, MembershipTTL: DefaultMembershipTTL}, true},
		{"oidc without issuer", Config{Mode: "oidc", Audience: "a"}, Config{}, false},
		{"oidc without audience", Config{Mode: "oidc", Issuer: "i"}, Config{}, false},
		{"no mode", Config{}, Config{}, false},
		{"unknown mode", Config{Mode: "saml"}, Config{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.in.withDefaults()
			if tt.ok != (err == nil) {
				t.Fatalf("err = %v", err)
			}
			if tt.ok && (got.Mode != tt.want.Mode || got.Issuer != tt.want.Issuer || got.Audience != tt.want.Audience ||
				got.JWKSURL != tt.want.JWKSURL || got.DevKeyPath != tt.want.DevKeyPath || got.ClockSkew != tt.want.ClockSkew ||
				got.MembershipTTL != tt.want.MembershipTTL) {
				t.Fatalf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
