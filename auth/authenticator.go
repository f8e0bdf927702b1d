// Package auth establishes who is calling: it verifies bearer JWTs (RS256
// or ES256, from an OIDC provider's JWKS or the local dev key) and service
// account API keys, and turns them into a keyline.Actor with its officer
// record and operation membership.
package auth

import (
	"context"
	"errors"
	"net/http"

	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
)

// Messages clients see. They say what to do, never why a credential
// failed: the reason helps an attacker more than a user.
const (
	msgRequired   = "authentication required"
	msgBadToken   = "invalid or expired token"
	msgBadAPIKey  = "invalid API key"
	msgBadHeader  = "malformed credentials"
	msgIdentityDB = "identity could not be checked; try again"
)

// Authenticator turns a request's credentials into a keyline.Actor.
type Authenticator struct {
	tokens   tokenVerifier
	accounts ServiceAccounts
	badKeys  *rejectedKeys
	members  *membershipCache
	remote   *remoteKeys // nil in dev mode
	dev      *DevSigner  // nil in oidc mode
	log      zerolog.Logger
}

// New builds an Authenticator. In dev mode it loads (or creates) the dev
// signing key; in oidc mode it fetches the provider's JWKS once before
// returning, so misconfiguration fails at start-up. accounts may be nil
// (API keys refused); members may be nil (no operations).
func New(cfg Config, accounts ServiceAccounts, members MembershipResolver) (*Authenticator, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	a := &Authenticator{
		accounts: accounts,
		badKeys:  newRejectedKeys(),
		members:  newMembershipCache(members, cfg.MembershipTTL),
		log:      cfg.Logger,
	}
	var keys keySource
	switch cfg.Mode {
	case ModeDev:
		if a.dev, err = LoadOrCreateDevKey(cfg.DevKeyPath); err != nil {
			return nil, err
		}
		keys = staticKeys{a.dev.PublicKeys()}
	case ModeOIDC:
		if a.remote, err = newRemoteKeys(cfg.JWKSURL, cfg.jwksClient); err != nil {
			return nil, err
		}
		keys = a.remote
	}
	a.tokens = tokenVerifier{keys: keys, issuer: cfg.Issuer, audience: cfg.Audience, skew: cfg.ClockSkew, verified: newTokenCache()}
	return a, nil
}

// DevSigner is the dev-mode token signer, or nil in oidc mode.
func (a *Authenticator) DevSigner() *DevSigner { return a.dev }

// MembershipChanged is called after a write that changes who belongs to
// an operation (opening one, adding or removing a member): this process
// forgets its cached memberships, so the change holds from the next
// request on. Other processes see it within the cache's TTL.
func (a *Authenticator) MembershipChanged() { a.members.forget() }

// Close stops background key refreshes.
func (a *Authenticator) Close() error {
	if a.remote != nil {
		a.remote.close()
	}
	return nil
}

// Authenticate verifies the request's credentials and returns its actor,
// with officer record and operations filled in. Every failure is a
// *keyline.Error: CodeUnauthenticated for a missing or bad credential, or
// CodeUnavailable when the store could not be consulted (the caller is
// not at fault and should retry).
func (a *Authenticator) Authenticate(r *http.Request) (*keyline.Actor, error) {
	ctx := r.Context()
	cred, err := parseCredential(r.Header)
	if err != nil {
		return nil, a.reject(ctx, msgBadHeader, err)
	}
	var actor *keyline.Actor
	switch cred.kind {
	case credentialNone:
		return nil, keyline.Errorf(keyline.CodeUnauthenticated, msgRequired)
	case credentialBearer:
		if actor, err = a.tokens.verify(ctx, cred.value); err != nil {
			return nil, a.reject(ctx, msgBadToken, err)
		}
	case credentialAPIKey:
		if actor, err = a.badKeys.verify(ctx, a.accounts, cred.value); err != nil {
			return nil, a.reject(ctx, msgBadAPIKey, err)
		}
	}
	officerID, ops, err := a.members.lookup(ctx, actor.Subject)
	if err != nil {
		return nil, a.reject(ctx, msgIdentityDB, &lookupError{err})
	}
	actor.OfficerID = officerID
	actor.Operations = ops
	if cred.kind == credentialAPIKey {
		actor.Operations = scopeOperations(ops, actor.ScopedOperations)
	}
	return actor, nil
}

// reject logs the real reason server-side and returns the client-safe
// error.
func (a *Authenticator) reject(ctx context.Context, msg string, cause error) *keyline.Error {
	var le *lookupError
	if errors.As(cause, &le) {
		// Not the caller's fault, and operators need to see it.
		a.log.Warn().Ctx(ctx).Err(cause).Msg("identity lookup failed")
		return keyline.Errorf(keyline.CodeUnavailable, "%s", msgIdentityDB)
	}
	a.log.Debug().Ctx(ctx).Err(cause).Msg("credential rejected")
	return keyline.Errorf(keyline.CodeUnauthenticated, "%s", msg)
}
