package reports_test

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/internal/apitest"
	"github.com/keyline/keyline/reports"
)

// exportsData is testdata/analysis/exports.json: a hand-made network and
// questions about it with their answers worked out by hand.
type exportsData struct {
	Entities []struct {
		Name   string         `json:"name"`
		Kind   string         `json:"kind"`
		Fields map[string]any `json:"fields"`
	} `json:"entities"`
	Links []struct {
		Name       string  `json:"name"`
		Type       string  `json:"type"`
		From       string  `json:"from"`
		To         string  `json:"to"`
		Confidence float64 `json:"confidence"`
		FirstSeen  string  `json:"firstSeen"`
		LastSeen   string  `json:"lastSeen"`
		Role       string  `json:"role"`
	} `json:"links"`
	DefaultSeen struct {
		FirstSeen string `json:"firstSeen"`
		LastSeen  string `json:"lastSeen"`
	} `json:"defaultSeen"`
	Cases []exportCase `json:"cases"`
}

type exportCase struct {
	Name     string         `json:"name"`
	Kind     string         `json:"kind"` // the export route's: paths, network, common-links, key-players
	Params   map[string]any `json:"params"`
	Entities []string       `json:"entities"`
	Links    []string       `json:"links"`
}

// exportWorld is the network of exports.json in a fresh operation, with an
// analyst member asking the questions.
type exportWorld struct {
	env     *apitest.Env
	op      string
	analyst *keyline.Actor
	id      map[string]string // name -> id, entities and links
	name    map[string]string // id -> name
	docs    http.Handler
}

var entityMutations = map[string][2]string{
	"PERSON": {"createPerson", "CreatePersonInput"}, "ORGANISATION": {"createOrganisation", "CreateOrganisationInput"},
	"COMMS_DEVICE": {"createCommsDevice", "CreateCommsDeviceInput"}, "VEHICLE": {"createVehicle", "CreateVehicleInput"},
	"LOCATION": {"createLocation", "CreateLocationInput"},
}

func newExportWorld(t *testing.T, d exportsData) *exportWorld {
	t.Helper()
	env := apitest.New(t)
	sio := env.Officer(keyline.RoleSIO, keyline.Secret)
	analyst := env.Officer(keyline.RoleAnalyst, keyline.Secret)
	w := &exportWorld{env: env, op: env.Operation(sio, analyst), id: map[string]string{}, name: map[string]string{}, docs: reports.Handler(env.Store)}
	officerID, ops, err := env.Store.Membership(t.Context(), analyst.Subject)
	if err != nil {
		t.Fatal(err)
	}
	// Documents read the caller's officer and operations from the request
	// context, as the authentication middleware leaves them.
	resolved := *analyst
	resolved.OfficerID, resolved.Operations = officerID, ops
	w.analyst = &resolved
	create := func(mutation, inputType string, in map[string]any) string {
		in["operationId"] = w.op
		return env.Do(w.analyst, `mutation($in: `+inputType+`!) { r: `+mutation+`(input: $in) { id } }`, map[string]any{"in": in}).NoErrors().Str("r", "id")
	}
	item := create("createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "SURVEILLANCE", "grading": map[string]any{"source": "1", "assessment": "B", "handling": "P"}, "sanitisedText": "Observed"})
	for _, e := range d.Entities {
		m, ok := entityMutations[e.Kind]
		if !ok {
			t.Fatalf("exports.json: unknown kind %s", e.Kind)
		}
		w.id[e.Name] = create(m[0], m[1], e.Fields)
	}
	for _, l := range d.Links {
		first, last := l.FirstSeen, l.LastSeen
		if first == "" {
			first, last = d.DefaultSeen.FirstSeen, d.DefaultSeen.LastSeen
		}
		var role any
		if l.Role != "" {
			role = l.Role
		}
		w.id[l.Name] = env.Do(w.analyst, `mutation($t: LinkType!, $a: ID!, $b: ID!, $c: Float!, $f: DateTime!, $l: DateTime!, $r: String, $i: ID!) {
			r: link(input: {type: $t, fromId: $a, toId: $b, confidence: $c, firstSeen: $f, lastSeen: $l, role: $r, sourceIds: [$i]}) { id } }`,
			map[string]any{"t": l.Type, "a": w.id[l.From], "b": w.id[l.To], "c": l.Confidence, "f": first, "l": last, "r": role, "i": item}).NoErrors().Str("r", "id")
	}
	for n, id := range w.id {
		w.name[id] = n
	}
	return w
}

// params turns a case's parameters into the question's input: "$X" is
// the id of X, "$op" the operation.
func (w *exportWorld) params(t *testing.T, v any) any {
	switch x := v.(type) {
	case string:
		if !strings.HasPrefix(x, "$") {
			return x
		}
		if x == "$op" {
			return w.op
		}
		id, ok := w.id[x[1:]]
		if !ok {
			t.Fatalf("exports.json: no entity %s", x)
		}
		return id
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = w.params(t, e)
		}
		return out
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			out[k] = w.params(t, e)
		}
		return out
	}
	return v
}

