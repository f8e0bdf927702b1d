package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/auth"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/httpapi"
	"github.com/keyline/keyline/internal/apitest"
	"github.com/keyline/keyline/internal/neo4jtest"
	"github.com/keyline/keyline/server"
)

// replica is one Keyline process: its own driver, store (with its
// bookmark manager and group commit), authenticator (membership cache),
// rate limiters and handler, served on its own port. Replicas made by
// one call of newReplicas share what a deployment's replicas share: the
// database, the token issuer and the bookmark key.
type replica struct {
	*apitest.Stack
	name string
}

func newReplicas(t *testing.T, n int, adjust func(*server.Config)) []replica {
	t.Helper()
	neo4jtest.Store(t) // migrated
	cfg, _ := neo4jtest.Config()
	// The test database is one instance (bolt://), where bookmarks are off
	// by default; replicas of a cluster carry them, which is what this
	// tests.
	cfg.Bookmarks = cypher.BookmarksOn
	devKey := filepath.Join(t.TempDir(), "dev.pem")
	var out []replica
	for i := range n {
		store, err := cypher.Open(t.Context(), cfg, zerolog.Nop())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { store.Close(context.Background()) })
		stack := apitest.NewStack(t, store, func(c *server.Config) {
			c.Auth.DevKeyPath = devKey
			c.HTTP.BookmarkKey = "one-deployment-bookmark-key-0123456789"
			if adjust != nil {
				adjust(c)
			}
		})
		out = append(out, replica{stack, fmt.Sprintf("process %d", i+1)})
	}
	return out
}

// reply is a GraphQL response over HTTP.
type reply struct {
	Status   int
	Bookmark string
	Data     map[string]any
	Errors   []struct {
		Message    string
		Extensions map[string]any
	}
	raw string
}

func (r reply) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// post sends a GraphQL operation to a replica with a token and,
// optionally, the bookmark a previous response carried.
func (r replica) post(t *testing.T, token, bookmark, query string, vars map[string]any) reply {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, r.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	if bookmark != "" {
		req.Header.Set(httpapi.HeaderBookmark, bookmark)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	buf.ReadFrom(resp.Body)
	out := reply{Status: resp.StatusCode, Bookmark: resp.Header.Get(httpapi.HeaderBookmark), raw: buf.String()}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatalf("%s: response is not JSON (%d): %s", r.name, resp.StatusCode, buf.String())
	}
	return out
}

