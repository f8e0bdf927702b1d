package auth

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

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
	a := newDevAuthenticator(t, accounts, nil)

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