// names maps ids back to the names of exports.json, sorted.
func (w *exportWorld) names(ids []string) []string {
	out := []string{}
	for _, id := range ids {
		n, ok := w.name[id]
		if !ok {
			n = "?" + id
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// answer asks the case's question through GraphQL and returns the
// entities and links of its answer by name, and (for key players, whose
// answer lists no links) how many entities and distinct linked pairs it
// analysed.
func (w *exportWorld) answer(t *testing.T, c exportCase, in map[string]any) (entities, links []string, nodeCount, linkCount int) {
	t.Helper()
	var ents, lks []string
	collect := func(v any, into *[]string) {
		for _, x := range v.([]any) {
			*into = append(*into, x.(map[string]any)["id"].(string))
		}
	}
	switch c.Kind {
	case "paths":
		res := w.env.Do(w.analyst, `query($in: PathsInput!) { q: paths(input: $in) { paths { nodes { id } links { id } } } }`, map[string]any{"in": in}).NoErrors()
		for _, p := range res.Path("q", "paths").([]any) {
			collect(p.(map[string]any)["nodes"], &ents)
			collect(p.(map[string]any)["links"], &lks)
		}
	case "network":
		res := w.env.Do(w.analyst, `query($in: NetworkInput!) { q: network(input: $in) { nodes { id } links { id } } }`, map[string]any{"in": in}).NoErrors()
		collect(res.Path("q", "nodes"), &ents)
		collect(res.Path("q", "links"), &lks)
	case "common-links":
		res := w.env.Do(w.analyst, `query($in: CommonLinksInput!) { q: commonLinks(input: $in) { shared { entity { id } linkedTo links { id } } } }`,
			map[string]any{"in": in}).NoErrors()
		for _, s := range res.Path("q", "shared").([]any) {
			s := s.(map[string]any)
			ents = append(ents, s["entity"].(map[string]any)["id"].(string))
			for _, id := range s["linkedTo"].([]any) {
				ents = append(ents, id.(string))
			}
			collect(s["links"], &lks)
		}
	case "key-players":
		res := w.env.Do(w.analyst, `query($in: KeyPlayersInput!) { q: keyPlayers(input: $in) { nodeCount linkCount communities { members { id } } } }`,
			map[string]any{"in": in}).NoErrors()
		for _, c := range res.Path("q", "communities").([]any) {
			collect(c.(map[string]any)["members"], &ents)
		}
		nodeCount, linkCount = res.Int("q", "nodeCount"), res.Int("q", "linkCount")
		// The links analysed around seeds or an organisation are the
		// network expansion's from them with the same parameters.
		net := map[string]any{}
		for _, k := range []string{"seedIds", "hops", "nodeBudget", "filter"} {
			if v, ok := in[k]; ok {
				net[k] = v
			}
		}
		if org, ok := in["organisationId"]; ok {
			net["seedIds"] = []any{org}
		}
		if net["seedIds"] == nil {
			// An operation's chart: its links are listed nowhere but in
			// the export (and testdata).
			return w.names(ents), nil, nodeCount, linkCount
		}
		res = w.env.Do(w.analyst, `query($in: NetworkInput!) { q: network(input: $in) { nodes { id } links { id } } }`, map[string]any{"in": net}).NoErrors()
		collect(res.Path("q", "links"), &lks)
	default:
		t.Fatalf("exports.json: unknown kind %s", c.Kind)
	}
	return w.names(ents), w.names(lks), nodeCount, linkCount
}

// chart is the entities and links of an exported chart, by name, and its
// distinct linked pairs.
type chart struct {
	entities, links []string
	pairs           int
}

// fetch runs an export route as the analyst and reads its chart.
func (w *exportWorld) fetch(t *testing.T, method, path, body string) chart {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body)).WithContext(keyline.WithActor(t.Context(), w.analyst))
	rec := httptest.NewRecorder()
	w.docs.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("%s %s: %d %s", method, path, rec.Code, rec.Body)
	}
	var ents, links []string
	pairs := map[[2]string]bool{}
	pair := func(a, b string) {
		if a != b {
			pairs[[2]string{min(a, b), max(a, b)}] = true
		}
	}
	switch {
	case strings.HasSuffix(path, ".json"):
		var doc struct {
			Elements struct {
				Nodes []struct {
					Data struct{ ID string } `json:"data"`
				} `json:"nodes"`
				Edges []struct {
					Data struct{ ID, Source, Target string } `json:"data"`
				} `json:"edges"`
			} `json:"elements"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, n := range doc.Elements.Nodes {
			ents = append(ents, n.Data.ID)
		}
		for _, e := range doc.Elements.Edges {
			links = append(links, e.Data.ID)
			pair(e.Data.Source, e.Data.Target)
		}
	case strings.HasSuffix(path, ".graphml"):
		var doc struct {
			Nodes []struct {
				ID string `xml:"id,attr"`
			} `xml:"graph>node"`
			Edges []struct {
				ID     string `xml:"id,attr"`
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
			} `xml:"graph>edge"`
		}
		if err := xml.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, n := range doc.Nodes {
			ents = append(ents, n.ID)
		}
		for _, e := range doc.Edges {
			links = append(links, e.ID)
			pair(e.Source, e.Target)
		}
	case strings.HasSuffix(path, ".anx"):
		// Entities carry their Keyline id as Identity; links carry it as
		// the "Keyline ID" attribute.
		var doc struct {
			Items []struct {
				ID  string `xml:"Id,attr"`
				End *struct {
					Entity struct {
						EntityID string `xml:"EntityId,attr"`
						Identity string `xml:"Identity,attr"`
					} `xml:"Entity"`
				} `xml:"End"`
				Link *struct {
					End1 string `xml:"End1Id,attr"`
					End2 string `xml:"End2Id,attr"`
				} `xml:"Link"`
				Attributes []struct {
					Class string `xml:"AttributeClass,attr"`
					Value string `xml:"Value,attr"`
				} `xml:"AttributeCollection>Attribute"`
			} `xml:"ChartItemCollection>ChartItem"`
		}
		if err := xml.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		identity := map[string]string{}
		for _, it := range doc.Items {
			if it.End != nil {
				ents = append(ents, it.End.Entity.Identity)
				identity[it.End.Entity.EntityID] = it.End.Entity.Identity
			}
		}
		for _, it := range doc.Items {
			if it.Link == nil {
				continue
			}
			for _, a := range it.Attributes {
				if a.Class == "Keyline ID" {
					links = append(links, a.Value)
				}
			}
			pair(identity[it.Link.End1], identity[it.Link.End2])
		}
	default:
		t.Fatalf("no reader for %s", path)
	}
	return chart{w.names(ents), w.names(links), len(pairs)}
}

// Issue 13, defect 2: every chart export holds exactly the entities and
// links of the answer to the same question in GraphQL, with the same
// (non-default) parameters, in every format, posted or saved. Before the
// fix the key-player export ignored hops, nodeBudget and filter (charting
// a 2-hop, 500-entity network without filter), so its cases failed.
func TestChartExportsChartTheirQuestion(t *testing.T) {
	raw, err := os.ReadFile("../testdata/analysis/exports.json")
	if err != nil {
		t.Fatal(err)
	}
	var d exportsData
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatal(err)
	}
	w := newExportWorld(t, d)
	savedKinds := map[string]string{"paths": "PATHS", "network": "NETWORK", "common-links": "COMMON_LINKS", "key-players": "KEY_PLAYERS"}
	for _, c := range d.Cases {
		t.Run(c.Name, func(t *testing.T) {
			want := chart{entities: slices.Sorted(slices.Values(c.Entities)), links: slices.Sorted(slices.Values(c.Links))}
			in := w.params(t, c.Params).(map[string]any)
			body, _ := json.Marshal(in)

			ents, links, nodeCount, linkCount := w.answer(t, c, in)
			if !slices.Equal(ents, want.entities) {
				t.Errorf("the GraphQL answer's entities %v, worked out by hand %v", ents, want.entities)
			}
			if links != nil && !slices.Equal(links, want.links) {
				t.Errorf("the GraphQL answer's links %v, worked out by hand %v", links, want.links)
			}

			id := w.env.Do(w.analyst, `mutation($in: SaveSearchInput!) { r: saveSearch(input: $in) { id } }`, map[string]any{"in": map[string]any{
				"operationId": w.op, "name": c.Name, "kind": savedKinds[c.Kind], "parameters": string(body)}}).NoErrors().Str("r", "id")
			for _, route := range []struct{ method, path, body string }{
				{http.MethodPost, "/export/" + c.Kind + ".json", string(body)},
				{http.MethodPost, "/export/" + c.Kind + ".graphml", string(body)},
				{http.MethodPost, "/export/" + c.Kind + ".anx", string(body)},
				{http.MethodGet, "/export/saved/" + id + ".json", ""},
			} {
				got := w.fetch(t, route.method, route.path, route.body)
				if !slices.Equal(got.entities, want.entities) {
					t.Errorf("%s %s charts entities %v, the question answers %v", route.method, route.path, got.entities, want.entities)
				}
				if !slices.Equal(got.links, want.links) {
					t.Errorf("%s %s charts links %v, the question answers %v", route.method, route.path, got.links, want.links)
				}
				if c.Kind == "key-players" && (nodeCount != len(got.entities) || linkCount != got.pairs) {
					t.Errorf("%s %s: %d entities and %d linked pairs charted, the question analysed %d and %d",
						route.method, route.path, len(got.entities), got.pairs, nodeCount, linkCount)
				}
			}
		})
	}
}

// A key-player export refuses what the question refuses, with the same
// checks (before the fix it ignored hops, nodeBudget, first and filter,
// and took operationId when seedIds were given too, charting anyway).
func TestKeyPlayerExportChecksLikeTheQuestion(t *testing.T) {
	env := apitest.New(t)
	sio := env.Officer(keyline.RoleSIO, keyline.Secret)
	op := env.Operation(sio)
	per := env.Do(sio, `mutation($op: ID!) { createPerson(input: {operationId: $op, givenNames: "Kim", familyName: "Check"}) { id } }`,
		map[string]any{"op": op}).NoErrors().Str("createPerson", "id")
	officerID, ops, _ := env.Store.Membership(t.Context(), sio.Subject)
	actor := *sio
	actor.OfficerID, actor.Operations = officerID, ops
	h := reports.Handler(env.Store)
	for _, body := range []string{
		`{"seedIds":["` + per + `"],"hops":4}`,
		`{"seedIds":["` + per + `"],"nodeBudget":0}`,
		`{"seedIds":["` + per + `"],"first":201}`,
		`{"seedIds":["` + per + `"],"filter":{"minConfidence":2}}`,
		`{"seedIds":["` + per + `"],"operationId":"` + op + `"}`,
	} {
		var in map[string]any
		_ = json.Unmarshal([]byte(body), &in)
		code := env.Do(sio, `query($in: KeyPlayersInput!) { keyPlayers(input: $in) { nodeCount } }`, map[string]any{"in": in}).Code()
		req := httptest.NewRequest(http.MethodPost, "/export/key-players.json", strings.NewReader(body)).WithContext(keyline.WithActor(t.Context(), &actor))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if code == "" || rec.Code != http.StatusBadRequest {
			t.Errorf("%s: the question answers %q, the export %d %s", body, code, rec.Code, rec.Body)
		}
	}
}
