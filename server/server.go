// Package server assembles Keyline from its parts: the Neo4j store, the
// authenticator, the GraphQL handler, the document routes and the HTTP
// layer. The CLI's serve command and the end-to-end tests both use it, so
// what is tested is what runs.
package server

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/auth"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/httpapi"
	"github.com/keyline/keyline/reports"
	"github.com/keyline/keyline/resolvers"
	"github.com/keyline/keyline/web"
)

// Config is what the server needs beyond the store.
type Config struct {
	HTTP httpapi.Config
	Auth auth.Config
	// OIDCClient is the workbench's public OIDC client (outside
	// development): the issuer, its client id and the scopes to ask for.
	OIDCClient httpapi.WorkbenchOIDC
}

// App is an assembled Keyline.
type App struct {
	Store    *cypher.Store
	Auth     *auth.Authenticator
	Handler  http.Handler
	Registry *prometheus.Registry
}

// Build assembles Keyline over an open, migrated store.
// devTokenTTL is how long a development sign-in lasts (a working day).
const devTokenTTL = 10 * time.Hour

func Build(store *cypher.Store, cfg Config, log zerolog.Logger) (*App, error) {
	if cfg.Auth.Mode == "" {
		return nil, fmt.Errorf("no identity provider: run with --dev or configure --oidc-issuer")
	}
	if cfg.HTTP.Dev && cfg.HTTP.Addr != "" && !httpapi.LoopbackAddr(cfg.HTTP.Addr) {
		// The explorer hands every visitor an analyst's token.
		return nil, fmt.Errorf("development mode listens on loopback addresses only, not %q", cfg.HTTP.Addr)
	}
	cfg.Auth.Logger = log
	authn, err := auth.New(cfg.Auth, accounts{store}, store)
	if err != nil {
		return nil, err
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}), store.Collector())
	gql := resolvers.NewHandler(store, log, resolvers.HandlerConfig{Introspection: cfg.HTTP.Dev, Suggestions: cfg.HTTP.Dev,
		MembershipChanged: authn.MembershipChanged})
	deps := httpapi.Deps{
		GraphQL:   gql,
		Documents: reports.Handler(store),
		Auth:      authn,
		Ready:     store.Ready,
		Logger:    log,
		Registry:  reg,
		Bookmarks: store,
	}
	wb := &httpapi.Workbench{Assets: web.Assets(), OIDC: cfg.OIDCClient}
	if signer := authn.DevSigner(); signer != nil && cfg.HTTP.Dev {
		for _, u := range auth.DevUsers {
			wb.DevRoles = append(wb.DevRoles, httpapi.DevRole{Role: strings.ToLower(string(u.Roles[0])), Name: u.Name})
		}
		wb.DevToken = func(role string) (string, time.Time, error) {
			user, ok := auth.DevUserForRole(role)
			if !ok {
				return "", time.Time{}, fmt.Errorf("no demo user for role %q", role)
			}
			tok, err := signer.Issue(user, devTokenTTL)
			return tok, time.Now().Add(devTokenTTL), err
		}
	}
	deps.Workbench = wb
	return &App{Store: store, Auth: authn, Handler: httpapi.Handler(cfg.HTTP, deps), Registry: reg}, nil
}

// accounts adapts the store's service accounts to the authenticator.
type accounts struct{ store *cypher.Store }

func (a accounts) ServiceAccount(ctx context.Context, id string) (*auth.ServiceAccount, error) {
	rec, err := a.store.ServiceAccount(ctx, id)
	if err != nil || rec == nil {
		return nil, err
	}
	sa := &auth.ServiceAccount{ID: rec.ID, Name: rec.Name, Operations: rec.Operations, SecretHash: rec.SecretHash, Revoked: rec.Revoked}
	for _, r := range rec.Roles {
		if role, ok := keyline.ParseRole(r); ok {
			sa.Roles = append(sa.Roles, role)
		}
	}
	if c, ok := auth.ParseClassification(rec.Clearance); ok {
		sa.Clearance = c
	}
	return sa, nil
}
