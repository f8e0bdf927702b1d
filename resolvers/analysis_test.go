package resolvers_test

import (
	"sort"
	"testing"
)

// linkWorld is a small network with known answers:
//
//	A—B—C—D and A—E—D (associates), A and D drive V, A and C use phone P,
//	B and E reside at L, A and D were present at event EV.
type linkWorld struct {
	*world
	id   map[string]string
	item string
}

func newLinkWorld(t *testing.T) *linkWorld {
	w := &linkWorld{world: newWorld(t), id: map[string]string{}}
	w.item = w.create(t, w.analyst, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "SURVEILLANCE", "grading": map[string]any{"source": "1", "assessment": "B", "handling": "P"}, "sanitisedText": "Observed"})
	for _, n := range []string{"A", "B", "C", "D", "E"} {
		w.id[n] = w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": n, "familyName": "Test"})
	}
	w.id["V"] = w.create(t, w.analyst, "createVehicle", "CreateVehicleInput", map[string]any{"vrm": "CX19KLM"})
	w.id["P"] = w.create(t, w.analyst, "createCommsDevice", "CreateCommsDeviceInput", map[string]any{"kind": "MOBILE", "number": "+447700900001"})
	w.id["Q"] = w.create(t, w.analyst, "createCommsDevice", "CreateCommsDeviceInput", map[string]any{"kind": "MOBILE", "number": "+447700900002"})
	w.id["L"] = w.create(t, w.analyst, "createLocation", "CreateLocationInput", map[string]any{"address": "1 Test Street", "postcode": "L8 1AB"})
	w.id["EV"] = w.create(t, w.analyst, "createEvent", "CreateEventInput", map[string]any{"kind": "MEETING", "occurredAt": "2026-03-01T12:00:00Z", "summary": "Meeting at car park"})
	for _, l := range [][3]string{
		{"ASSOCIATE_OF", "A", "B"}, {"ASSOCIATE_OF", "B", "C"}, {"ASSOCIATE_OF", "C", "D"}, {"ASSOCIATE_OF", "A", "E"}, {"ASSOCIATE_OF", "E", "D"},
		{"DRIVES", "A", "V"}, {"DRIVES", "D", "V"}, {"USES", "A", "P"}, {"USES", "C", "P"}, {"USES", "D", "Q"},
		{"RESIDES_AT", "B", "L"}, {"RESIDES_AT", "E", "L"}, {"PRESENT_AT", "A", "EV"}, {"PRESENT_AT", "D", "EV"},
	} {
		w.env.Do(w.analyst, `mutation($t: LinkType!, $a: ID!, $b: ID!, $i: ID!) { link(input: {type: $t, fromId: $a, toId: $b, confidence: 0.8,
			firstSeen: "2026-02-01T00:00:00Z", lastSeen: "2026-03-01T00:00:00Z", sourceIds: [$i]}) { id } }`,
			map[string]any{"t": l[0], "a": w.id[l[1]], "b": w.id[l[2]], "i": w.item}).NoErrors()
	}
	w.env.Do(w.analyst, `mutation($a: ID!, $b: ID!, $i: ID!) { link(input: {type: CONTACTED, fromId: $a, toId: $b, count: 12, confidence: 0.9,
		firstSeen: "2026-02-10T00:00:00Z", lastSeen: "2026-02-20T09:30:00Z", sourceIds: [$i]}) { id } }`,
		map[string]any{"a": w.id["P"], "b": w.id["Q"], "i": w.item}).NoErrors()
	return w
}

func (w *linkWorld) names(t *testing.T, nodes any) string {
	t.Helper()
	back := map[string]string{}
	for k, v := range w.id {
		back[v] = k
	}
	s := ""
	for _, n := range nodes.([]any) {
		if s != "" {
			s += "-"
		}
		s += back[n.(map[string]any)["id"].(string)]
	}
	return s
}

