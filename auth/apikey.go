package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/keyline/keyline"
)

// API keys look like kl_<accountID>_<secret>. The prefix makes a leaked
// key easy to recognise (and to add to secret scanners); the account id
// lets us find the record without a search over hashes.
const (
	apiKeyPrefix         = "kl_"
	apiKeySecretBytes    = 32
	serviceSubjectPrefix = "svc:"
	maxAccountIDLen      = 64
)

var apiKeySecretLen = base64.RawURLEncoding.EncodedLen(apiKeySecretBytes)

// ServiceAccount is an external system's identity. Only a hash of its key's
// secret is kept.
type ServiceAccount struct {
	ID         string
	Name       string
	Roles      []keyline.Role
	Operations []string // the only operations the account may touch
	Clearance  keyline.Classification
	SecretHash string // HashAPIKeySecret of the key's secret
	Revoked    bool
}

// ServiceAccounts finds service accounts by id; the store implements it.
// An unknown id returns (nil, nil).
type ServiceAccounts interface {
	ServiceAccount(ctx context.Context, id string) (*ServiceAccount, error)
}

// NewAPIKey makes a key for accountID. Give plaintext to the caller once
// and store only hash.
func NewAPIKey(accountID string) (plaintext, hash string, err error) {
	if !validAccountID(accountID) {
		return "", "", fmt.Errorf("auth: account id %q must be 1-%d characters of A-Z, a-z, 0-9, hyphen or dot", accountID, maxAccountIDLen)
	}
	b := make([]byte, apiKeySecretBytes)
	if _, err := rand.Read(b); err != nil {
		return "", "", fmt.Errorf("auth: generate api key: %w", err)
	}
	secret := base64.RawURLEncoding.EncodeToString(b)
	return apiKeyPrefix + accountID + "_" + secret, HashAPIKeySecret(secret), nil
}

// HashAPIKeySecret is the stored form of a key's secret part (the text
// after the account id): hex SHA-256. The secret is 256 random bits, so a
// plain hash is enough; there is nothing to brute-force.
func HashAPIKeySecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// parseAPIKey splits a key into account id and secret. The secret may
// itself contain "_", so the id ends at the first one.
func parseAPIKey(key string) (accountID, secret string, err error) {
	rest, ok := strings.CutPrefix(key, apiKeyPrefix)
	if !ok {
		return "", "", errors.New("api key lacks the kl_ prefix")
	}
	accountID, secret, ok = strings.Cut(rest, "_")
	if !ok || !validAccountID(accountID) {
		return "", "", errors.New("api key has no valid account id")
	}
	if len(secret) != apiKeySecretLen {
		return "", "", errors.New("api key secret has the wrong length")
	}
	if _, err := base64.RawURLEncoding.DecodeString(secret); err != nil {
		return "", "", errors.New("api key secret is not base64url")
	}
	return accountID, secret, nil
}

