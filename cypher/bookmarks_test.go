package cypher_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/internal/neo4jtest"
)

// openStore opens a store of its own (its own driver and bookmark
// manager: another Keyline process) on the test database.
func openStore(t *testing.T) *cypher.Store {
	t.Helper()
	neo4jtest.Store(t) // migrated
	cfg, _ := neo4jtest.Config()
	cfg.Bookmarks = cypher.BookmarksOn // the test database is one instance (bolt://)
	s, err := cypher.Open(t.Context(), cfg, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	return s
}

// A write, then an immediate read through another session of the same
// process and, with the writer's bookmarks, through another process,
// sees it. Neo4j Community is a single instance, where every read is up
// to date anyway: what this proves is that the bookmarks are taken from
// every acknowledged write (the group-committed audit events included),
// passed to Neo4j with reads and writes (one it did not issue is
// refused) and accepted.
func TestReadsFollowWrites(t *testing.T) {
	ctx := t.Context()
	one, two := openStore(t), openStore(t)
	sio := &keyline.Actor{Subject: "bookmark-test", Roles: []keyline.Role{keyline.RoleSIO}, Clearance: keyline.Secret}
	before := one.Bookmarks(ctx)
	op, err := one.CreateNode(ctx, sio, keyline.KindOperation, "", map[string]any{
		"reference": "OP-BM-" + keyline.NewID(keyline.KindOperation)[3:12], "name": "Bookmarks", "status": "OPEN",
		"classification": "OFFICIAL", "opened": keyline.Date{},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	wrote := one.Bookmarks(ctx)
	if len(wrote) == 0 || slices.Equal(wrote, before) {
		t.Fatalf("the write left no new bookmark: before %v, after %v", before, wrote)
	}
	sio.Operations = []string{op.ID()}
	sees := func(ctx context.Context, s *cypher.Store) error {
		t.Helper()
		got, err := s.NodesByID(ctx, cypher.ScopeOf(sio), []string{op.ID()})
		if err == nil && got[op.ID()].Props == nil {
			t.Fatalf("the read did not see the write")
		}
		return err
	}
	if err := sees(ctx, one); err != nil {
		t.Fatal(err)
	}

	// Another process, given the writer's bookmarks.
	carried := two.WithBookmarks(ctx, wrote)
	if got := two.Bookmarks(carried); !containsAll(got, wrote) {
		t.Fatalf("before any transaction, a request hands back the bookmarks it was given: %v, want %v among them", got, wrote)
	}
	if err := sees(carried, two); err != nil {
		t.Fatal(err)
	}
	if got, own := two.Bookmarks(carried), two.Bookmarks(ctx); !slices.Equal(got, own) || len(own) == 0 {
		t.Fatalf("after a transaction began with them, the given bookmarks are covered by the process's own: %v, own %v", got, own)
	}

	// Questions are recorded by group commit: the caller's next read
	// follows that commit too.
	asked := one.Bookmarks(ctx)
	if err := one.RecordQuery(ctx, sio, cypher.Question{Action: "SEARCH", Name: "bookmark test", About: op.ID()}); err != nil {
		t.Fatal(err)
	}
	if got := one.Bookmarks(ctx); slices.Equal(got, asked) {
		t.Fatalf("the group-committed audit event left no new bookmark: %v", got)
	}

	// A bookmark Neo4j did not issue reaches it, on a read and on a write,
	// and is refused as the client's error; nothing is written.
	forged := two.WithBookmarks(ctx, []string{"FB:kcwQAAAA"})
	if err := sees(forged, two); keyline.ErrorCode(err) != keyline.CodeInvalid {
		t.Fatalf("read with a bookmark Neo4j did not issue: want BAD_USER_INPUT, got %v", err)
	}
	sio.Operations = nil
	if _, err := two.CreateNode(forged, sio, keyline.KindOperation, "", map[string]any{
		"reference": "OP-BM-X", "name": "Never", "status": "OPEN", "classification": "OFFICIAL", "opened": keyline.Date{},
	}, nil); keyline.ErrorCode(err) != keyline.CodeInvalid {
		t.Fatalf("write with a bookmark Neo4j did not issue: want BAD_USER_INPUT, got %v", err)
	}
}

func containsAll(set, want []string) bool {
	for _, w := range want {
		if !slices.Contains(set, w) {
			return false
		}
	}
	return true
}

// Reads follow this process's writes only if every session is opened
// with the process's bookmark manager: Store.session is the only place a
// session is made.
func TestEverySessionFollowsThisProcesssWrites(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var at []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if strings.Contains(line, "NewSession(") || strings.Contains(line, "ExecuteQuery(") {
				at = append(at, fmt.Sprintf("%s:%d: %s", f, i+1, strings.TrimSpace(line)))
			}
		}
	}
	store, err := os.ReadFile("store.go")
	if err != nil {
		t.Fatal(err)
	}
	if len(at) != 1 || !strings.HasPrefix(at[0], "store.go:") || !strings.Contains(string(store), "sc.BookmarkManager = s.bookmarks") {
		t.Fatalf("sessions opened outside Store.session (or without its bookmark manager): %v", at)
	}
}

// Bookmarks are carried where reads may be routed to a server that is
// behind (a routing URI: a cluster, Aura), or when asked for; with bolt://
// every read runs on the one server, and they would only cost.
func TestBookmarkPolicy(t *testing.T) {
	neo4jtest.Store(t)
	base, _ := neo4jtest.Config()
	for _, c := range []struct {
		policy string
		uri    string
		want   bool
	}{
		{"", base.URI, false},
		{"auto", base.URI, false},
		{"on", base.URI, true},
		{"off", base.URI, false},
		{"", strings.Replace(base.URI, "bolt://", "neo4j://", 1), true},
		{"off", strings.Replace(base.URI, "bolt://", "neo4j://", 1), false},
	} {
		p, err := cypher.ParseBookmarkPolicy(c.policy)
		if err != nil {
			t.Fatal(err)
		}
		cfg := base
		cfg.URI, cfg.Bookmarks = c.uri, p
		s, err := cypher.Open(t.Context(), cfg, zerolog.Nop())
		if err != nil {
			t.Fatal(err)
		}
		if got := s.FollowsWrites(); got != c.want {
			t.Errorf("policy %q, %s: follows writes %v, want %v", c.policy, c.uri, got, c.want)
		}
		if !c.want && (s.Bookmarks(t.Context()) != nil || s.WithBookmarks(t.Context(), []string{"FB:x"}) != t.Context()) {
			t.Errorf("policy %q: bookmarks handed out or taken without a manager", c.policy)
		}
		s.Close(context.Background())
	}
	if _, err := cypher.ParseBookmarkPolicy("sometimes"); err == nil {
		t.Error(`"sometimes" accepted as a bookmark policy`)
	}
}