func TestPaths(t *testing.T) {
	w := newLinkWorld(t)
	q := `query($in: PathsInput!) { paths(input: $in) { truncated paths { length nodes { id } links { type from { id } to { id }
		sources { ... on IntelligenceItem { grading { code } } } } } } }`
	run := func(in map[string]any) []string {
		in["fromId"], in["toId"] = w.id["A"], w.id["D"]
		res := w.env.Do(w.analyst, q, map[string]any{"in": in}).NoErrors()
		var out []string
		for i := range res.Path("paths", "paths").([]any) {
			out = append(out, w.names(t, res.Path("paths", "paths", i, "nodes")))
		}
		sort.Strings(out)
		return out
	}
	if got := run(map[string]any{"mode": "ALL_SHORTEST"}); len(got) != 3 || got[0] != "A-E-D" || got[1] != "A-EV-D" || got[2] != "A-V-D" {
		t.Fatalf("all shortest A→D: %v", got)
	}
	if got := run(map[string]any{"mode": "SHORTEST", "filter": map[string]any{"linkTypes": []string{"ASSOCIATE_OF"}}}); len(got) != 1 || got[0] != "A-E-D" {
		t.Fatalf("shortest over associations: %v", got)
	}
	if got := run(map[string]any{"mode": "ALL_SHORTEST", "filter": map[string]any{"avoidKinds": []string{"PERSON"}}}); len(got) != 2 || got[1] != "A-V-D" {
		t.Fatalf("avoiding persons: %v", got)
	}
	if got := run(map[string]any{"mode": "ALL_SHORTEST", "filter": map[string]any{"throughKinds": []string{"VEHICLE"}}}); len(got) != 1 || got[0] != "A-V-D" {
		t.Fatalf("only through vehicles: %v", got)
	}
	if got := run(map[string]any{"mode": "K_SHORTEST", "k": 4}); len(got) != 4 {
		t.Fatalf("4 shortest: %v", got)
	}
	if got := run(map[string]any{"mode": "ALL_SHORTEST", "maxHops": 1}); len(got) != 0 {
		t.Fatalf("no path within one hop: %v", got)
	}
	if got := run(map[string]any{"mode": "ALL_SHORTEST", "filter": map[string]any{"seenAfter": "2026-06-01T00:00:00Z"}}); len(got) != 0 {
		t.Fatalf("no link seen after June: %v", got)
	}
	one := w.env.Do(w.analyst, q, map[string]any{"in": map[string]any{"fromId": w.id["A"], "toId": w.id["D"]}}).NoErrors()
	if one.Int("paths", "paths", 0, "length") != 2 || one.Str("paths", "paths", 0, "links", 0, "sources", 0, "grading", "code") != "1B P" {
		t.Fatalf("provenance on every hop: %s", one)
	}
	for _, bad := range []map[string]any{{"maxHops": 9}, {"k": 0, "mode": "K_SHORTEST"}, {"toId": w.id["A"]}} {
		in := map[string]any{"fromId": w.id["A"], "toId": w.id["D"]}
		for k, v := range bad {
			in[k] = v
		}
		if res := w.env.Do(w.analyst, q, map[string]any{"in": in}); res.Code() != "BAD_USER_INPUT" {
			t.Errorf("%v must be refused: %s", bad, res)
		}
	}
	if res := w.env.Do(w.outsider, q, map[string]any{"in": map[string]any{"fromId": w.id["A"], "toId": w.id["D"]}}); res.Code() != "NOT_FOUND" {
		t.Errorf("an outsider cannot path through another operation: %s", res)
	}
}

