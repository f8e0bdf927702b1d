package auth

import (
	"crypto/sha256"
	"slices"
	"sync"
	"time"

	"github.com/keyline/keyline"
)

// A client sends the same bearer token with every request until it
// expires; checking its ECDSA/RSA signature each time was a sixth of
// Keyline's CPU on a small read. tokenCache remembers tokens that passed
// every check (signature, issuer, audience, validity, claims) and the
// actor read from them, keyed by a hash of the raw token, so a token is
// verified once per verifiedTokenTTL instead of once per request.
//
// An entry never outlives the token's own expiry, and never lives longer
// than verifiedTokenTTL, which bounds how long a token stays accepted
// after its signing key is withdrawn from the provider's key set. Only
// successes are kept: a bad token is checked (and refused) every time.
// Membership is not cached here (see membershipCache).
const (
	verifiedTokenTTL = time.Minute
	verifiedTokenMax = 4096
)

type cachedToken struct {
	actor keyline.Actor
	until time.Time
}

type tokenCache struct {
	mu      sync.Mutex
	now     func() time.Time
	entries map[[sha256.Size]byte]cachedToken
}

func newTokenCache() *tokenCache {
	return &tokenCache{now: time.Now, entries: map[[sha256.Size]byte]cachedToken{}}
}

// get returns a fresh copy of the actor of a token verified earlier and
// not yet expired.
func (c *tokenCache) get(raw string) (*keyline.Actor, bool) {
	if c == nil {
		return nil, false
	}
	key := sha256.Sum256([]byte(raw))
	c.mu.Lock()
	e, ok := c.entries[key]
	if ok && !c.now().Before(e.until) {
		delete(c.entries, key)
		ok = false
	}
	c.mu.Unlock()
	if !ok {
		return nil, false
	}
	a := e.actor
	a.Roles = slices.Clone(a.Roles)
	return &a, true
}

// put remembers a verified token's actor until min(expiry, now+TTL).
func (c *tokenCache) put(raw string, a *keyline.Actor, expiry time.Time) {
	if c == nil || expiry.IsZero() {
		return
	}
	now := c.now()
	until := now.Add(verifiedTokenTTL)
	if expiry.Before(until) {
		until = expiry
	}
	if !now.Before(until) {
		return
	}
	key := sha256.Sum256([]byte(raw))
	e := cachedToken{actor: *a, until: until}
	e.actor.Roles = slices.Clone(a.Roles)
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= verifiedTokenMax {
		for k, old := range c.entries {
			if !now.Before(old.until) {
				delete(c.entries, k)
			}
		}
		for k := range c.entries {
			if len(c.entries) < verifiedTokenMax {
				break
			}
			delete(c.entries, k)
		}
	}
	c.entries[key] = e
}
