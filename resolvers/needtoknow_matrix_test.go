package resolvers_test

import (
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/internal/apitest"
	"github.com/keyline/keyline/reports"
)

// The need-to-know matrix (issue 12). Canaries are seeded at every
// classification and handling code: intelligence text, source text and
// handling conditions; a link, an associate, a co-location and an event
// that rest on nothing but that item; and a sensitivity reason. Every
// probe (a GraphQL operation or an HTTP document) runs for every role at
// every clearance, as a member of the operation and not, and its answer
// may hold only the canaries the rules let that caller see. The rules are
// written out again here (canarySeen), not borrowed from the code under
// test.
//
// The matrix cannot go stale: the test walks schema.graphqls for every
// field whose type can carry intelligence content, source text, handling
// conditions, sensitivity reasons, links, snapshots or audit values, and
// fails if a probe does not exercise it; and it fails if reports.Routes
// has a document without a probe.

// carriers are the types that hold the content need to know guards.
var carriers = []string{"IntelligenceItem", "Link", "Exhibit", "TargetReview", "AuditEvent", "Grading"}

// gateFields returns every field (Type.field) whose type carries guarded
// content: the carriers themselves and every type that holds one but is
// not a record of its own (connections, edges, unions, analysis results);
// records (Node types) are judged by the rules of their own fields.
func gateFields(s *ast.Schema) []string {
	carrier := map[string]bool{}
	for _, c := range carriers {
		carrier[c] = true
	}
	isRecord := func(d *ast.Definition) bool { return slices.Contains(d.Interfaces, "Node") }
	for changed := true; changed; {
		changed = false
		for name, def := range s.Types {
			if carrier[name] || name == "Query" || name == "Mutation" || (def.Kind == ast.Object && isRecord(def)) {
				continue
			}
			hit := false
			switch def.Kind {
			case ast.Object:
				for _, f := range def.Fields {
					hit = hit || carrier[f.Type.Name()]
				}
			case ast.Union, ast.Interface:
				for _, p := range s.PossibleTypes[name] {
					hit = hit || carrier[p.Name]
				}
			}
			if hit {
				carrier[name], changed = true, true
			}
		}
	}
	var out []string
	for name, def := range s.Types {
		if def.Kind != ast.Object || strings.HasPrefix(name, "__") || (carrier[name] && !slices.Contains(carriers, name)) {
			continue
		}
		for _, f := range def.Fields {
			if carrier[f.Type.Name()] && !strings.HasPrefix(f.Name, "__") {
				out = append(out, name+"."+f.Name)
			}
		}
	}
	sort.Strings(out)
	return out
}

// exercised lists the fields (Type.field, on concrete types) a validated
// operation selects; a field selected on an interface counts for each of
// its implementations (the probes list records of every kind).
func exercised(s *ast.Schema, doc *ast.QueryDocument) map[string]bool {
	out := map[string]bool{}
	var walk func(ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, sel := range set {
			switch x := sel.(type) {
			case *ast.Field:
				if d := x.ObjectDefinition; d != nil {
					out[d.Name+"."+x.Name] = true
					for _, impl := range s.PossibleTypes[d.Name] {
						out[impl.Name+"."+x.Name] = true
					}
				}
				walk(x.SelectionSet)
			case *ast.InlineFragment:
				walk(x.SelectionSet)
			case *ast.FragmentSpread:
				if x.Definition != nil {
					walk(x.Definition.SelectionSet)
				}
			}
		}
	}
	for _, op := range doc.Operations {
		walk(op.SelectionSet)
	}
	return out
}

type canaryKind int

const (
	canaryText      canaryKind = iota // an item's sanitised text
	canaryCondition                   // a C-coded item's handling conditions
	canarySource                      // an item's source-revealing text
	canaryLink                        // a link resting on the item alone
	canaryEntity                      // an associate reached only by that link
	canaryEvent                       // an event reached only through the item's link
	canarySensitive                   // an exhibit's MG6D sensitivity reason
	canaryLinkID                      // the id of a link resting on the item alone
)

type canary struct {
	text     string
	class    keyline.Classification
	handling string
	kind     canaryKind
}

