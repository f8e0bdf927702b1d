package resolvers_test

import (
	"encoding/base64"
	"testing"
)

// A cursor is opaque but untrusted: one decoding to an offset no list has
// (huge, overflowing, negative) is the client's mistake, BAD_USER_INPUT
// on "after", never an INTERNAL error from the database.
func TestEdgeHugeCursorOffsetIsBadInput(t *testing.T) {
	w := newWorld(t)
	w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Ann", "familyName": "Lee"})
	cursor := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	queries := map[string]string{
		"persons":           `query($op: ID!, $c: String) { operation(id: $op) { persons(after: $c) { totalCount edges { cursor } } } }`,
		"intelligenceItems": `query($op: ID!, $c: String) { operation(id: $op) { intelligenceItems(after: $c) { totalCount } } }`,
		"members":           `query($op: ID!, $c: String) { operation(id: $op) { members(after: $c) { totalCount } } }`,
	}
	for _, c := range []string{"o:9223372036854775807", "o:9223372036854775806", "o:99999999999", "o:2147483647",
		"o:-1", "o:-9223372036854775808", "o:99999999999999999999999"} {
		for name, q := range queries {
			t.Run(name+" "+c, func(t *testing.T) {
				res := w.env.Do(w.analyst, q, map[string]any{"op": w.op, "c": cursor(c)})
				if res.Code() != "BAD_USER_INPUT" || res.Field() != "after" {
					t.Fatalf("code %q field %q: %s", res.Code(), res.Field(), res.Raw)
				}
			})
		}
	}
	// A cursor this list made still works.
	res := w.env.Do(w.analyst, `query($op: ID!) { operation(id: $op) { persons(first: 1) { edges { cursor } } } }`, map[string]any{"op": w.op})
	res.NoErrors()
	first := res.Str("operation", "persons", "edges", 0, "cursor")
	w.env.Do(w.analyst, queries["persons"], map[string]any{"op": w.op, "c": first}).NoErrors()
}
