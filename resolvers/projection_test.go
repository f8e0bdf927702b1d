package resolvers_test

import (
	"encoding/json"
	"testing"
)

// A links page read with a projection (only the properties the selection
// needs) answers exactly as whole records do: every field asked of the
// links and their ends at both levels, including fields asked of an end
// again through its own links' from and to (the far ends at the first
// level are asked only id and label directly, the rest through from and
// to below), equals what node(id) returns for that entity, and the links'
// own fields equal node(id)'s for the link.
func TestProjectedLinksAnswerAsWholeRecords(t *testing.T) {
	w := newLinkWorld(t)
	x := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Xavier", "familyName": "Quinn",
		"aliases": []string{"X"}, "dateOfBirth": "1990-05-06", "pncId": "90/123456Z", "warningMarkers": []string{"VIOLENT"}})
	for typ, to := range map[string]string{"ASSOCIATE_OF": w.id["A"], "DRIVES": w.id["V"]} {
		w.env.Do(w.analyst, `mutation($t: LinkType!, $a: ID!, $b: ID!, $i: ID!) { link(input: {type: $t, fromId: $a, toId: $b, kind: "FAMILY",
			role: "brother", confidence: 0.7, firstSeen: "2026-01-01T00:00:00Z", sourceIds: [$i]}) { id } }`,
			map[string]any{"t": typ, "a": x, "b": to, "i": w.item}).NoErrors()
	}
	const entity = `__typename id label createdAt version
		... on Person { givenNames familyName aliases dateOfBirth pncId warningMarkers }
		... on Vehicle { vrm } ... on CommsDevice { number commsKind: kind } ... on Location { address postcode }
		... on Event { occurredAt summary }`
	const link = `id type kind role count confidence firstSeen lastSeen sources { __typename }`
	q := `query($id: ID!) { node(id: $id) { ... on Person { id links(first: 10) { totalCount edges { cursor node { ` + link + `
		from { id } to { id }
		other { id label
			links(first: 10) { totalCount edges { node { ` + link + `
				from { ` + entity + ` } to { ` + entity + ` } other { id label } } } } } } } } } } }`
	for _, root := range []string{w.id["A"], x, w.id["D"]} {
		res := w.env.Do(w.analyst, q, map[string]any{"id": root}).NoErrors()
		var ents, links int
		// Every object in the answer with an id is an entity or a link;
		// compare the fields it shows with a whole-record read of it.
		var walk func(v any)
		walk = func(v any) {
			switch o := v.(type) {
			case []any:
				for _, e := range o {
					walk(e)
				}
			case map[string]any:
				for _, e := range o {
					walk(e)
				}
				id, _ := o["id"].(string)
				if id == "" || len(o) < 3 {
					return
				}
				var whole map[string]any
				if _, isLink := o["confidence"]; isLink {
					whole = w.env.Do(w.analyst, `query($id: ID!) { node(id: $id) { ... on Link { `+link+` } } }`, map[string]any{"id": id}).NoErrors().Path("node").(map[string]any)
					links++
				} else {
					whole = w.env.Do(w.analyst, `query($id: ID!) { node(id: $id) { ... on Entity { `+entity+` } } }`, map[string]any{"id": id}).NoErrors().Path("node").(map[string]any)
					ents++
				}
				for k, got := range o {
					if k == "links" || k == "from" || k == "to" || k == "other" {
						continue
					}
					g, _ := json.Marshal(got)
					want, _ := json.Marshal(whole[k])
					if string(g) != string(want) {
						t.Errorf("%s.%s = %s, a whole-record read says %s", id, k, g, want)
					}
				}
			}
		}
		walk(res.Path("node"))
		if ents < 4 || links < 3 {
			t.Fatalf("root %s: compared %d entities and %d links; the answer is too small to test", root, ents, links)
		}
	}
}