func validAccountID(id string) bool {
	if id == "" || len(id) > maxAccountIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// dummyHash is compared against when the account does not exist, so that
// unknown and known accounts take the same time to reject.
var dummyHash = HashAPIKeySecret(strings.Repeat("x", apiKeySecretLen))

// verifyAPIKey checks key against its account and returns the actor it
// stands for (before membership is resolved).
func verifyAPIKey(ctx context.Context, accounts ServiceAccounts, key string) (*keyline.Actor, error) {
	if accounts == nil {
		return nil, errors.New("api keys are not enabled")
	}
	id, secret, err := parseAPIKey(key)
	if err != nil {
		return nil, err
	}
	acct, err := accounts.ServiceAccount(ctx, id)
	if err != nil {
		return nil, &lookupError{err}
	}
	want := dummyHash
	if acct != nil {
		want = acct.SecretHash
	}
	match := subtle.ConstantTimeCompare([]byte(HashAPIKeySecret(secret)), []byte(want)) == 1
	switch {
	case acct == nil || acct.ID != id:
		return nil, errors.New("unknown service account")
	case !match:
		return nil, errors.New("api key secret does not match")
	case acct.Revoked:
		return nil, errors.New("service account is revoked")
	}
	clearance := acct.Clearance
	if clearance == "" {
		clearance = keyline.Official
	}
	if !clearance.Valid() {
		return nil, fmt.Errorf("service account clearance %q is not a classification", clearance)
	}
	roles := parseRoles(rolesToStrings(acct.Roles))
	if len(roles) == 0 {
		return nil, errors.New("service account has no Keyline role")
	}
	return &keyline.Actor{
		Subject:          serviceSubjectPrefix + acct.ID,
		Name:             acct.Name,
		Roles:            roles,
		Clearance:        clearance,
		ScopedOperations: append([]string(nil), acct.Operations...),
	}, nil
}

func rolesToStrings(roles []keyline.Role) []string {
	out := make([]string, len(roles))
	for i, r := range roles {
		out[i] = string(r)
	}
	return out
}

// lookupError marks a failure to consult the store (as opposed to a bad
// credential): the caller is not to blame, so it is not reported as 401.
type lookupError struct{ err error }

func (e *lookupError) Error() string { return "credential lookup: " + e.err.Error() }
func (e *lookupError) Unwrap() error { return e.err }

// Rejected API keys are remembered briefly so that a client repeating a
// bad key (a misconfigured integration, or a guesser) costs one store
// lookup per rejectedKeyTTL rather than one per request. Only rejections
// are remembered, keyed by a hash of the whole key: a revoked key is
// refused at once (acceptances are never cached), and a newly created key
// is a new secret, so no earlier rejection can shadow it. An account
// reinstated after revocation may wait out rejectedKeyTTL.
const (
	rejectedKeyTTL = 30 * time.Second
	rejectedKeyMax = 10_000
)

var errRecentlyRejected = errors.New("api key was rejected moments ago")

// rejectedKeys is a bounded, expiring set of hashes of rejected keys.
type rejectedKeys struct {
	ttl time.Duration
	max int
	now func() time.Time

	mu    sync.Mutex
	until map[[sha256.Size]byte]time.Time
}

func newRejectedKeys() *rejectedKeys {
	return &rejectedKeys{ttl: rejectedKeyTTL, max: rejectedKeyMax, now: time.Now, until: map[[sha256.Size]byte]time.Time{}}
}

// verify is verifyAPIKey answering recently rejected keys from memory. A
// malformed key is refused without a lookup and not remembered; a store
// failure is not a rejection and is not remembered either.
func (c *rejectedKeys) verify(ctx context.Context, accounts ServiceAccounts, key string) (*keyline.Actor, error) {
	if _, _, err := parseAPIKey(key); err != nil || accounts == nil {
		return verifyAPIKey(ctx, accounts, key)
	}
	h := sha256.Sum256([]byte(key))
	if c.rejected(h) {
		return nil, errRecentlyRejected
	}
	actor, err := verifyAPIKey(ctx, accounts, key)
	var le *lookupError
	if err != nil && !errors.As(err, &le) {
		c.remember(h)
	}
	return actor, err
}

func (c *rejectedKeys) rejected(h [sha256.Size]byte) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	until, ok := c.until[h]
	if ok && !c.now().Before(until) {
		delete(c.until, h)
		return false
	}
	return ok
}

func (c *rejectedKeys) remember(h [sha256.Size]byte) {
	now := c.now()
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.until) >= c.max {
		for k, until := range c.until {
			if !now.Before(until) {
				delete(c.until, k)
			}
		}
		// Still full: forget an arbitrary entry rather than grow.
		for k := range c.until {
			if len(c.until) < c.max {
				break
			}
			delete(c.until, k)
		}
	}
	c.until[h] = now.Add(c.ttl)
}

func (c *rejectedKeys) size() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.until)
}