// caller is one cell of the matrix.
type caller struct {
	role      keyline.Role
	clearance keyline.Classification
	member    bool
}

func (c caller) String() string {
	return fmt.Sprintf("%s/%s/member=%v", c.role, c.clearance, c.member)
}

// canarySeen is the rule, written out: members (and auditors, who read
// across operations) see an item cleared for and of a handling code they
// may receive (an external system receives P only); the source text only
// the SIO roles; a sensitivity reason the SIO roles and auditors.
func canarySeen(c caller, k canary) bool {
	if !c.member && c.role != keyline.RoleAuditor {
		return false
	}
	sio := c.role == keyline.RoleSIO || c.role == keyline.RoleDeputySIO
	if k.kind == canarySensitive {
		return sio || c.role == keyline.RoleAuditor
	}
	rank := func(x keyline.Classification) int { return slices.Index(keyline.Classifications, x) }
	ok := rank(c.clearance) >= rank(k.class) && (k.handling == keyline.HandlingP || c.role != keyline.RoleExternalSystem)
	if k.kind == canarySource {
		ok = ok && sio
	}
	return ok
}

type matrixWorld struct {
	env                        *apitest.Env
	sio                        *keyline.Actor
	op, person, place, target  string
	action, exhibit, saved     string
	items, links, associates   map[string]string // by mark
	canaries                   []canary
	itemIDs, linkIDs, assocIDs []string
}

func newMatrixWorld(t *testing.T) *matrixWorld {
	env := apitest.New(t)
	m := &matrixWorld{env: env, items: map[string]string{}, links: map[string]string{}, associates: map[string]string{}}
	m.sio = env.Officer(keyline.RoleSIO, keyline.TopSecret)
	m.op = env.Operation(m.sio)
	create := func(mutation, input string, in map[string]any) string {
		in["operationId"] = m.op
		res := env.Do(m.sio, `mutation($in: `+input+`!) { r: `+mutation+`(input: $in) { id } }`, map[string]any{"in": in}).NoErrors()
		return res.Str("r", "id")
	}
	link := func(typ, from, to, kind, source string) string {
		in := map[string]any{"type": typ, "fromId": from, "toId": to, "confidence": 0.9, "sourceIds": []string{source},
			"firstSeen": "2026-03-01T10:00:00Z", "lastSeen": "2026-03-02T10:00:00Z"}
		if kind != "" {
			in["kind"] = kind
		}
		return env.Do(m.sio, `mutation($in: LinkInput!) { link(input: $in) { id } }`, map[string]any{"in": in}).NoErrors().Str("link", "id")
	}
	m.person = create("createPerson", "CreatePersonInput", map[string]any{"givenNames": "Matrix", "familyName": "SUBJECT"})
	m.place = create("createLocation", "CreateLocationInput", map[string]any{"address": "1 Matrix Yard", "postcode": "L1 1AA"})
	for _, c := range keyline.Classifications {
		for _, h := range []string{keyline.HandlingP, keyline.HandlingC} {
			mark := keyline.SourceMark(c, h)
			tag := "CANARY-" + string(c) + "-" + h
			g := map[string]any{"source": "2", "assessment": "B", "handling": h}
			if h == keyline.HandlingC {
				g["conditions"] = tag + "-COND"
				m.canaries = append(m.canaries, canary{tag + "-COND", c, h, canaryCondition})
			}
			item := create("createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
				"sourceType": "CHIS", "classification": string(c), "grading": g,
				"sanitisedText": tag + "-TEXT", "sourceText": tag + "-SOURCE",
				"mentions": []map[string]any{{"entityId": m.person, "role": "SUBJECT"}}})
			assoc := create("createPerson", "CreatePersonInput", map[string]any{"givenNames": tag + "-ENTITY", "familyName": "ASSOCIATE"})
			event := create("createEvent", "CreateEventInput", map[string]any{"kind": "MEETING", "occurredAt": "2026-03-01T12:00:00Z", "summary": tag + "-EVENT"})
			m.items[mark], m.associates[mark] = item, assoc
			m.links[mark] = link("ASSOCIATE_OF", m.person, assoc, tag+"-LINK", item)
			link("FREQUENTS", assoc, m.place, "", item)
			link("PRESENT_AT", m.person, event, "", item)
			m.itemIDs, m.linkIDs, m.assocIDs = append(m.itemIDs, item), append(m.linkIDs, m.links[mark]), append(m.assocIDs, assoc)
			m.canaries = append(m.canaries, canary{m.links[mark], c, h, canaryLinkID})
			m.canaries = append(m.canaries, canary{tag + "-TEXT", c, h, canaryText}, canary{tag + "-SOURCE", c, h, canarySource},
				canary{tag + "-LINK", c, h, canaryLink}, canary{tag + "-ENTITY", c, h, canaryEntity}, canary{tag + "-EVENT", c, h, canaryEvent})
		}
	}
	open := m.items[keyline.SourceMark(keyline.Official, keyline.HandlingP)]
	link("FREQUENTS", m.person, m.place, "", open)
	m.action = env.Do(m.sio, `mutation($in: RaiseActionInput!) { raiseAction(input: $in) { id } }`, map[string]any{"in": map[string]any{
		"operationId": m.op, "title": "Matrix action", "raisedFromIds": m.itemIDs}}).NoErrors().Str("raiseAction", "id")
	m.exhibit = create("createExhibit", "CreateExhibitInput", map[string]any{"reference": "MX/1", "kind": "DOCUMENT", "description": "Matrix exhibit",
		"obtainedById": m.action, "disclosureStatus": "UNUSED_SENSITIVE", "sensitivityReason": "CANARY-SENS"})
	m.canaries = append(m.canaries, canary{"CANARY-SENS", "", "", canarySensitive})
	m.target = env.Do(m.sio, `mutation($op: ID!, $p: ID!) { nominateTarget(input: {operationId: $op, subjectId: $p, threatAreas: [DRUGS_SUPPLY]}) { id } }`,
		map[string]any{"op": m.op, "p": m.person}).NoErrors().Str("nominateTarget", "id")
	env.Do(m.sio, `mutation($t: ID!) { reviewTarget(id: $t, expectedVersion: 1, input: {status: SUBMITTED, rationale: "matrix"}) { id } }`,
		map[string]any{"t": m.target}).NoErrors()
	m.saved = env.Do(m.sio, `mutation($in: SaveSearchInput!) { saveSearch(input: $in) { id } }`, map[string]any{"in": map[string]any{
		"operationId": m.op, "name": "Matrix network", "kind": "NETWORK", "parameters": `{"seedIds":["` + m.person + `"],"hops":2}`}}).NoErrors().Str("saveSearch", "id")
	return m
}

