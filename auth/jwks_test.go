package auth

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"
	"github.com/lestrrat-go/jwx/v3/jwt"

	"github.com/keyline/keyline"
)

// jwksServer is a stand-in identity provider publishing a key set.
type jwksServer struct {
	*httptest.Server
	mu      sync.Mutex
	set     jwk.Set
	fetches atomic.Int32
}

func newJWKSServer(t *testing.T, path string, keys ...jwk.Key) *jwksServer {
	t.Helper()
	s := &jwksServer{}
	s.publish(t, keys...)
	mux := http.NewServeMux()
	mux.HandleFunc(path, func(w http.ResponseWriter, _ *http.Request) {
		s.fetches.Add(1)
		s.mu.Lock()
		defer s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(s.set)
	})
	s.Server = httptest.NewTLSServer(mux)
	t.Cleanup(s.Close)
	return s
}

// publish replaces the served key set with the public halves of keys.
func (s *jwksServer) publish(t *testing.T, keys ...jwk.Key) {
	t.Helper()
	set := jwk.NewSet()
	for _, k := range keys {
		pub, err := k.PublicKey()
		if err != nil {
			t.Fatal(err)
		}
		if err := set.AddKey(pub); err != nil {
			t.Fatal(err)
		}
	}
	s.mu.Lock()
	s.set = set
	s.mu.Unlock()
}

func newRSAKey(t *testing.T, kid string) jwk.Key {
	t.Helper()
	raw, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	k, err := jwk.Import(raw)
	if err != nil {
		t.Fatal(err)
	}
	_ = k.Set(jwk.KeyIDKey, kid)
	_ = k.Set(jwk.AlgorithmKey, jwa.RS256())
	return k
}

func oidcClaims(issuer string) map[string]any {
	c := devClaims()
	c[jwt.IssuerKey] = issuer
	c[jwt.AudienceKey] = []string{"keyline-api"}
	c[jwt.SubjectKey] = "f81d4fae-7dec-11d0-a765-00a0c91e6bf6"
	return c
}

func TestOIDC(t *testing.T) {
	idpKey := newRSAKey(t, "idp-1")
	srv := newJWKSServer(t, "/keys", idpKey)
	a, err := New(Config{Mode: ModeOIDC, Issuer: srv.URL, Audience: "keyline-api", JWKSURL: srv.URL + "/keys", jwksClient: srv.Client()}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = a.Close() })

	imposter := newRSAKey(t, "idp-1") // same kid, different key
	stranger := newRSAKey(t, "stranger")
	tests := []struct {
		name  string
		token string
		ok    bool
	}{
		{"signed by the provider", signClaims(t, idpKey, jwa.RS256(), oidcClaims(srv.URL)), true},
		{"signed by another key with the provider's kid", signClaims(t, imposter, jwa.RS256(), oidcClaims(srv.URL)), false},
		{"signed by a key the provider never published", signClaims(t, stranger, jwa.RS256(), oidcClaims(srv.URL)), false},
		{"provider key but RS512", signClaims(t, withAlg(t, idpKey, jwa.RS512()), jwa.RS512(), oidcClaims(srv.URL)), false},
		{"provider key but PS256", signClaims(t, withAlg(t, idpKey, jwa.PS256()), jwa.PS256(), oidcClaims(srv.URL)), false},
		{"dev issuer refused", signClaims(t, idpKey, jwa.RS256(), withClaims(map[string]any{jwt.AudienceKey: []string{"keyline-api"}})), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			actor, err := a.Authenticate(bearerRequest(tt.token))
			if tt.ok != (err == nil) {
				t.Fatalf("ok = %v, err = %v", tt.ok, err)
			}
			if err != nil && keyline.ErrorCode(err) != keyline.CodeUnauthenticated {
				t.Fatalf("code = %s", keyline.ErrorCode(err))
			}
			if tt.ok && actor.Subject != "f81d4fae-7dec-11d0-a765-00a0c91e6bf6" {
				t.Fatalf("subject = %q", actor.Subject)
			}
		})
	}
}