func TestNetworkCommonLinksCoLocationTimeline(t *testing.T) {
	w := newLinkWorld(t)
	netQ := `query($in: NetworkInput!) { network(input: $in) { truncated nodes { id } links { id } frontier { id } } }`
	one := w.env.Do(w.analyst, netQ, map[string]any{"in": map[string]any{"seedIds": []string{w.id["A"]}, "hops": 1}}).NoErrors()
	if len(one.Path("network", "nodes").([]any)) != 6 || len(one.Path("network", "links").([]any)) != 5 || one.Path("network", "truncated") != false {
		t.Fatalf("1-hop network of A (A,B,E,V,P,EV): %s", one)
	}
	two := w.env.Do(w.analyst, netQ, map[string]any{"in": map[string]any{"seedIds": []string{w.id["A"]}, "hops": 2}}).NoErrors()
	if len(two.Path("network", "nodes").([]any)) != 10 {
		t.Fatalf("2-hop network of A reaches everything but Q: %s", two)
	}
	cut := w.env.Do(w.analyst, netQ, map[string]any{"in": map[string]any{"seedIds": []string{w.id["A"]}, "hops": 2, "nodeBudget": 3}}).NoErrors()
	// Every node kept had links the budget cut, so all three are frontier.
	if len(cut.Path("network", "nodes").([]any)) != 3 || cut.Path("network", "truncated") != true || len(cut.Path("network", "frontier").([]any)) != 3 {
		t.Fatalf("budget of 3: %s", cut)
	}

	common := w.env.Do(w.analyst, `query($in: CommonLinksInput!) { commonLinks(input: $in) { shared { entity { id } count links { type } } coMentions { entityIds } } }`,
		map[string]any{"in": map[string]any{"entityIds": []string{w.id["A"], w.id["C"]}}}).NoErrors()
	var shared []string
	for i := range common.Path("commonLinks", "shared").([]any) {
		shared = append(shared, w.names(t, []any{common.Path("commonLinks", "shared", i, "entity")}))
	}
	sort.Strings(shared)
	if len(shared) != 2 || shared[0] != "B" || shared[1] != "P" {
		t.Fatalf("A and C share associate B and phone P: %v %s", shared, common)
	}

	co := w.env.Do(w.analyst, `query($in: CoLocationInput!) { coLocation(input: $in) { place { id } entities { id } } }`,
		map[string]any{"in": map[string]any{"operationId": w.op, "from": "2026-01-01T00:00:00Z", "to": "2026-12-31T00:00:00Z"}}).NoErrors()
	places := map[string]string{}
	for i := range co.Path("coLocation").([]any) {
		places[w.names(t, []any{co.Path("coLocation", i, "place")})] = w.names(t, co.Path("coLocation", i, "entities"))
	}
	if places["EV"] != "A-D" || places["L"] != "B-E" {
		t.Fatalf("A and D met at EV; B and E share L: %v", places)
	}

	tl := w.env.Do(w.analyst, `query($in: TimelineInput!) { timeline(input: $in) { at entry event { id } link { type } } }`,
		map[string]any{"in": map[string]any{"entityIds": []string{w.id["A"], w.id["D"]}}}).NoErrors()
	if len(tl.Path("timeline").([]any)) != 2 || tl.Str("timeline", 0, "entry") != "CONTACT" || tl.Str("timeline", 1, "entry") != "EVENT" {
		t.Fatalf("timeline of A and D: the P–Q contact (20 Feb) then the meeting (1 Mar): %s", tl)
	}
}

func TestSavedSearches(t *testing.T) {
	w := newLinkWorld(t)
	params := `{"fromId":"` + w.id["A"] + `","toId":"` + w.id["D"] + `","mode":"ALL_SHORTEST","maxHops":4}`
	if bad := w.env.Do(w.analyst, `mutation($op: ID!) { saveSearch(input: {operationId: $op, name: "x", kind: PATHS, parameters: "{\"fromId\": 3}"}) { id } }`,
		map[string]any{"op": w.op}); bad.Field() != "input.parameters" {
		t.Fatalf("invalid parameters must be refused when saved: %s", bad)
	}
	saved := w.env.Do(w.analyst, `mutation($op: ID!, $p: String!) { saveSearch(input: {operationId: $op, name: "A to D", kind: PATHS, parameters: $p}) { id version } }`,
		map[string]any{"op": w.op, "p": params}).NoErrors()
	id := saved.Str("saveSearch", "id")
	list := w.env.Do(w.analyst, `query($op: ID!) { operation(id: $op) { savedSearches { name kind } } }`, map[string]any{"op": w.op}).NoErrors()
	if list.Str("operation", "savedSearches", 0, "name") != "A to D" {
		t.Fatalf("saved searches: %s", list)
	}
	run := `query($id: ID!, $o: String) { runSavedSearch(id: $id, overrides: $o) { ... on PathsResult { paths { length } } } }`
	if res := w.env.Do(w.analyst, run, map[string]any{"id": id}).NoErrors(); len(res.Path("runSavedSearch", "paths").([]any)) != 3 {
		t.Fatalf("re-run: %s", res)
	}
	if res := w.env.Do(w.analyst, run, map[string]any{"id": id, "o": `{"maxHops":1}`}).NoErrors(); len(res.Path("runSavedSearch", "paths").([]any)) != 0 {
		t.Fatalf("re-run with overrides: %s", res)
	}
	if res := w.env.Do(w.outsider, run, map[string]any{"id": id}); res.Code() != "NOT_FOUND" {
		t.Fatalf("outsider: %s", res)
	}
	w.env.Do(w.analyst, `mutation($id: ID!) { deleteSavedSearch(id: $id, expectedVersion: 1) }`, map[string]any{"id": id}).NoErrors()
	if res := w.env.Do(w.analyst, run, map[string]any{"id": id}); res.Code() != "NOT_FOUND" {
		t.Fatalf("deleted: %s", res)
	}
}