// The selections every probe shares: everything guarded, at once.
var matrixFragments = map[string]string{
	"Item":  `fragment Item on IntelligenceItem { id sanitisedText sourceText classification grading { code handling conditions } }`,
	"Exh":   `fragment Exh on Exhibit { id reference description sensitivityReason }`,
	"Ent":   `fragment Ent on Entity { __typename id label }`,
	"Lnk":   `fragment Lnk on Link { id type kind confidence firstSeen lastSeen from { ...Ent } to { ...Ent } sources { ...Item ...Exh } }`,
	"Pages": `fragment Pages on Entity { links(first: 20) { totalCount edges { node { ...Lnk } } } mentionedIn(first: 20) { totalCount edges { node { ...Item } } } }`,
}

// probe is one question of the matrix. reaches: the all-seeing SIO's
// answer must hold at least one canary (so the probe is not vacuous).
// lists: the probe lists an operation's records directly, so associates
// and events (records in their own right) may appear in it whoever asks;
// elsewhere they appear only through the links that reach them.
type probe struct {
	name    string
	doc     string
	vars    func(m *matrixWorld) map[string]any
	reaches bool
	lists   bool
}

// withFragments appends the fragments a probe spreads, and theirs.
func withFragments(doc string) string {
	out, added := doc, map[string]bool{}
	for changed := true; changed; {
		changed = false
		for name, def := range matrixFragments {
			if !added[name] && strings.Contains(out, "..."+name+" ") || !added[name] && strings.Contains(out, "..."+name+"}") {
				out += "\n" + def
				added[name], changed = true, true
			}
		}
	}
	return out
}

// exhibitSeq numbers the exhibits the matrix's writers record.
var exhibitSeq = 1

