package auth

import (
	"testing"
	"time"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwt"

	"github.com/keyline/keyline"
)

func TestVerifiedTokenCacheNeverOutlivesTheToken(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	c := newTokenCache()
	c.now = func() time.Time { return now }
	actor := &keyline.Actor{Subject: "s", Roles: []keyline.Role{keyline.RoleAnalyst}, Clearance: keyline.Secret}

	c.put("short", actor, now.Add(10*time.Second))
	c.put("long", actor, now.Add(time.Hour))
	c.put("expired", actor, now.Add(-time.Second))
	if _, ok := c.get("expired"); ok {
		t.Fatal("an expired token was cached")
	}
	got, ok := c.get("short")
	if !ok || got.Subject != "s" || got.Clearance != keyline.Secret {
		t.Fatalf("cached actor = %+v, %v", got, ok)
	}
	// Callers fill in membership and request ids: each gets its own copy.
	got.Roles[0] = keyline.RoleSIO
	got.Operations = []string{"op_x"}
	if again, _ := c.get("short"); again.Roles[0] != keyline.RoleAnalyst || again.Operations != nil {
		t.Fatalf("cached actor was changed through a copy: %+v", again)
	}

	now = now.Add(11 * time.Second) // past the short token's expiry
	if _, ok := c.get("short"); ok {
		t.Fatal("a token was accepted from the cache after it expired")
	}
	if _, ok := c.get("long"); !ok {
		t.Fatal("a valid token fell out of the cache early")
	}
	now = now.Add(verifiedTokenTTL) // past the cache's own bound
	if _, ok := c.get("long"); ok {
		t.Fatal("a verification outlived the cache TTL")
	}
}

func TestAuthenticateCachesOnlyVerifiedTokens(t *testing.T) {
	a := newDevAuthenticator(t, nil, nil)
	key := a.DevSigner().private
	good := signClaims(t, key, jwa.ES256(), devClaims())
	for i := 0; i < 2; i++ {
		actor, err := a.Authenticate(bearerRequest(good))
		if err != nil || actor.Subject != "dev-analyst" || !actor.Has(keyline.RoleAnalyst) {
			t.Fatalf("call %d: %+v, %v", i, actor, err)
		}
	}
	if _, ok := a.tokens.verified.get(good); !ok {
		t.Fatal("a verified token was not cached")
	}
	// A token differing from a cached one is checked afresh.
	if _, err := a.Authenticate(bearerRequest(tamper(good))); err == nil {
		t.Fatal("a tampered copy of a cached token was accepted")
	}
	// Accepted within the clock skew but already expired: not cached.
	late := signClaims(t, key, jwa.ES256(), withClaims(map[string]any{jwt.ExpirationKey: time.Now().Add(-10 * time.Second)}))
	if _, err := a.Authenticate(bearerRequest(late)); err != nil {
		t.Fatal(err)
	}
	if _, ok := a.tokens.verified.get(late); ok {
		t.Fatal("an expired token was cached")
	}
	n := len(a.tokens.verified.entries)
	if _, err := a.Authenticate(bearerRequest("not.a.token")); err == nil || len(a.tokens.verified.entries) != n {
		t.Fatalf("a rejected token changed the cache: %v", err)
	}
}
