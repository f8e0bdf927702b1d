package auth

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/keyline/keyline"
)

func TestAuthenticateMembership(t *testing.T) {
	feedKey, feedHash, _ := NewAPIKey("feed")
	toolKey, toolHash, _ := NewAPIKey("tool")
	idleKey, idleHash, _ := NewAPIKey("idle")
	accounts := fakeAccounts{accounts: map[string]*ServiceAccount{
		"feed": {ID: "feed", Roles: []keyline.Role{keyline.RoleExternalSystem}, Operations: []string{"op_1", "op_2"}, SecretHash: feedHash},
		"tool": {ID: "tool", Roles: []keyline.Role{keyline.RoleAnalyst}, Operations: []string{"op_1"}, SecretHash: toolHash},
		"idle": {ID: "idle", Roles: []keyline.Role{keyline.RoleExternalSystem}, Operations: []string{"op_1", "op_2"}, SecretHash: idleHash},
	}}
	members := &fakeMembers{
		officers: map[string]string{"dev-sio": "off_sio", "svc:feed": "off_feed", "svc:idle": "off_idle"},
		ops: map[string][]string{
			"dev-sio":  {"op_1", "op_3"},
			"svc:feed": {"op_2", "op_3"}, // op_3 is outside the key's scope
		},
	}
	a := newDevAuthenticator(t, accounts, members)
	sio, _ := DevUserForRole("SIO")
	sioToken, err := a.DevSigner().Issue(sio, time.Minute)
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name      string
		header    string
		value     string
		subject   string
		officerID string
		ops       []string
	}{
		{"officer", "Authorization", "Bearer " + sioToken, "dev-sio", "off_sio", []string{"op_1", "op_3"}},
		{"service account limited to its scope", "X-API-Key", feedKey, "svc:feed", "off_feed", []string{"op_2"}},
		// No membership means no access: neither an account without an
		// officer record nor one whose officer left every operation falls
		// back to its configured scope.
		{"service account with no officer record reaches nothing", "X-API-Key", toolKey, "svc:tool", "", []string{}},
		{"service account whose officer has no membership reaches nothing", "X-API-Key", idleKey, "svc:idle", "off_idle", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
			r.Header.Set(tt.header, tt.value)
			actor, err := a.Authenticate(r)
			if err != nil {
				t.Fatal(err)
			}
			if actor.Subject != tt.subject || actor.OfficerID != tt.officerID || !slices.Equal(actor.Operations, tt.ops) {
				t.Fatalf("actor = %+v", actor)
			}
		})
	}

	calls := members.callCount()
	for range 10 {
		if _, err := a.Authenticate(bearerRequest(sioToken)); err != nil {
			t.Fatal(err)
		}
	}
	if members.callCount() != calls {
		t.Fatalf("membership looked up %d more times within the TTL", members.callCount()-calls)
	}
}

func TestAuthenticateFailures(t *testing.T) {
	members := &fakeMembers{err: errors.New("bolt: connection reset")}
	a := newDevAuthenticator(t, nil, members)
	sio, _ := DevUserForRole("SIO")
	tok, _ := a.DevSigner().Issue(sio, time.Minute)

	tests := []struct {
		name   string
		header http.Header
		code   keyline.Code
		msg    string
	}{
		{"no credentials", http.Header{}, keyline.CodeUnauthenticated, msgRequired},
		{"unknown scheme", http.Header{"Authorization": {"Basic Zm9vOmJhcg=="}}, keyline.CodeUnauthenticated, msgBadHeader},
		{"bad token", http.Header{"Authorization": {"Bearer x.y.z"}}, keyline.CodeUnauthenticated, msgBadToken},
		{"api keys not configured", http.Header{"X-Api-Key": {"kl_a_b"}}, keyline.CodeUnauthenticated, msgBadAPIKey},
		{"membership store down", http.Header{"Authorization": {"Bearer " + tok}}, keyline.CodeUnavailable, msgIdentityDB},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
			r.Header = tt.header
			actor, err := a.Authenticate(r)
			var kerr *keyline.Error
			if actor != nil || !errors.As(err, &kerr) {
				t.Fatalf("want *keyline.Error, got %v, %v", actor, err)
			}
			if kerr.Code != tt.code || kerr.Message != tt.msg {
				t.Fatalf("got %s %q, want %s %q", kerr.Code, kerr.Message, tt.code, tt.msg)
			}
		})
	}
}

// FuzzAuthenticateHeader throws arbitrary header values at Authenticate:
// it must never panic, must fail with a client-safe UNAUTHENTICATED error,
// and must never echo the input back in the message.
func FuzzAuthenticateHeader(f *testing.F) {
	key, _, _ := NewAPIKey("feed")
	for _, seed := range [][2]string{
		{"Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", ""},
		{"Bearer a.b.c", ""},
		{"ApiKey " + key, ""},
		{"", key},
		{"Basic dXNlcjpwYXNz", ""},
		{"Bearer " + strings.Repeat("A", 100) + "." + strings.Repeat("B", 100) + ".", ""},
		{"bearer\t..", ""},
		{"", "kl__"},
	} {
		f.Add(seed[0], seed[1])
	}
	dir := f.TempDir()
	a, err := New(Config{Mode: ModeDev, DevKeyPath: dir + "/dev.pem"}, fakeAccounts{}, nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, authorization, apiKey string) {
		r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
		if authorization != "" {
			r.Header["Authorization"] = []string{authorization}
		}
		if apiKey != "" {
			r.Header["X-Api-Key"] = []string{apiKey}
		}
		actor, err := a.Authenticate(r)
		if err == nil {
			t.Fatalf("accepted %q / %q as %+v", authorization, apiKey, actor)
		}
		if keyline.ErrorCode(err) != keyline.CodeUnauthenticated {
			t.Fatalf("code %s for %q / %q", keyline.ErrorCode(err), authorization, apiKey)
		}
		switch err.Error() {
		case msgRequired, msgBadHeader, msgBadToken, msgBadAPIKey:
		default:
			t.Fatalf("unexpected message %q", err.Error())
		}
	})
}
