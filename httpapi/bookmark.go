package httpapi

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strings"

	"github.com/rs/zerolog"
)

// HeaderBookmark carries a client's causal position between replicas:
// every /graphql response names what the request wrote and read, and a
// client that sends the last one it received back reads all of that on
// its next request, whichever replica answers it. Clients treat it as
// opaque.
const HeaderBookmark = "X-Keyline-Bookmark"

// maxBookmarkHeader bounds a bookmark header accepted: one bookmark is
// about 90 bytes sealed and each further one about 45, and a process
// holds one per transaction committing at once.
const maxBookmarkHeader = 8 << 10

// Bookmarks is what the server needs of the store to carry a client's
// position (cypher.Store: WithBookmarks, Bookmarks).
type Bookmarks interface {
	WithBookmarks(ctx context.Context, bookmarks []string) context.Context
	Bookmarks(ctx context.Context) []string
}

// carryBookmarks hands each response's bookmarks to the client sealed
// with key, and passes those a client sends back to the store. Sealed,
// because a forged bookmark of a transaction not yet committed would hold
// a database connection (and a Neo4j worker) until the server's bookmark
// timeout, 30 s by default: only bookmarks Neo4j issued to one of this
// deployment's replicas, which share key, are believed. One that is not
// sealed with key (another deployment's, a tampered one, one sealed
// before the key was rotated) is ignored: the request is answered as if
// it had none. Without a key nothing is sent or believed, and reads
// follow the writes of their own process only.
func carryBookmarks(key string, store Bookmarks) middleware {
	return func(next http.Handler) http.Handler {
		if key == "" || store == nil {
			return next
		}
		k := []byte(key)
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := r.Context()
			if sealed := r.Header.Get(HeaderBookmark); sealed != "" {
				if b, ok := openBookmarks(k, sealed); ok {
					ctx = store.WithBookmarks(ctx, b)
				} else {
					zerolog.Ctx(ctx).Warn().Msg("bookmark not sealed with this deployment's key: ignored")
				}
			}
			next.ServeHTTP(&bookmarkWriter{ResponseWriter: w, seal: func() string { return sealBookmarks(k, store.Bookmarks(ctx)) }},
				r.WithContext(ctx))
		})
	}
}

// sealBookmarks is the header value for bookmarks: them, and their
// HMAC-SHA256 under key.
func sealBookmarks(key []byte, bookmarks []string) string {
	if len(bookmarks) == 0 {
		return ""
	}
	payload := strings.Join(bookmarks, " ")
	return base64.RawURLEncoding.EncodeToString([]byte(payload)) + "." + base64.RawURLEncoding.EncodeToString(bookmarkMAC(key, payload))
}

// openBookmarks returns the bookmarks sealed in a header value, or false
// if it was not sealed with key.
func openBookmarks(key []byte, sealed string) ([]string, bool) {
	if len(sealed) > maxBookmarkHeader {
		return nil, false
	}
	p, m, ok := strings.Cut(sealed, ".")
	if !ok {
		return nil, false
	}
	payload, err1 := base64.RawURLEncoding.DecodeString(p)
	mac, err2 := base64.RawURLEncoding.DecodeString(m)
	if err1 != nil || err2 != nil || len(payload) == 0 || !hmac.Equal(mac, bookmarkMAC(key, string(payload))) {
		return nil, false
	}
	return strings.Split(string(payload), " "), true
}

func bookmarkMAC(key []byte, payload string) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(payload))
	return h.Sum(nil)
}

// bookmarkWriter sets the bookmark header as the response starts, when
// the request's work (its writes, and the audit of its reads) is done.
type bookmarkWriter struct {
	http.ResponseWriter
	seal    func() string
	stamped bool
}

func (b *bookmarkWriter) stamp() {
	if b.stamped {
		return
	}
	b.stamped = true
	if v := b.seal(); v != "" {
		b.Header().Set(HeaderBookmark, v)
	}
}

func (b *bookmarkWriter) WriteHeader(status int) {
	b.stamp()
	b.ResponseWriter.WriteHeader(status)
}

func (b *bookmarkWriter) Write(p []byte) (int, error) {
	b.stamp()
	return b.ResponseWriter.Write(p)
}

// Flush keeps streaming responses working through the wrapper.
func (b *bookmarkWriter) Flush() {
	b.stamp()
	if f, ok := b.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (b *bookmarkWriter) Unwrap() http.ResponseWriter { return b.ResponseWriter }