// withAlg clones k with its alg changed, so jwx will sign with it.
func withAlg(t *testing.T, k jwk.Key, alg jwa.SignatureAlgorithm) jwk.Key {
	t.Helper()
	c, err := k.Clone()
	if err != nil {
		t.Fatal(err)
	}
	_ = c.Set(jwk.AlgorithmKey, alg)
	return c
}

func TestOIDCKeyRotation(t *testing.T) {
	oldKey, newKey := newRSAKey(t, "old"), newRSAKey(t, "new")
	srv := newJWKSServer(t, "/.well-known/jwks.json", oldKey)
	// No JWKSURL: the issuer's well-known path is used.
	a, err := New(Config{Mode: ModeOIDC, Issuer: srv.URL + "/", Audience: "keyline-api", jwksClient: srv.Client()}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = a.Close() })
	claims := oidcClaims(srv.URL + "/")

	srv.publish(t, oldKey, newKey)
	before := srv.fetches.Load()
	if _, err := a.Authenticate(bearerRequest(signClaims(t, newKey, jwa.RS256(), claims))); err != nil {
		t.Fatalf("token from rotated-in key: %v", err)
	}
	if srv.fetches.Load() != before+1 {
		t.Fatalf("unknown kid should trigger one refresh; fetches %d -> %d", before, srv.fetches.Load())
	}
	// Garbage kids right after must not make the provider fetch again.
	bogus := newRSAKey(t, "bogus")
	for range 5 {
		if _, err := a.Authenticate(bearerRequest(signClaims(t, bogus, jwa.RS256(), claims))); err == nil {
			t.Fatal("unknown key accepted")
		}
	}
	if srv.fetches.Load() != before+1 {
		t.Fatalf("unknown kids drove %d extra fetches", srv.fetches.Load()-before-1)
	}
}

func TestOIDCUnreachableJWKS(t *testing.T) {
	srv := httptest.NewTLSServer(http.NotFoundHandler())
	t.Cleanup(srv.Close)
	start := time.Now()
	if _, err := New(Config{Mode: ModeOIDC, Issuer: srv.URL, Audience: "a", JWKSURL: srv.URL + "/missing", jwksClient: srv.Client()}, nil, nil); err == nil {
		t.Fatal("New succeeded without a key set")
	}
	if d := time.Since(start); d > 25*time.Second {
		t.Fatalf("took %s to give up", d)
	}
}

// Keys fetched over plain HTTP could be swapped by anyone on the path, so
// outside development mode an http:// key set is refused before it is
// fetched, even when it serves good keys.
func TestOIDCRefusesPlainHTTPJWKS(t *testing.T) {
	idpKey := newRSAKey(t, "idp-1")
	mux := http.NewServeMux()
	var fetches atomic.Int32
	mux.HandleFunc("/keys", func(w http.ResponseWriter, _ *http.Request) {
		fetches.Add(1)
		pub, _ := idpKey.PublicKey()
		set := jwk.NewSet()
		_ = set.AddKey(pub)
		_ = json.NewEncoder(w).Encode(set)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	_, err := New(Config{Mode: ModeOIDC, Issuer: srv.URL, Audience: "a", JWKSURL: srv.URL + "/keys"}, nil, nil)
	if err == nil || !strings.Contains(err.Error(), "https") {
		t.Fatalf("http jwks accepted outside development: %v", err)
	}
	if fetches.Load() != 0 {
		t.Fatal("the refused key set was fetched")
	}
	a, err := New(Config{Mode: ModeOIDC, Issuer: srv.URL, Audience: "a", JWKSURL: srv.URL + "/keys", InsecureJWKS: true}, nil, nil)
	if err != nil {
		t.Fatalf("development mode: %v", err)
	}
	_ = a.Close()
}
