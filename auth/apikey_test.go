package auth

import (
	"context"
	"crypto/sha256"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/keyline/keyline"
)

func TestNewAPIKey(t *testing.T) {
	key, hash, err := NewAPIKey("feed-1")
	if err != nil {
		t.Fatal(err)
	}
	id, secret, err := parseAPIKey(key)
	if err != nil || id != "feed-1" {
		t.Fatalf("parse own key: id %q err %v", id, err)
	}
	if HashAPIKeySecret(secret) != hash || strings.Contains(hash, secret) {
		t.Fatal("hash is not the SHA-256 of the secret")
	}
	other, _, _ := NewAPIKey("feed-1")
	if other == key {
		t.Fatal("two keys are equal")
	}
	for _, bad := range []string{"", "has_underscore", "sp ace", strings.Repeat("a", 65)} {
		if _, _, err := NewAPIKey(bad); err == nil {
			t.Errorf("NewAPIKey(%q) succeeded", bad)
		}
	}
}

func TestParseAPIKey(t *testing.T) {
	good, _, _ := NewAPIKey("acct.2")
	secret := good[len("kl_acct.2_"):]
	tests := []struct {
		name, key, id string
		ok            bool
	}{
		{"generated", good, "acct.2", true},
		{"secret containing underscores", "kl_a_" + strings.Repeat("_", len(secret)), "a", true},
		{"no prefix", "acct.2_" + secret, "", false},
		{"wrong prefix case", "KL_acct.2_" + secret, "", false},
		{"no account", "kl__" + secret, "", false},
		{"no separator", "kl_acct" + secret, "", false},
		{"short secret", "kl_acct_" + secret[1:], "", false},
		{"long secret", "kl_acct_" + secret + "A", "", false},
		{"secret not base64url", "kl_acct_" + strings.Repeat("+", len(secret)), "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, _, err := parseAPIKey(tt.key)
			if tt.ok != (err == nil) || id != tt.id {
				t.Fatalf("id %q err %v", id, err)
			}
		})
	}
}

func TestAPIKeys(t *testing.T) {
	live, liveHash, _ := NewAPIKey("feed")
	revoked, revokedHash, _ := NewAPIKey("old-feed")
	wrongSecret, _, _ := NewAPIKey("feed") // right account, wrong secret
	unknown, _, _ := NewAPIKey("nobody")
	accounts := fakeAccounts{accounts: map[string]*ServiceAccount{
		"feed": {ID: "feed", Name: "Intel feed", Roles: []keyline.Role{keyline.RoleExternalSystem},
			Operations: []string{"op_1", "op_2"}, Clearance: keyline.OfficialSensitive, SecretHash: liveHash},
		"old-feed": {ID: "old-feed", Roles: []keyline.Role{keyline.RoleExternalSystem}, SecretHash: revokedHash, Revoked: true},
	}}
	// The key's officer record is a member of both operations in its
	// scope (without membership a key reaches nothing).
	members := &fakeMembers{officers: map[string]string{"svc:feed": "off_feed"}, ops: map[string][]string{"svc:feed": {"op_1", "op_2"}}}
	a := newDevAuthenticator(t, accounts, members)

	tests := []struct {
		name   string
		header http.Header
		ok     bool
	}{
		{"Authorization ApiKey", http.Header{"Authorization": {"ApiKey " + live}}, true},
		{"scheme any case", http.Header{"Authorization": {"apikey " + live}}, true},
		{"X-API-Key", http.Header{"X-Api-Key": {live}}, true},
		{"revoked", http.Header{"X-Api-Key": {revoked}}, false},
		{"wrong secret", http.Header{"X-Api-Key": {wrongSecret}}, false},
		{"unknown account", http.Header{"X-Api-Key": {unknown}}, false},
		{"malformed", http.Header{"X-Api-Key": {"kl_feed"}}, false},
		{"key as bearer token", http.Header{"Authorization": {"Bearer " + live}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
			r.Header = tt.header
			actor, err := a.Authenticate(r)
			if !tt.ok {
				if keyline.ErrorCode(err) != keyline.CodeUnauthenticated {
					t.Fatalf("want UNAUTHENTICATED, got %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := &keyline.Actor{Subject: "svc:feed", Name: "Intel feed", Roles: []keyline.Role{keyline.RoleExternalSystem},
				Clearance: keyline.OfficialSensitive, Operations: []string{"op_1", "op_2"}, ScopedOperations: []string{"op_1", "op_2"}}
			if actor.Subject != want.Subject || actor.Name != want.Name || !equalRoles(actor.Roles, want.Roles) ||
				actor.Clearance != want.Clearance || !slices.Equal(actor.Operations, want.Operations) ||
				!slices.Equal(actor.ScopedOperations, want.ScopedOperations) {
				t.Fatalf("actor = %+v, want %+v", actor, want)
			}
		})
	}
}

func TestAPIKeyStoreFailureIsUnavailable(t *testing.T) {
	key, _, _ := NewAPIKey("feed")
	a := newDevAuthenticator(t, fakeAccounts{err: errors.New("neo4j: connection refused")}, nil)
	r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
	r.Header.Set("X-API-Key", key)
	_, err := a.Authenticate(r)
	if keyline.ErrorCode(err) != keyline.CodeUnavailable || strings.Contains(err.Error(), "neo4j") {
		t.Fatalf("err = %v, want a bland UNAVAILABLE", err)
	}
}

func TestAPIKeysDisabled(t *testing.T) {
	key, _, _ := NewAPIKey("feed")
	_, err := verifyAPIKey(context.Background(), nil, key)
	if err == nil {
		t.Fatal("accepted a key with no account store")
	}
}

// countingAccounts is a mutable ServiceAccounts counting its lookups (each
// a Neo4j round trip in production).
type countingAccounts struct {
	mu       sync.Mutex
	accounts map[string]*ServiceAccount
	lookups  int
}

func (c *countingAccounts) ServiceAccount(_ context.Context, id string) (*ServiceAccount, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lookups++
	if a, ok := c.accounts[id]; ok {
		cp := *a
		return &cp, nil
	}
	return nil, nil
}

func (c *countingAccounts) set(a *ServiceAccount) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.accounts[a.ID] = a
}

func (c *countingAccounts) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lookups
}

