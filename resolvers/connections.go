package resolvers

import (
	"encoding/base64"
	"math"
	"strconv"
	"strings"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
)

// Page sizes: every list is bounded, whatever the client asks.
const (
	DefaultPageSize = 25
	MaxPageSize     = 100
)

// maxCursorOffset bounds the offset a cursor may carry, so skip + limit
// stays a valid Cypher list index (a 32-bit int) and can never overflow.
// No list Keyline pages through comes near it; a cursor beyond it was not
// made here.
const maxCursorOffset = math.MaxInt32 - MaxPageSize - 1

// pageArgs is a validated Relay page request as an offset window.
type pageArgs struct{ skip, limit int }

// parsePage validates first/after. Cursors are opaque to clients; they
// encode the offset of the edge.
func parsePage(first *int, after *string) (pageArgs, error) {
	p := pageArgs{limit: DefaultPageSize}
	if first != nil {
		if *first < 0 || *first > MaxPageSize {
			return p, keyline.FieldErrorf("first", "must be between 0 and %d", MaxPageSize)
		}
		p.limit = *first
	}
	if after != nil && *after != "" {
		off, ok := decodeCursor(*after)
		if !ok {
			return p, keyline.FieldErrorf("after", "not a cursor from this list")
		}
		p.skip = off + 1
	}
	return p, nil
}

func encodeCursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("o:" + strconv.Itoa(offset)))
}

func decodeCursor(c string) (int, bool) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return 0, false
	}
	s, ok := strings.CutPrefix(string(b), "o:")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0 && n <= maxCursorOffset
}

// pageInfo describes the window [skip, skip+n) of total.
func pageInfo(p pageArgs, n, total int) *model.PageInfo {
	pi := &model.PageInfo{HasNextPage: p.skip+n < total, HasPreviousPage: p.skip > 0}
	if n > 0 {
		s, e := encodeCursor(p.skip), encodeCursor(p.skip+n-1)
		pi.StartCursor, pi.EndCursor = &s, &e
	}
	return pi
}

// edgesOf decodes a page of records into typed edges; T is the node model,
// E the edge type built by mk.
func edgesOf[T model.Node, E any](p pageArgs, page cypher.Page, mk func(cursor string, node T) E) ([]E, error) {
	edges := make([]E, 0, len(page.Items))
	for i, rec := range page.Items {
		n, err := decodeAs[T](rec)
		if err != nil {
			return nil, err
		}
		edges = append(edges, mk(encodeCursor(p.skip+i), n))
	}
	return edges, nil
}