func vars(f func(m *matrixWorld) map[string]any) func(m *matrixWorld) map[string]any { return f }

var matrixProbes = []probe{
	{"items by id", `query($ids: [ID!]!, $i: ID!) { nodes(ids: $ids) { ...Item ...Lnk ...Exh } node(id: $i) { ...Item } }`,
		vars(func(m *matrixWorld) map[string]any {
			return map[string]any{"ids": slices.Concat(m.itemIDs, m.linkIDs, []string{m.exhibit}), "i": m.items["TOP_SECRET/C"]}
		}), true, false},
	{"person pages", `query($p: ID!, $l: ID!) { p: node(id: $p) { ...Pages } l: node(id: $l) { ...Pages } }`,
		vars(func(m *matrixWorld) map[string]any { return map[string]any{"p": m.person, "l": m.place} }), true, false},
	{"every entity kind's pages", `query($op: ID!) { operation(id: $op) {
		persons(first: 10) { edges { node { ...Pages } } } locations(first: 5) { edges { node { ...Pages } } } } }`,
		vars(func(m *matrixWorld) map[string]any { return map[string]any{"op": m.op} }), true, true},
	{"other entity kinds' pages", `query($op: ID!) { operation(id: $op) {
		events(first: 10) { edges { node { ...Pages } } } vehicles(first: 5) { edges { node { ...Pages } } }
		organisations(first: 5) { edges { node { ...Pages } } } commsDevices(first: 5) { edges { node { ...Pages } } } } }`,
		vars(func(m *matrixWorld) map[string]any { return map[string]any{"op": m.op} }), true, true},
	{"operation intelligence", `query($op: ID!) { operation(id: $op) {
		intelligenceItems(first: 20) { edges { node { ...Item } } } undevelopedIntelligence(first: 20) { edges { node { ...Item } } }
		uncorroboratedIntelligence(first: 20) { edges { node { ...Item } } } exhibits { edges { node { ...Exh } } }
		reviewsDue(dueBy: "2099-01-01") { record { ...Item ...Exh } } } }`,
		vars(func(m *matrixWorld) map[string]any { return map[string]any{"op": m.op} }), true, false},
	{"disclosure schedules", `query($op: ID!) { operation(id: $op) {
		c: disclosureSchedule(kind: MG6C) { entries { reason description exhibit { ...Exh } } } } }`,
		vars(func(m *matrixWorld) map[string]any { return map[string]any{"op": m.op} }), false, false},
	{"sensitive schedule", `query($op: ID!) { operation(id: $op) { d: disclosureSchedule(kind: MG6D) { entries { reason exhibit { ...Exh } } } } }`,
		vars(func(m *matrixWorld) map[string]any { return map[string]any{"op": m.op} }), true, false},
	{"target package and reviews", `query($t: ID!) { node(id: $t) { ... on Target {
		package { subject { ...Ent } criminalActivity { entity { ...Ent } link { ...Lnk } }
		  lifestyle { locations { entity { ...Ent } link { ...Lnk } } communications { link { ...Lnk } } vehicles { link { ...Lnk } } }
		  associations { entity { ...Ent } link { ...Lnk } }
		  intelligence { total handlingConditions byGrade { key count } items { ...Item } }
		  gaps { description entities { ...Ent } } risks { description entities { ...Ent } }
		  evidence { ...Exh } actions { items { id title } } }
		reviews { to snapshot decision { rationale } } } } }`,
		vars(func(m *matrixWorld) map[string]any { return map[string]any{"t": m.target} }), true, false},
	{"traces and actions", `query($x: ID!, $i: ID!, $a: ID!) {
		x: node(id: $x) { ... on Exhibit { traceBack { nodes { ...Item ...Exh } } } }
		i: node(id: $i) { ... on IntelligenceItem { traceForward { nodes { ...Item ...Exh } } } }
		a: node(id: $a) { ... on Action { raisedFrom { ...Item } exhibits { ...Exh } intelligenceProduced { ...Item } } } }`,
		vars(func(m *matrixWorld) map[string]any {
			return map[string]any{"x": m.exhibit, "i": m.items["TOP_SECRET/C"], "a": m.action}
		}), true, false},
	{"network", `query($p: ID!) { network(input: {seedIds: [$p], hops: 2}) { nodes { ...Ent } frontier { ...Ent } links { ...Lnk } } }`,
		vars(func(m *matrixWorld) map[string]any { return map[string]any{"p": m.person} }), true, false},
	{"paths", `query($p: ID!, $a: ID!, $b: ID!) {
		a: paths(input: {fromId: $p, toId: $a, mode: ALL_SHORTEST}) { paths { nodes { ...Ent } links { ...Lnk } } }
		b: paths(input: {fromId: $p, toId: $b, mode: K_SHORTEST, k: 3}) { paths { nodes { ...Ent } links { ...Lnk }
			steps { from { ...Ent } to { ...Ent } links { ...Lnk } } } } }`,
		vars(func(m *matrixWorld) map[string]any {
			return map[string]any{"p": m.person, "a": m.associates["TOP_SECRET/C"], "b": m.associates["OFFICIAL/C"]}
		}), true, false},
	{"common links", `query($ids: [ID!]!) { commonLinks(input: {entityIds: $ids, minShared: 2}) {
		shared { entity { ...Ent } links { ...Lnk } } coMentions { item { ...Item } } } }`,
		vars(func(m *matrixWorld) map[string]any { return map[string]any{"ids": []string{m.person, m.place}} }), true, false},
	{"co-location", `query($op: ID!, $p: ID!) { coLocation(input: {operationId: $op, entityIds: [$p], from: "2026-01-01T00:00:00Z", to: "2026-12-31T00:00:00Z"}) {
		place { ...Ent } entities { ...Ent } } }`,
		vars(func(m *matrixWorld) map[string]any { return map[string]any{"op": m.op, "p": m.person} }), true, false},
	{"timeline", `query($p: ID!) { timeline(input: {entityIds: [$p]}) { at entry event { id summary } link { ...Lnk } } }`,
		vars(func(m *matrixWorld) map[string]any { return map[string]any{"p": m.person} }), true, false},
	{"key players", `query($p: ID!) { keyPlayers(input: {seedIds: [$p], hops: 2}) { ranked { entity { ...Ent } } communities { members { ...Ent } } } }`,
		vars(func(m *matrixWorld) map[string]any { return map[string]any{"p": m.person} }), true, false},
	{"saved search", `query($s: ID!) { runSavedSearch(id: $s) { ... on Network { nodes { id label } links { id kind } } } }`,
		vars(func(m *matrixWorld) map[string]any { return map[string]any{"s": m.saved} }), true, false},
	{"audit trail", `query($op: ID!) { auditTrail(filter: {operationId: $op, actions: ["CREATE", "UPDATE", "LINK"]}, first: 100) {
		edges { node { entityId entityKind before after reason } } } }`,
		vars(func(m *matrixWorld) map[string]any { return map[string]any{"op": m.op} }), true, true},
	// Mutations: results pass the read rule, refusals say nothing. Stale
	// versions keep the seeded records as they are.
	{"stale item update", `mutation($i: ID!) { updateIntelligenceItem(id: $i, expectedVersion: 999, input: {sanitisedText: "x"}) { ...Item } }`,
		vars(func(m *matrixWorld) map[string]any { return map[string]any{"i": m.items["TOP_SECRET/C"]} }), false, false},
	{"stale link update", `mutation($l: ID!) { updateLink(id: $l, expectedVersion: 999, input: {confidence: 0.1}) { ...Lnk } }`,
		vars(func(m *matrixWorld) map[string]any { return map[string]any{"l": m.links["SECRET/C"]} }), false, false},
	{"stale exhibit updates", `mutation($x: ID!) {
		u: updateExhibit(id: $x, expectedVersion: 999, input: {description: "x"}) { ...Exh }
		c: recordContinuity(exhibitId: $x, expectedVersion: 999, input: {heldBy: "x", location: "x", purpose: "x"}) { ...Exh } }`,
		vars(func(m *matrixWorld) map[string]any { return map[string]any{"x": m.exhibit} }), false, false},
	{"stale retention", `mutation($i: ID!) { recordRetention(id: $i, expectedVersion: 999, input: {decision: RETAIN, rationale: "x"}) { ...Item } }`,
		vars(func(m *matrixWorld) map[string]any { return map[string]any{"i": m.items["SECRET/P"]} }), false, false},
	{"duplicate link", `mutation($p: ID!, $a: ID!, $s: ID!) { link(input: {type: ASSOCIATE_OF, fromId: $p, toId: $a, sourceIds: [$s]}) { ...Lnk } }`,
		vars(func(m *matrixWorld) map[string]any {
			return map[string]any{"p": m.person, "a": m.associates["TOP_SECRET/C"], "s": m.items["OFFICIAL/P"]}
		}), false, false},
	{"writing above clearance", `mutation($op: ID!) { createIntelligenceItem(input: {operationId: $op, sourceType: CHIS, classification: TOP_SECRET,
		grading: {source: "2", assessment: "B", handling: "C", conditions: "CANARY-TOP_SECRET-C-COND"}, sanitisedText: "CANARY-TOP_SECRET-C-TEXT"}) { ...Item } }`,
		vars(func(m *matrixWorld) map[string]any { return map[string]any{"op": m.op} }), true, false},
	{"new sensitive exhibit", `mutation($op: ID!, $ref: String!) { createExhibit(input: {operationId: $op, reference: $ref, kind: "DOCUMENT", description: "x",
		disclosureStatus: UNUSED_SENSITIVE, sensitivityReason: "CANARY-SENS"}) { ...Exh } }`,
		vars(func(m *matrixWorld) map[string]any {
			exhibitSeq++
			return map[string]any{"op": m.op, "ref": fmt.Sprintf("MX/%d", exhibitSeq)}
		}), true, false},
	{"mentions", `mutation($i: ID!, $e: ID!) { a: addMention(itemId: $i, entityId: $e, role: "MATRIX") { ...Item } r: removeMention(itemId: $i, entityId: $e) { ...Item } }`,
		nil, true, false}, // run for every item (see below)
}

