package httpapi

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
)

// fakeBookmarks is a store whose position is set by the test; it records
// the bookmarks each request was given.
type fakeBookmarks struct {
	mu    sync.Mutex
	own   []string
	given [][]string
}

type givenKey struct{}

func (f *fakeBookmarks) WithBookmarks(ctx context.Context, b []string) context.Context {
	f.mu.Lock()
	f.given = append(f.given, b)
	f.mu.Unlock()
	return context.WithValue(ctx, givenKey{}, b)
}

func (f *fakeBookmarks) Bookmarks(ctx context.Context) []string {
	given, _ := ctx.Value(givenKey{}).([]string)
	return append(slices.Clone(f.own), given...)
}

func (f *fakeBookmarks) lastGiven() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.given) == 0 {
		return nil
	}
	return f.given[len(f.given)-1]
}

// A response's bookmarks come back sealed; sent back, they reach the
// store, on any replica sharing the key; anything not sealed with the key
// is ignored; without a key, nothing is sent or believed.
func TestBookmarksCarriedBetweenReplicas(t *testing.T) {
	const key = "replicas-share-this-key-0123456789"
	store1, store2 := &fakeBookmarks{own: []string{"FB:one"}}, &fakeBookmarks{own: []string{"FB:two"}}
	replica1, _ := newTestHandler(Config{BookmarkKey: key}, Deps{Bookmarks: store1})
	replica2, _ := newTestHandler(Config{BookmarkKey: key}, Deps{Bookmarks: store2})
	elsewhere, _ := newTestHandler(Config{BookmarkKey: "another-deployment-key-0123456789"}, Deps{Bookmarks: &fakeBookmarks{own: []string{"FB:one"}}})
	call := func(h http.Handler, sealed string) string {
		t.Helper()
		r := graphqlRequest("alice")
		if sealed != "" {
			r.Header.Set(HeaderBookmark, sealed)
		}
		rec := serve(h, r)
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		return rec.Header().Get(HeaderBookmark)
	}

	first := call(replica1, "")
	if first == "" || strings.Contains(first, "FB:one") {
		t.Fatalf("a response carries its bookmarks sealed: %q", first)
	}
	second := call(replica2, first)
	if got := store2.lastGiven(); !slices.Equal(got, []string{"FB:one"}) {
		t.Fatalf("replica 2 was given %v, want replica 1's bookmarks", got)
	}
	if got, _ := openBookmarks([]byte(key), second); !slices.Equal(got, []string{"FB:two", "FB:one"}) {
		t.Fatalf("replica 2 hands back %v", got)
	}

	payload, mac, _ := strings.Cut(first, ".")
	forged := sealBookmarks([]byte("guess"), []string{"FB:future"})
	for name, sealed := range map[string]string{
		"tampered":         payload + "x." + mac,
		"another key":      forged,
		"no seal":          payload,
		"not base64":       "!!!." + mac,
		"over the bound":   strings.Repeat("A", maxBookmarkHeader) + "." + mac,
		"empty bookmarks":  "." + mac,
		"another's header": call(elsewhere, ""),
	} {
		n := len(store2.given)
		call(replica2, sealed)
		if len(store2.given) != n {
			t.Fatalf("%s: a bookmark not sealed with the key reached the store: %v", name, store2.lastGiven())
		}
	}

	unsealed, _ := newTestHandler(Config{}, Deps{Bookmarks: store1})
	if got := call(unsealed, first); got != "" || len(store1.given) != 0 {
		t.Fatalf("without a key nothing is sent (%q) or believed (%v)", got, store1.given)
	}
}