// Two Keyline processes on one Neo4j, driven through GraphQL over HTTP:
// what one process writes the other reads at once (with the bookmark the
// first handed out), action numbers stay unique and gap-free, and a
// membership removal through one reaches the other within the membership
// cache's TTL. docs/SCALING.md describes each.
func TestTwoProcessesOnOneDatabase(t *testing.T) {
	env := apitest.New(t)
	sio := env.Officer(keyline.RoleSIO, keyline.Secret)
	analyst := env.Officer(keyline.RoleAnalyst, keyline.Secret)
	op := env.Operation(sio, analyst)
	ps := newReplicas(t, 2, nil)
	one, two := ps[0], ps[1]
	sioToken, analystToken := one.Token(t, sio), one.Token(t, analyst)

	t.Run("a write through one process is read at once through the other", func(t *testing.T) {
		wrote := one.post(t, sioToken, "", `mutation($op: ID!) { createPerson(input: {operationId: $op, givenNames: "Ann", familyName: "REPLICA"}) { id } }`,
			map[string]any{"op": op})
		if wrote.Status != 200 || len(wrote.Errors) > 0 || wrote.Bookmark == "" {
			t.Fatalf("write through %s: %d %s (bookmark %q)", one.name, wrote.Status, wrote.raw, wrote.Bookmark)
		}
		id := wrote.Data["createPerson"].(map[string]any)["id"].(string)
		read := two.post(t, sioToken, wrote.Bookmark, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
		if len(read.Errors) > 0 || read.Data["node"] == nil {
			t.Fatalf("read through %s with %s's bookmark: %s", two.name, one.name, read.raw)
		}
		if read.Bookmark == "" {
			t.Fatalf("%s hands back no bookmark", two.name)
		}
		// A header not sealed with the deployment's key is ignored, not
		// an error.
		forged := two.post(t, sioToken, "Rk06Zm9yZ2Vk.bm90LWEtbWFj", `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
		if len(forged.Errors) > 0 || forged.Data["node"] == nil {
			t.Fatalf("an unsealed bookmark must be ignored: %s", forged.raw)
		}
	})

	t.Run("action numbers stay unique and gap-free across processes", func(t *testing.T) {
		const perProcess, clients = 60, 6
		var mu sync.Mutex
		seen := map[int]string{}
		var wg sync.WaitGroup
		for _, p := range ps {
			for range clients {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range perProcess / clients {
						res := p.post(t, sioToken, "", `mutation($op: ID!) { raiseAction(input: {operationId: $op, title: "Raised on two processes"}) { number } }`,
							map[string]any{"op": op})
						if len(res.Errors) > 0 {
							t.Errorf("raise through %s: %s", p.name, res.raw)
							return
						}
						var n int
						fmt.Sscanf(res.Data["raiseAction"].(map[string]any)["number"].(string), "A%d", &n)
						mu.Lock()
						if other, dup := seen[n]; dup {
							t.Errorf("A%d given twice (by %s and %s)", n, other, p.name)
						}
						seen[n] = p.name
						mu.Unlock()
					}
				}()
			}
		}
		wg.Wait()
		total := perProcess * len(ps)
		if len(seen) != total {
			t.Fatalf("got %d distinct numbers, want %d", len(seen), total)
		}
		for i := 1; i <= total; i++ {
			if seen[i] == "" {
				t.Fatalf("numbers have a gap at A%d", i)
			}
		}
	})

	t.Run("a membership removal through one process reaches the other within the TTL", func(t *testing.T) {
		read := func(p replica) bool {
			res := p.post(t, analystToken, "", `query($op: ID!) { operation(id: $op) { id } }`, map[string]any{"op": op})
			if len(res.Errors) > 0 {
				t.Fatalf("read through %s: %s", p.name, res.raw)
			}
			return res.Data["operation"] != nil
		}
		if !read(one) || !read(two) {
			t.Fatal("a member reads the operation through both processes")
		}
		// Both processes now hold the analyst's membership in their cache.
		removed := one.post(t, sioToken, "", `mutation($op: ID!, $off: ID!) { removeOperationMember(operationId: $op, officerId: $off) { id } }`,
			map[string]any{"op": op, "off": analyst.OfficerID})
		if len(removed.Errors) > 0 {
			t.Fatalf("remove: %s", removed.raw)
		}
		start := time.Now()
		if read(one) {
			t.Fatalf("%s, which made the removal, must enforce it at the next request", one.name)
		}
		bound := auth.DefaultMembershipTTL + time.Second // the TTL, and the slack of a loaded test machine
		for read(two) {
			if time.Since(start) > bound {
				t.Fatalf("%s still lets the removed member read after %v; the documented bound is the membership TTL, %v",
					two.name, time.Since(start).Round(time.Millisecond), auth.DefaultMembershipTTL)
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Logf("%s enforced the removal after %v (TTL %v)", two.name, time.Since(start).Round(time.Millisecond), auth.DefaultMembershipTTL)
	})
}

// Rate limits are kept in each process's memory: an identity's request
// budget and a client address's failed-authentication budget are per
// process, so N replicas allow N times either. The cost limits are
// checked per request and hold alike everywhere. docs/SCALING.md gives
// the arithmetic for a load balancer.
func TestRateLimitsArePerProcess(t *testing.T) {
	env := apitest.New(t)
	analyst := env.Officer(keyline.RoleAnalyst, keyline.Secret)
	const burst, failures = 3, 2
	ps := newReplicas(t, 2, func(c *server.Config) {
		// No refill within the test: only the burst counts.
		c.HTTP.RatePerSecond, c.HTTP.RateBurst = 0.001, burst
		c.HTTP.AuthFailuresPerMinute, c.HTTP.AuthFailureBurst = 0.001, failures
	})
	token := ps[0].Token(t, analyst)
	me := `{ me { subject } }`

	for _, p := range ps {
		for i := range burst {
			if res := p.post(t, token, "", me, nil); res.Status != 200 {
				t.Fatalf("%s: request %d of the burst of %d refused: %d %s", p.name, i+1, burst, res.Status, res.raw)
			}
		}
		if res := p.post(t, token, "", me, nil); res.Status != http.StatusTooManyRequests || res.code() != httpapi.CodeRateLimited {
			t.Fatalf("%s: request %d: want 429 RATE_LIMITED, got %d %s", p.name, burst+1, res.Status, res.raw)
		}
	}

	// The cost limits need no shared state: the same question is refused
	// by both.
	var aliases strings.Builder
	for i := range 31 {
		fmt.Fprintf(&aliases, "a%d: __typename ", i)
	}
	third := ps[1].Token(t, env.Officer(keyline.RoleAnalyst, keyline.Secret))
	for _, p := range ps {
		if res := p.post(t, third, "", "{ "+aliases.String()+"}", nil); res.code() != string(keyline.CodeLimit) {
			t.Fatalf("%s: 31 aliases: want LIMIT_EXCEEDED, got %d %s", p.name, res.Status, res.raw)
		}
	}

	// Another identity, from the same address: the failed-authentication
	// throttle of process 1 does not reach process 2.
	other := ps[0].Token(t, env.Officer(keyline.RoleAnalyst, keyline.Secret))
	for range failures {
		if res := ps[0].post(t, "forged", "", me, nil); res.Status != http.StatusUnauthorized {
			t.Fatalf("a forged token: %d %s", res.Status, res.raw)
		}
	}
	if res := ps[0].post(t, other, "", me, nil); res.Status != http.StatusTooManyRequests {
		t.Fatalf("%s: after %d failures the address is refused before its credentials are checked: %d %s", ps[0].name, failures, res.Status, res.raw)
	}
	if res := ps[1].post(t, other, "", me, nil); res.Status != 200 {
		t.Fatalf("%s keeps its own count of failures: %d %s", ps[1].name, res.Status, res.raw)
	}
}