// httpProbe is a document of reports.Handler.
type httpProbe struct {
	route   string // its reports.Routes pattern
	method  string
	path    func(m *matrixWorld) string
	body    func(m *matrixWorld) string
	reaches bool
}

var matrixDocuments = []httpProbe{
	{"GET /reports/targets/{doc}", "GET", func(m *matrixWorld) string { return "/reports/targets/" + m.target + ".html" }, nil, true},
	{"GET /reports/operations/{id}/{doc}", "GET", func(m *matrixWorld) string { return "/reports/operations/" + m.op + "/mg6d.html" }, nil, true},
	{"GET /reports/operations/{id}/{doc}", "GET", func(m *matrixWorld) string { return "/reports/operations/" + m.op + "/mg6c.csv" }, nil, false},
	{"POST /export/{doc}", "POST", func(*matrixWorld) string { return "/export/network.json" },
		func(m *matrixWorld) string { return `{"seedIds":["` + m.person + `"],"hops":2}` }, true},
	{"POST /export/{doc}", "POST", func(*matrixWorld) string { return "/export/paths.graphml" },
		func(m *matrixWorld) string {
			return `{"fromId":"` + m.person + `","toId":"` + m.associates["TOP_SECRET/C"] + `"}`
		}, true},
	{"POST /export/{doc}", "POST", func(*matrixWorld) string { return "/export/common-links.anx" },
		func(m *matrixWorld) string { return `{"entityIds":["` + m.person + `","` + m.place + `"]}` }, true},
	{"POST /export/{doc}", "POST", func(*matrixWorld) string { return "/export/key-players.json" },
		func(m *matrixWorld) string { return `{"seedIds":["` + m.person + `"]}` }, true},
	{"GET /export/saved/{doc}", "GET", func(m *matrixWorld) string { return "/export/saved/" + m.saved + ".json" }, nil, true},
}

