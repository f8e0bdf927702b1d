package cypher

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/keyline/keyline"
)

// Reads follow writes. In a Neo4j cluster (neo4j:// URIs, Aura) the driver
// sends reads to followers and read replicas, which apply the leader's
// commits a little later; a read sent there straight after a write could
// miss it. A bookmark names a committed transaction, and a transaction
// begun with bookmarks waits until the server it runs on has applied them.
//
// Every session the store opens (Store.session) shares one bookmark
// manager for the whole process, so every read begins after every
// transaction this process has committed and acknowledged. Process-wide
// rather than per user, because the writes a request must see are not
// only its caller's: an SIO's removal of a member must bind that member's
// next request (the membership read follows the removal), a regrade must
// bind every reader, and the group commit writes many callers' audit
// events in one transaction. The cost: a read on a follower may wait
// until that follower has applied this process's latest commit (usually
// milliseconds), and the manager holds one bookmark per transaction
// committing at once, so it is bounded by the connection pool. On a
// single instance (Neo4j Community, `make test`) the wait is always
// zero: bookmarks are passed and accepted, nothing more.
//
// Hence BookmarkPolicy: by default (BookmarksAuto) the manager is used
// only with a routing URI (neo4j://, neo4j+s://, neo4j+ssc://: a cluster
// or Aura), whose reads may go to a server that is behind. With bolt://
// every transaction runs on the one server, which sees every committed
// write, and bookmarks would only cost: measured with the peer
// benchmark's question (a) at 16 clients, which runs three statements,
// they took Keyline from 584 to 382 requests/s, adding 0.75 ms of
// Keyline's and 0.9 ms of Neo4j's processor time per request
// (scripts/bench-cpu.sh, docs/BENCHMARKS.md).
//
// Another replica's writes are not in this process's manager. A client
// that wants its next request, on any replica, to read what this one
// wrote carries its position across: Store.Bookmarks after one request,
// WithBookmarks on the next (httpapi seals them into a response header
// and accepts them back).
type bookmarks struct{ neo4j.BookmarkManager }

// BookmarkPolicy says whether sessions carry bookmarks.
type BookmarkPolicy int

const (
	BookmarksAuto BookmarkPolicy = iota // with a routing URI only
	BookmarksOn                         // always (tests on one instance, a proxy that routes)
	BookmarksOff                        // never
)

// ParseBookmarkPolicy reads "auto", "on" or "off" (empty: auto).
func ParseBookmarkPolicy(s string) (BookmarkPolicy, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return BookmarksAuto, nil
	case "on":
		return BookmarksOn, nil
	case "off":
		return BookmarksOff, nil
	}
	return BookmarksAuto, fmt.Errorf("bookmarks must be auto, on or off, not %q", s)
}

// newBookmarks returns the process's bookmark manager, or nil where the
// policy leaves bookmarks off for uri.
func newBookmarks(p BookmarkPolicy, uri string) *bookmarks {
	routed := strings.HasPrefix(uri, "neo4j://") || strings.HasPrefix(uri, "neo4j+s://") || strings.HasPrefix(uri, "neo4j+ssc://")
	if p == BookmarksOff || (p == BookmarksAuto && !routed) {
		return nil
	}
	return &bookmarks{neo4j.NewBookmarkManager(neo4j.BookmarkManagerConfig{BookmarkSupplier: clientBookmarks})}
}

// FollowsWrites reports whether the store's sessions carry bookmarks.
func (s *Store) FollowsWrites() bool { return s.bookmarks != nil }

// UpdateBookmarks records a completed transaction's bookmark. Its session
// began after the request's client bookmarks too, so the new bookmark
// covers them and they need not be handed back again.
func (b *bookmarks) UpdateBookmarks(ctx context.Context, previous, next neo4j.Bookmarks) error {
	if c := requestBookmarksOf(ctx); c != nil && len(next) > 0 {
		c.covered()
	}
	return b.BookmarkManager.UpdateBookmarks(ctx, previous, next)
}

type clientBookmarksKey struct{}

// requestBookmarksOf returns ctx's client bookmarks, or nil.
func requestBookmarksOf(ctx context.Context) *requestBookmarks {
	c, _ := ctx.Value(clientBookmarksKey{}).(*requestBookmarks)
	return c
}

// withoutClientBookmarks is ctx without its client bookmarks, for work
// done on behalf of many requests (the group commit): one client's
// position must not hold the others'.
func withoutClientBookmarks(ctx context.Context) context.Context {
	if requestBookmarksOf(ctx) == nil {
		return ctx
	}
	return context.WithValue(ctx, clientBookmarksKey{}, (*requestBookmarks)(nil))
}

// requestBookmarks are the bookmarks one request's client sent, until a
// transaction of the request completes. Fields of a request resolve
// concurrently, hence the lock.
type requestBookmarks struct {
	mu      sync.Mutex
	pending []string
}

func (r *requestBookmarks) get() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.pending)
}

func (r *requestBookmarks) covered() {
	r.mu.Lock()
	r.pending = nil
	r.mu.Unlock()
}

// clientBookmarks supplies the request's client bookmarks to every session
// begun under ctx, beside the process's own.
func clientBookmarks(ctx context.Context) (neo4j.Bookmarks, error) {
	if c := requestBookmarksOf(ctx); c != nil {
		return c.get(), nil
	}
	return nil, nil
}

// WithBookmarks returns a context under which every transaction begins
// after those the bookmarks name (as Store.Bookmarks gave them, perhaps
// in another process), besides this process's own. Bookmarks this
// database did not issue fail the transaction as CodeInvalid; they must
// come from a party that cannot forge them (httpapi seals them), since a
// bookmark of a transaction not yet committed holds its transaction until
// the server's bookmark timeout.
func (s *Store) WithBookmarks(ctx context.Context, bookmarks []string) context.Context {
	if len(bookmarks) == 0 || s.bookmarks == nil {
		return ctx
	}
	return context.WithValue(ctx, clientBookmarksKey{}, &requestBookmarks{pending: slices.Clone(bookmarks)})
}

// Bookmarks returns what a client sends back (WithBookmarks) so that its
// next request, in any process on this database, reads everything this
// one wrote and read: the bookmarks of this process's committed
// transactions, and ctx's client bookmarks until a transaction under ctx
// has completed (its bookmark covers them; a request that ran none hands
// them back unchanged). Sorted, so equal positions read alike.
func (s *Store) Bookmarks(ctx context.Context) []string {
	if s.bookmarks == nil {
		return nil
	}
	out, err := s.bookmarks.GetBookmarks(ctx)
	if err != nil {
		return nil
	}
	slices.Sort(out)
	return out
}

// invalidBookmark is the client's error for bookmarks the database
// refused (not its own, or unreadable), or nil for any other err. Only a
// client's bookmarks can be refused: the process's own are Neo4j's.
func invalidBookmark(err error) error {
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) && strings.HasPrefix(ne.Code, "Neo.ClientError.Transaction.InvalidBookmark") {
		return keyline.Errorf(keyline.CodeInvalid, "the bookmark sent names no transaction of this database; send the request without it")
	}
	return nil
}
