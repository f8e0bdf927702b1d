package auth

import (
	"context"
	"slices"
	"sync"
	"time"
)

// MembershipResolver finds the Officer record of an identity and the
// operations it belongs to; the store implements it. An identity with no
// officer record returns ("", nil, nil).
type MembershipResolver interface {
	Membership(ctx context.Context, subject string) (officerID string, operations []string, err error)
}

// membershipCacheSweepAt is the size at which expired entries are swept,
// so the map cannot grow without bound with one-off subjects.
const membershipCacheSweepAt = 1024

// membershipCache remembers membership per subject for a short time so a
// burst of requests is not a burst of database round trips. The TTL is
// short because membership changes (someone removed from an operation)
// must take effect promptly.
type membershipCache struct {
	resolver MembershipResolver
	ttl      time.Duration
	now      func() time.Time

	mu      sync.Mutex
	entries map[string]membershipEntry
}

type membershipEntry struct {
	officerID  string
	operations []string
	expires    time.Time
}

func newMembershipCache(r MembershipResolver, ttl time.Duration) *membershipCache {
	return &membershipCache{resolver: r, ttl: ttl, now: time.Now, entries: map[string]membershipEntry{}}
}

// forget drops every cached membership, so the next request of each
// identity reads it from the graph again.
func (c *membershipCache) forget() {
	c.mu.Lock()
	clear(c.entries)
	c.mu.Unlock()
}

// lookup returns the membership of subject, from the cache when fresh.
// Errors are never cached. Callers get their own copy of the slice.
func (c *membershipCache) lookup(ctx context.Context, subject string) (string, []string, error) {
	if c.resolver == nil {
		return "", nil, nil
	}
	if c.ttl > 0 {
		c.mu.Lock()
		e, ok := c.entries[subject]
		c.mu.Unlock()
		if ok && c.now().Before(e.expires) {
			return e.officerID, slices.Clone(e.operations), nil
		}
	}
	officerID, ops, err := c.resolver.Membership(ctx, subject)
	if err != nil {
		return "", nil, err
	}
	if c.ttl > 0 {
		now := c.now()
		c.mu.Lock()
		if len(c.entries) >= membershipCacheSweepAt {
			for k, e := range c.entries {
				if !now.Before(e.expires) {
					delete(c.entries, k)
				}
			}
		}
		c.entries[subject] = membershipEntry{officerID, slices.Clone(ops), now.Add(c.ttl)}
		c.mu.Unlock()
	}
	return officerID, slices.Clone(ops), nil
}

// scopeOperations is the need to know of a service account: the operations
// its officer record is currently a member of (member, from the graph) AND
// its configured scope. Both must say yes. No membership means no access:
// an account whose officer has left every operation, or that has no
// officer record at all, reaches nothing, however wide its scope. The
// result is never nil, so an empty intersection cannot be mistaken for
// "no limit" downstream.
func scopeOperations(member, scope []string) []string {
	out := []string{}
	for _, op := range member {
		if slices.Contains(scope, op) && !slices.Contains(out, op) {
			out = append(out, op)
		}
	}
	return out
}
