package httpapi

import (
	"errors"
	"net/http"
	"testing"

	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
)

type stubAuth struct {
	actor *keyline.Actor
	err   error
}

func (s stubAuth) Authenticate(*http.Request) (*keyline.Actor, error) { return s.actor, s.err }

func TestAuthenticate(t *testing.T) {
	tests := []struct {
		name      string
		auth      Authenticator
		status    int
		code      string
		challenge bool
	}{
		{"valid", stubAuth{actor: &keyline.Actor{Subject: "u"}}, 200, "", false},
		{"bad token", stubAuth{err: keyline.Errorf(keyline.CodeUnauthenticated, "invalid or expired token")}, 401, "UNAUTHENTICATED", true},
		{"nil actor, nil error", stubAuth{}, 401, "UNAUTHENTICATED", true},
		{"store down", stubAuth{err: keyline.Errorf(keyline.CodeUnavailable, "try again")}, 503, "UNAVAILABLE", false},
		{"unexpected error", stubAuth{err: errors.New("db password wrong for user neo4j")}, 500, "INTERNAL", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var seen *keyline.Actor
			h := requestID(zerolog.Nop())(authenticate(tt.auth, newAuthFailures(DefaultAuthFailuresPerMinute, DefaultAuthFailureBurst, nil))(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
				seen = keyline.ActorFrom(r.Context())
			})))
			rec := serve(h, graphqlRequest(""))
			if rec.Code != tt.status {
				t.Fatalf("status %d", rec.Code)
			}
			if tt.challenge != (rec.Header().Get("WWW-Authenticate") != "") {
				t.Fatalf("WWW-Authenticate %q", rec.Header().Get("WWW-Authenticate"))
			}
			if tt.code == "" {
				if seen == nil || seen.Subject != "u" || seen.RequestID == "" || seen.RequestID != rec.Header().Get(HeaderRequestID) {
					t.Fatalf("actor in context: %+v", seen)
				}
				return
			}
			code, msg := graphqlError(t, rec)
			if code != tt.code || msg == "" || (tt.code == "INTERNAL" && msg != "internal error") {
				t.Fatalf("got %s %q", code, msg)
			}
			if seen != nil {
				t.Fatal("handler ran without authentication")
			}
		})
	}
}