func TestNeedToKnowMatrix(t *testing.T) {
	src, err := os.ReadFile("../schema.graphqls")
	if err != nil {
		t.Fatal(err)
	}
	schema := gqlparser.MustLoadSchema(&ast.Source{Name: "schema.graphqls", Input: string(src)})

	// The matrix covers every gate field and every document.
	covered := map[string]bool{}
	for _, p := range matrixProbes {
		doc, errs := gqlparser.LoadQueryWithRules(schema, withFragments(p.doc), nil)
		if errs != nil {
			t.Fatalf("probe %q: %v", p.name, errs)
		}
		for f := range exercised(schema, doc) {
			covered[f] = true
		}
	}
	for _, f := range gateFields(schema) {
		if !covered[f] {
			t.Errorf("%s can return guarded content but no probe of the need-to-know matrix asks for it: add one", f)
		}
	}
	routes := map[string]bool{}
	for _, d := range matrixDocuments {
		routes[d.route] = true
	}
	for _, r := range reports.Routes {
		if !routes[r] {
			t.Errorf("document %s is not in the need-to-know matrix", r)
		}
	}
	if t.Failed() {
		return
	}

	m := newMatrixWorld(t)
	docs := reports.Handler(m.env.Store)
	var callers []caller
	for _, role := range keyline.Roles {
		for _, cl := range []keyline.Classification{keyline.OfficialSensitive, keyline.Secret, keyline.TopSecret} {
			for _, member := range []bool{true, false} {
				callers = append(callers, caller{role, cl, member})
			}
		}
	}
	allSeeing := caller{keyline.RoleSIO, keyline.TopSecret, true}
	seenByAll := map[string]bool{}
	for _, c := range callers {
		a := m.env.Officer(c.role, c.clearance)
		if c.member {
			m.env.Do(m.sio, `mutation($op: ID!, $o: ID!) { addOperationMember(operationId: $op, officerId: $o) { id } }`,
				map[string]any{"op": m.op, "o": a.OfficerID}).NoErrors()
		}
		// check judges an answer; asked is the request, since an id the
		// caller named may come back in a refusal without revealing anything.
		check := func(what, asked, answer string, reaches, lists bool) {
			t.Helper()
			found := false
			for _, k := range m.canaries {
				if !strings.Contains(answer, k.text) || (lists && (k.kind == canaryEntity || k.kind == canaryEvent)) ||
					(k.kind == canaryLinkID && (what == "audit trail" || strings.Contains(asked, k.text))) {
					continue
				}
				found = true
				if c == allSeeing {
					seenByAll[k.text] = true
				}
				if !canarySeen(c, k) {
					t.Errorf("%s: %s reached %s: %.600s", c, what, k.text, answer)
				}
			}
			if what == "audit trail" && strings.Contains(answer, "-SOURCE") {
				t.Errorf("%s: the audit trail holds source text: %.600s", c, answer)
			}
			if c == allSeeing && reaches && !found {
				t.Errorf("%s: %s reached no canary at all (the probe is vacuous): %.600s", c, what, answer)
			}
		}
		for _, p := range matrixProbes {
			if p.vars == nil {
				for mark, item := range m.items {
					v := map[string]any{"i": item, "e": m.place}
					res := m.env.Do(a, withFragments(p.doc), v)
					check(p.name+" "+mark, fmt.Sprint(v), res.Raw, p.reaches, false)
				}
				continue
			}
			v := p.vars(m)
			res := m.env.Do(a, withFragments(p.doc), v)
			check(p.name, fmt.Sprint(v), res.Raw, p.reaches, p.lists)
		}
		for _, d := range matrixDocuments {
			officer, ops, err := m.env.Store.Membership(t.Context(), a.Subject)
			if err != nil {
				t.Fatal(err)
			}
			actor := *a
			actor.OfficerID, actor.Operations = officer, ops
			var body io.Reader
			if d.body != nil {
				body = strings.NewReader(d.body(m))
			}
			req := httptest.NewRequest(d.method, d.path(m), body).WithContext(keyline.WithActor(t.Context(), &actor))
			rec := httptest.NewRecorder()
			docs.ServeHTTP(rec, req)
			asked := d.path(m)
			if d.body != nil {
				asked += d.body(m)
			}
			check(d.method+" "+d.path(m), asked, rec.Body.String(), d.reaches, false)
		}
	}
	for _, k := range m.canaries {
		if !seenByAll[k.text] {
			t.Errorf("no probe showed %s to the SIO cleared for everything: the matrix does not reach it", k.text)
		}
	}
}