func TestKeyPlayers(t *testing.T) {
	w := newLinkWorld(t)
	q := `query($in: KeyPlayersInput!) { keyPlayers(input: $in) { nodeCount linkCount truncated modularity rankedBy
		ranked { rank entity { id } degree betweenness closeness eigenvector community } communities { id size } } }`
	res := w.env.Do(w.analyst, q, map[string]any{"in": map[string]any{"operationId": w.op}}).NoErrors()
	if res.Int("keyPlayers", "nodeCount") != 10 || res.Int("keyPlayers", "linkCount") != 15 {
		t.Fatalf("the operation's network: %s", res)
	}
	// A and D broker the network (degree 5 each); D edges ahead because
	// phone Q hangs off it alone.
	if w.names(t, []any{res.Path("keyPlayers", "ranked", 0, "entity")}) != "D" || w.names(t, []any{res.Path("keyPlayers", "ranked", 1, "entity")}) != "A" ||
		res.Int("keyPlayers", "ranked", 0, "degree") != 5 || res.Int("keyPlayers", "ranked", 1, "degree") != 5 {
		t.Fatalf("D then A must rank first by betweenness: %s", res)
	}
	byDegree := w.env.Do(w.analyst, q, map[string]any{"in": map[string]any{"seedIds": []string{w.id["A"]}, "hops": 1, "rankBy": "DEGREE"}}).NoErrors()
	if byDegree.Int("keyPlayers", "nodeCount") != 6 || byDegree.Str("keyPlayers", "rankedBy") != "DEGREE" {
		t.Fatalf("A's 1-hop network: %s", byDegree)
	}
	if bad := w.env.Do(w.analyst, q, map[string]any{"in": map[string]any{"operationId": w.op, "seedIds": []string{w.id["A"]}}}); bad.Field() != "input" {
		t.Fatalf("exactly one scope: %s", bad)
	}
	if out := w.env.Do(w.outsider, q, map[string]any{"in": map[string]any{"operationId": w.op}}); out.Code() != "NOT_FOUND" {
		t.Fatalf("outsider: %s", out)
	}
}

// A saved search costs its own question, with its overrides: the chart's
// selection over a saved common-links search runs (costed as the largest
// question of any kind it was refused), and an override that makes the
// question larger makes it cost more. A saved search the caller may not
// see costs the largest question, exactly as an id that does not exist.
func TestSavedSearchCostsItsOwnQuestion(t *testing.T) {
	w := newLinkWorld(t)
	params := `{"entityIds":["` + w.id["A"] + `","` + w.id["D"] + `"],"limit":50}`
	id := w.env.Do(w.analyst, `mutation($op: ID!, $p: String!) { saveSearch(input: {operationId: $op, name: "A and D", kind: COMMON_LINKS, parameters: $p}) { id } }`,
		map[string]any{"op": w.op, "p": params}).NoErrors().Str("saveSearch", "id")
	const chart = `query($id: ID!, $o: String) { runSavedSearch(id: $id, overrides: $o) { ... on CommonLinks {
		shared { entity { id label } linkedTo count links { id type confidence firstSeen lastSeen from { id } to { id }
			sources { ... on IntelligenceItem { id urn classification grading { code handling conditions } } ... on Exhibit { id reference } } } }
		coMentions { entityIds item { id urn classification sanitisedText receivedAt grading { code handling conditions } } } } } }`
	w.env.Do(w.analyst, chart, map[string]any{"id": id}).NoErrors()
	if res := w.env.Do(w.analyst, chart, map[string]any{"id": id, "o": `{"limit":200,"entityIds":["a","b","c","d","e","f","g","h","i","j","k","l","m","n","o","p","q","r","s","t"]}`}); res.Code() != "LIMIT_EXCEEDED" {
		t.Fatalf("overrides raising the question raise its cost: %s", res)
	}
	for who, ref := range map[string]string{"an outsider, of a saved search they may not see": id, "anyone, of an id that does not exist": "srch_01doesnotexist0000000000"} {
		a := w.analyst
		if ref == id {
			a = w.outsider
		}
		if res := w.env.Do(a, chart, map[string]any{"id": ref}); res.Code() != "LIMIT_EXCEEDED" {
			t.Fatalf("%s: %s", who, res)
		}
	}
}
