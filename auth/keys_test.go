package auth

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"testing"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"
	"github.com/lestrrat-go/jwx/v3/jws"
)

type collectSink struct{ n int }

func (s *collectSink) Key(jwa.SignatureAlgorithm, any) { s.n++ }

func TestKeyProvider(t *testing.T) {
	pub := func(k jwk.Key, kid string, set map[string]any) jwk.Key {
		p, err := k.PublicKey()
		if err != nil {
			t.Fatal(err)
		}
		_ = p.Set(jwk.KeyIDKey, kid)
		for name, v := range set {
			_ = p.Set(name, v)
		}
		return p
	}
	ec256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ec384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	ecKey, _ := jwk.Import(ec256)
	ec384Key, _ := jwk.Import(ec384)
	rsaKey := newRSAKey(t, "unused")

	set := jwk.NewSet()
	for _, k := range []jwk.Key{
		pub(ecKey, "ec", nil),
		pub(ec384Key, "ec384", nil),
		pub(rsaKey, "rsa", map[string]any{jwk.AlgorithmKey: jwa.RS256()}),
		pub(rsaKey, "rsa-ps", map[string]any{jwk.AlgorithmKey: jwa.PS256()}),
		pub(ecKey, "ec-enc", map[string]any{jwk.KeyUsageKey: "enc"}),
	} {
		if err := set.AddKey(k); err != nil {
			t.Fatal(err)
		}
	}
	p := keyProvider{src: staticKeys{set}}

	tests := []struct {
		name string
		alg  jwa.SignatureAlgorithm
		kid  string
		ok   bool
	}{
		{"ES256 with P-256 key", jwa.ES256(), "ec", true},
		{"RS256 with RSA key", jwa.RS256(), "rsa", true},
		{"ES256 naming an RSA key", jwa.ES256(), "rsa", false},
		{"RS256 naming an EC key", jwa.RS256(), "ec", false},
		{"ES256 naming a P-384 key", jwa.ES256(), "ec384", false},
		{"RS256 naming a key published for PS256", jwa.RS256(), "rsa-ps", false},
		{"encryption key", jwa.ES256(), "ec-enc", false},
		{"HS256", jwa.HS256(), "ec", false},
		{"none", jwa.NoSignature(), "ec", false},
		{"unknown kid", jwa.ES256(), "nope", false},
		{"empty kid", jwa.ES256(), "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := jws.NewHeaders()
			_ = h.Set(jws.AlgorithmKey, tt.alg)
			if tt.kid != "" {
				_ = h.Set(jws.KeyIDKey, tt.kid)
			}
			sink := &collectSink{}
			err := p.FetchKeys(context.Background(), sink, jws.NewSignature().SetProtectedHeaders(h), nil)
			if tt.ok != (err == nil) || tt.ok != (sink.n == 1) {
				t.Fatalf("err = %v, keys = %d", err, sink.n)
			}
		})
	}
}
