package resolvers_test

import (
	"encoding/json"
	"testing"
)

// A network asked only for ids and labels is read lean (network_hop's
// $lean), and is the same network as one asked for more; asking for more
// gets the full records.
func TestLeanNetworkIsTheSameNetwork(t *testing.T) {
	w := newLinkWorld(t)
	in := map[string]any{"in": map[string]any{"seedIds": []string{w.id["A"]}, "hops": 2, "nodeBudget": 500}}
	lean := w.env.Do(w.analyst, `query($in: NetworkInput!) { network(input: $in) { truncated
		nodes { __typename id label } links { id type confidence from { id label } to { id } } frontier { id } } }`, in).NoErrors()
	full := w.env.Do(w.analyst, `query($in: NetworkInput!) { network(input: $in) { truncated
		nodes { __typename id label createdAt ... on Person { familyName } } links { id type confidence firstSeen sources { __typename } from { id label } to { id } }
		frontier { id } } }`, in).NoErrors()

	type node struct{ Typename, ID, Label string }
	type link struct {
		ID, Type   string
		Confidence float64
		From, To   string
	}
	shape := func(r map[string]any) ([]node, []link) {
		var ns []node
		for _, n := range r["nodes"].([]any) {
			m := n.(map[string]any)
			ns = append(ns, node{m["__typename"].(string), m["id"].(string), m["label"].(string)})
		}
		var ls []link
		for _, l := range r["links"].([]any) {
			m := l.(map[string]any)
			ls = append(ls, link{m["id"].(string), m["type"].(string), m["confidence"].(float64),
				m["from"].(map[string]any)["id"].(string), m["to"].(map[string]any)["id"].(string)})
		}
		return ns, ls
	}
	ln, ll := shape(lean.Path("network").(map[string]any))
	fn, fl := shape(full.Path("network").(map[string]any))
	lj, _ := json.Marshal([]any{ln, ll, lean.Path("network", "frontier"), lean.Path("network", "truncated")})
	fj, _ := json.Marshal([]any{fn, fl, full.Path("network", "frontier"), full.Path("network", "truncated")})
	if string(lj) != string(fj) || len(ln) < 5 || len(ll) < 5 {
		t.Fatalf("lean network differs:\n%s\nfull:\n%s", lj, fj)
	}
	for i, n := range full.Path("network", "nodes").([]any) {
		m := n.(map[string]any)
		if m["createdAt"] == "" || m["__typename"] == "Person" && m["familyName"] != "Test" {
			t.Fatalf("full node %d lacks its properties: %v", i, m)
		}
	}
	if l := full.Path("network", "links", 0).(map[string]any); l["firstSeen"] == nil || len(l["sources"].([]any)) != 1 {
		t.Fatalf("full link lacks its properties: %v", l)
	}
}