// A repeated bad key is answered from memory for a while instead of a
// store lookup each time; a key created after its account id was guessed
// works at once, and a revoked key is refused at once.
func TestRejectedAPIKeysAreRemembered(t *testing.T) {
	accounts := &countingAccounts{accounts: map[string]*ServiceAccount{}}
	a := newDevAuthenticator(t, accounts, nil)
	now := time.Unix(1_700_000_000, 0)
	a.badKeys.now = func() time.Time { return now }
	call := func(key string) error {
		r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
		r.Header.Set("X-API-Key", key)
		_, err := a.Authenticate(r)
		return err
	}

	guess, _, _ := NewAPIKey("feed")
	for range 120 {
		if err := call(guess); keyline.ErrorCode(err) != keyline.CodeUnauthenticated {
			t.Fatalf("bad key: %v", err)
		}
	}
	if n := accounts.count(); n != 1 {
		t.Fatalf("%d lookups for one repeated bad key, want 1", n)
	}
	for range 3 {
		_ = call("kl_feed_malformed")
	}
	if n := accounts.count(); n != 1 || a.badKeys.size() != 1 {
		t.Fatalf("malformed keys looked up (%d) or remembered (%d)", n, a.badKeys.size())
	}
	now = now.Add(rejectedKeyTTL)
	_ = call(guess)
	if n := accounts.count(); n != 2 {
		t.Fatalf("%d lookups after the rejection expired, want 2", n)
	}

	// The account is created now, with a key of its own: it works at once.
	key, hash, _ := NewAPIKey("feed")
	accounts.set(&ServiceAccount{ID: "feed", Roles: []keyline.Role{keyline.RoleExternalSystem}, Operations: []string{"op_1"}, SecretHash: hash})
	if err := call(key); err != nil {
		t.Fatalf("new key refused: %v", err)
	}
	if err := call(guess); keyline.ErrorCode(err) != keyline.CodeUnauthenticated {
		t.Fatalf("old guess after creation: %v", err)
	}
	// Revoked: refused on the next request.
	accounts.set(&ServiceAccount{ID: "feed", Roles: []keyline.Role{keyline.RoleExternalSystem}, Operations: []string{"op_1"}, SecretHash: hash, Revoked: true})
	if err := call(key); keyline.ErrorCode(err) != keyline.CodeUnauthenticated {
		t.Fatalf("revoked key: %v", err)
	}
}

// A store failure is not a rejection: the next request asks again.
func TestAPIKeyStoreFailureIsNotRemembered(t *testing.T) {
	key, _, _ := NewAPIKey("feed")
	a := newDevAuthenticator(t, fakeAccounts{err: errors.New("connection refused")}, nil)
	r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
	r.Header.Set("X-API-Key", key)
	for range 2 {
		if _, err := a.Authenticate(r); keyline.ErrorCode(err) != keyline.CodeUnavailable {
			t.Fatalf("err = %v", err)
		}
	}
	if a.badKeys.size() != 0 {
		t.Fatal("a store failure was remembered as a rejection")
	}
}

func TestRejectedKeysBounded(t *testing.T) {
	c := newRejectedKeys()
	c.max = 10
	for i := range 100 {
		c.remember(sha256.Sum256([]byte{byte(i)}))
	}
	if c.size() > 10 {
		t.Fatalf("%d remembered, bound 10", c.size())
	}
}
