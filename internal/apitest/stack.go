package apitest

import (
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/auth"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/httpapi"
	"github.com/keyline/keyline/server"
)

// Stack is the whole HTTP stack (server.Build) in development mode over a
// store, served on a loopback test server, for end-to-end tests of what
// the GraphQL handler alone does not do: authentication, probes, metrics,
// documents.
type Stack struct {
	App *server.App
	URL string
}

// NewStack builds and serves the stack; adjust changes the configuration
// (rate limits raised, dev signing key in a temporary directory) before it
// is built. Everything is closed when the test ends.
func NewStack(t testing.TB, store *cypher.Store, adjust func(*server.Config)) *Stack {
	t.Helper()
	cfg := server.Config{
		HTTP: httpapi.Config{Dev: true, RatePerSecond: 1000, RateBurst: 1000},
		Auth: auth.Config{Mode: auth.ModeDev, DevKeyPath: filepath.Join(t.TempDir(), "dev.pem")},
	}
	if adjust != nil {
		adjust(&cfg)
	}
	app, err := server.Build(store, cfg, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(app.Handler)
	t.Cleanup(func() {
		srv.Close()
		app.Auth.Close()
	})
	return &Stack{App: app, URL: srv.URL}
}

// Token signs a development token for actor a (its subject, roles and
// clearance).
func (s *Stack) Token(t testing.TB, a *keyline.Actor) string {
	t.Helper()
	token, err := s.App.Auth.DevSigner().Issue(auth.DevUser{Subject: a.Subject, Name: a.Name, Roles: a.Roles, Clearance: a.Clearance}, 0)
	if err != nil {
		t.Fatal(err)
	}
	return token
}
