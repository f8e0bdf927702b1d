package resolvers

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph"
	"github.com/keyline/keyline/graph/model"
)

// Limits bounds what one operation may ask for, before any resolver runs.
type Limits struct {
	MaxDepth   int // nesting of selections
	MaxCost    int // see "The cost of a query" below
	MaxAliases int // aliased fields in the whole operation
	MaxFields  int // field selections in the whole operation (after fragments)
}

// DefaultLimits suit the deepest legitimate Keyline queries: three hops
// through Relay connections (edges/node) nest 13 levels.
var DefaultLimits = Limits{MaxDepth: 15, MaxCost: 50_000, MaxAliases: 30, MaxFields: 500}

// introspectionDepth bounds selections under __schema and __type, whose
// type references nest `ofType` many levels deep (GraphiQL's introspection
// query nests 17). They read the schema in memory, never the database, and
// are served only where introspection is on (development).
const introspectionDepth = 32

// ExtensionName implements graphql.HandlerExtension.
func (Limits) ExtensionName() string { return "KeylineLimits" }

// Validate implements graphql.HandlerExtension.
func (Limits) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext refuses an over-limit operation with
// LIMIT_EXCEEDED before execution. Alone, it costs every saved search at
// the largest question of any kind; the handler's limits (savedCostLimits)
// read each saved search's own parameters.
func (l Limits) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	return l.check(oc, nil)
}

// savedCostLimits are Limits that cost runSavedSearch by the saved
// search's own kind and parameters (with its overrides), read in the
// caller's scope. A saved search the caller may not see (or that does not
// exist, or cannot be read) costs the largest question, so the cost says
// nothing of another operation's searches.
type savedCostLimits struct {
	Limits
	store *cypher.Store
}

func (l savedCostLimits) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	return l.check(oc, func(id string) (string, map[string]any, bool) {
		a := keyline.ActorFrom(ctx)
		if a == nil {
			return "", nil, false
		}
		found, err := l.store.NodesByID(ctx, cypher.ScopeOf(a), []string{id})
		rec, ok := found[id]
		if err != nil || !ok || rec.Kind != keyline.KindSavedSearch {
			return "", nil, false
		}
		kind, _ := rec.Props["kind"].(string)
		raw, _ := rec.Props["parameters"].(string)
		var params map[string]any
		if json.Unmarshal([]byte(raw), &params) != nil || params == nil {
			return "", nil, false
		}
		return kind, params, true
	})
}

// savedSearchLookup reads a saved search's kind and parameters, if the
// caller may see it.
type savedSearchLookup func(id string) (kind string, params map[string]any, ok bool)

func (l Limits) check(oc *graphql.OperationContext, saved savedSearchLookup) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	w := &walker{limits: l, vars: oc.Variables, saved: saved}
	cost := w.selections(oc.Operation.SelectionSet, 1)
	switch {
	case w.err != "":
	case cost > l.MaxCost:
		w.err = fmt.Sprintf("query cost %d exceeds the limit of %d; ask for smaller pages", cost, l.MaxCost)
	}
	if w.err == "" {
		return nil
	}
	return &gqlerror.Error{Message: w.err, Extensions: map[string]any{"code": string(keyline.CodeLimit)}}
}

// The cost of a query.
//
// A field costs its own work plus, for every result its arguments let it
// return, the cost of its selection:
//
//	cost(field) = work + items × cost(selection)
//
// work is 1, except for the analysis questions, whose work grows with
// their arguments before a single result exists. items is 1, except where
// an argument multiplies the results:
//
//	first      a page of a connection or list (its value, or the schema default)
//	ids        nodes(ids): one result per id asked for
//	input      paths, network, keyPlayers, commonLinks, coLocation, timeline:
//	           the arguments inside the input object (seedIds, entityIds,
//	           hops, maxHops, nodeBudget, limit, k, first, mode) bound the
//	           lists of the answer (analysisCost)
//	(stored)   runSavedSearch: the saved search's own question, its
//	           parameters (read in the caller's scope) with the overrides
//	           merged over them; one the caller may not see, or that does
//	           not exist, costs what the largest question of any kind may
//
// The same arguments count whether written inline, inside the input
// object, or given as variables, and an omitted one counts at its schema
// default. A connection's edges and an edge's node are the page's items
// themselves and cost nothing of their own, so a shape costs the same by
// any root field: nodes(ids: [61 ids]) { X } costs what
// operations(first: 61) { edges { node { X } } } does.
//
// Every factor is capped at MaxCost+1 before it multiplies, so no request
// can overflow the sum into a small (or negative) cost.

type walker struct {
	limits          Limits
	vars            map[string]any
	aliases, fields int
	err             string
	// answer holds, inside an analysis question's selection, how many
	// entries each list of its answer may hold ("Network.nodes": 500).
	answer map[string]int
	// introspection is set inside __schema and __type.
	introspection bool
	// saved reads a saved search for runSavedSearch; nil costs every saved
	// search at the largest question.
	saved savedSearchLookup
}

func (w *walker) maxDepth() int {
	if w.introspection {
		return introspectionDepth
	}
	return w.limits.MaxDepth
}

// selections returns the cost of a selection set at depth d, recording the
// first limit broken.
func (w *walker) selections(set ast.SelectionSet, d int) int {
	if w.err != "" {
		return 0
	}
	if max := w.maxDepth(); d > max {
		w.err = fmt.Sprintf("query is nested deeper than %d levels", max)
		return 0
	}
	cost := 0
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			w.fields++
			if s.Alias != "" && s.Alias != s.Name {
				w.aliases++
			}
			if w.fields > w.limits.MaxFields {
				w.err = fmt.Sprintf("query selects more than %d fields", w.limits.MaxFields)
				return 0
			}
			if w.aliases > w.limits.MaxAliases {
				w.err = fmt.Sprintf("query uses more than %d aliases", w.limits.MaxAliases)
				return 0
			}
			work, items, answer := w.fieldCost(s)
			outer, wasIntrospection := w.answer, w.introspection
			if answer != nil {
				w.answer = answer
			}
			if s.Name == "__schema" || s.Name == "__type" {
				w.introspection = true
			}
			children := w.cap(w.selections(s.SelectionSet, d+1))
			w.answer, w.introspection = outer, wasIntrospection
			cost = w.cap(cost + work + items*children)
		case *ast.InlineFragment:
			cost = w.cap(cost + w.selections(s.SelectionSet, d))
		case *ast.FragmentSpread:
			// Fragment cycles are refused by validation before this runs.
			if s.Definition != nil {
				cost = w.cap(cost + w.selections(s.Definition.SelectionSet, d))
			}
		}
	}
	return cost
}

// cap keeps a cost or factor at most one above the limit: enough to refuse,
// never enough to overflow when multiplied by another capped value.
func (w *walker) cap(n int) int { return max(min(n, w.limits.MaxCost+1), 0) }

// fieldCost returns a field's own work, how many results its arguments let
// it return, and, for an analysis question, the sizes of its answer's lists.
func (w *walker) fieldCost(f *ast.Field) (work, items int, answer map[string]int) {
	if f.Definition == nil {
		return 1, 1, nil
	}
	parent := ""
	if f.ObjectDefinition != nil {
		parent = f.ObjectDefinition.Name
	}
	switch {
	case f.Name == "edges" && strings.HasSuffix(parent, "Connection"), f.Name == "node" && strings.HasSuffix(parent, "Edge"):
		return 0, 1, nil
	case parent == "Query" && f.Name == "runSavedSearch":
		if work, answer, ok := w.savedSearchCost(f); ok {
			return w.cap(work), 1, answer
		}
		work, answer = largestQuestion()
		return w.cap(work), 1, answer
	}
	if a := f.Definition.Arguments.ForName("input"); a != nil && parent == "Query" {
		if rule, ok := analysisCost[f.Name]; ok {
			in := w.input(f, a)
			work, items, answer = rule(in)
			return w.cap(work), w.cap(items), answer
		}
	}
	items = 1
	if n, ok := w.answer[parent+"."+f.Name]; ok {
		items = n
	}
	if a := f.Definition.Arguments.ForName("first"); a != nil {
		items = w.argInt(f, a)
	}
	if a := f.Definition.Arguments.ForName("ids"); a != nil {
		items = w.argLen(f, "ids")
	}
	return 1, w.cap(items), nil
}

// argInt reads an Int argument (inline or a variable), or its schema
// default when omitted; at least 1.
func (w *walker) argInt(f *ast.Field, def *ast.ArgumentDefinition) int {
	if arg := f.Arguments.ForName(def.Name); arg != nil {
		if v, err := arg.Value.Value(w.vars); err == nil && v != nil {
			return w.cap(max(costInt(v), 1))
		}
	}
	if def.DefaultValue != nil {
		if v, err := def.DefaultValue.Value(nil); err == nil {
			return w.cap(max(costInt(v), 1))
		}
	}
	if def.Name == "first" {
		return DefaultPageSize
	}
	return 1
}

// argLen is the length of a list argument; a single value counts as one.
func (w *walker) argLen(f *ast.Field, name string) int {
	arg := f.Arguments.ForName(name)
	if arg == nil {
		return 1
	}
	v, err := arg.Value.Value(w.vars)
	if err != nil {
		return 1
	}
	return w.cap(max(lengthOf(v), 1))
}

// input reads a field's input object, inline or a variable, with the
// schema's default for every field it omits.
func (w *walker) input(f *ast.Field, def *ast.ArgumentDefinition) questionInput {
	given := map[string]any{}
	if arg := f.Arguments.ForName(def.Name); arg != nil {
		if v, err := arg.Value.Value(w.vars); err == nil {
			if m, ok := v.(map[string]any); ok {
				given = m
			}
		}
	}
	return questionInputOf(given, def.Type.Name())
}

// questionInputOf is an input object of the named type as the cost reads
// it: the schema's default for every field omitted, lists as their lengths.
func questionInputOf(given map[string]any, typeName string) questionInput {
	in := questionInput{}
	for k, x := range given {
		in[k] = x
	}
	if t := schemaTypes()[typeName]; t != nil {
		for _, fd := range t.Fields {
			if _, ok := in[fd.Name]; !ok && fd.DefaultValue != nil {
				if v, err := fd.DefaultValue.Value(nil); err == nil {
					in[fd.Name] = v
				}
			}
		}
	}
	for k, v := range in {
		switch x := v.(type) {
		case nil, string, bool, map[string]any:
		default:
			if n := lengthOf(x); reflect.ValueOf(x).Kind() == reflect.Slice {
				in[k] = n
			} else {
				in[k] = costInt(x)
			}
		}
	}
	return in
}

// savedQuestions maps a saved search's kind to its question and input type.
var savedQuestions = map[string]struct{ field, input string }{
	string(model.SavedSearchKindPaths):       {"paths", "PathsInput"},
	string(model.SavedSearchKindNetwork):     {"network", "NetworkInput"},
	string(model.SavedSearchKindCommonLinks): {"commonLinks", "CommonLinksInput"},
	string(model.SavedSearchKindCoLocation):  {"coLocation", "CoLocationInput"},
	string(model.SavedSearchKindTimeline):    {"timeline", "TimelineInput"},
	string(model.SavedSearchKindKeyPlayers):  {"keyPlayers", "KeyPlayersInput"},
}

// savedSearchCost is what runSavedSearch costs when the saved search can
// be read: its own question, with its parameters and the overrides merged
// over them as the resolver merges them (runSavedSearch).
func (w *walker) savedSearchCost(f *ast.Field) (work int, answer map[string]int, ok bool) {
	if w.saved == nil {
		return 0, nil, false
	}
	id, _ := w.argValue(f, "id").(string)
	kind, params, found := w.saved(id)
	q, known := savedQuestions[kind]
	if !found || !known {
		return 0, nil, false
	}
	if over, _ := w.argValue(f, "overrides").(string); over != "" {
		var m map[string]any
		if json.Unmarshal([]byte(over), &m) != nil {
			return 0, nil, false
		}
		for k, v := range m {
			params[k] = v
		}
	}
	work, items, answer := analysisCost[q.field](questionInputOf(params, q.input))
	// As a saved-search result, a timeline's and a co-location's lists sit
	// in a wrapper (TimelineResult, CoLocationResult).
	wrapped := map[string]string{"timeline": "TimelineResult.entries", "coLocation": "CoLocationResult.meetings"}
	if key, ok := wrapped[q.field]; ok {
		answer = maps.Clone(answer)
		if answer == nil {
			answer = map[string]int{}
		}
		answer[key] = items
	}
	return work, answer, true
}

// argValue is an argument's value, inline or a variable; nil when absent.
func (w *walker) argValue(f *ast.Field, name string) any {
	arg := f.Arguments.ForName(name)
	if arg == nil {
		return nil
	}
	v, err := arg.Value.Value(w.vars)
	if err != nil {
		return nil
	}
	return v
}

// questionInput is an analysis question's input: numbers as ints, lists
// as their lengths, enums as strings.
type questionInput map[string]any

// n reads a number (or a list's length); at least 1, at most a million.
func (in questionInput) n(name string) int {
	if v, ok := in[name].(int); ok {
		return min(max(v, 1), 1_000_000)
	}
	return 1
}

// The answer sizes of each analysis question, from its input. The bounds
// are those the resolvers enforce (analysis.go, keyplayers.go).
var analysisCost = map[string]func(questionInput) (work, items int, answer map[string]int){
	// Paths: SHORTEST finds one, K_SHORTEST k, ALL_SHORTEST up to limit;
	// each of up to maxHops links and maxHops+1 entities.
	"paths": func(in questionInput) (int, int, map[string]int) {
		paths := 1
		switch in["mode"] {
		case string(cypher.PathsKShortest):
			paths = in.n("k")
		case string(cypher.PathsAllShortest):
			paths = in.n("limit")
		}
		hops := in.n("maxHops")
		// A step lists every link joining its pair: at most one per link
		// type in each direction.
		return paths * hops, 1, map[string]int{"PathsResult.paths": paths, "Path.nodes": hops + 1, "Path.links": hops,
			"Path.steps": hops, "PathStep.links": 2 * len(cypher.LinkTypes)}
	},
	// A network: the expansion reads up to nodeBudget entities on each of
	// its hops from every seed; nodes, links and frontier are bounded by
	// the budget.
	"network": func(in questionInput) (int, int, map[string]int) {
		budget := in.n("nodeBudget")
		return in.n("seedIds") + in.n("hops")*budget, 1, map[string]int{"Network.nodes": budget, "Network.links": budget, "Network.frontier": budget}
	},
	// Key players: the network as above; first ranked; the communities
	// share the budget's entities between them.
	"keyPlayers": func(in questionInput) (int, int, map[string]int) {
		budget := in.n("nodeBudget")
		return in.n("seedIds") + in.n("hops")*budget, 1, map[string]int{"KeyPlayers.ranked": in.n("first"), "KeyPlayers.communities": budget}
	},
	// Common links: each entity's neighbours compared, up to limit shared
	// entities (each linked to up to every entity asked) and co-mentions.
	"commonLinks": func(in questionInput) (int, int, map[string]int) {
		ids, limit := in.n("entityIds"), in.n("limit")
		return ids * limit, 1, map[string]int{"CommonLinks.shared": limit, "SharedEntity.links": ids, "CommonLinks.coMentions": limit}
	},
	// A timeline: up to limit entries for its entities.
	"timeline": func(in questionInput) (int, int, map[string]int) {
		return in.n("entityIds"), in.n("limit"), nil
	},
	// Co-location has no limit of its own: a page's worth is assumed.
	"coLocation": func(in questionInput) (int, int, map[string]int) {
		return in.n("entityIds"), DefaultPageSize, nil
	},
}

// largestQuestion is what a saved search may cost at most: the largest
// input of every kind the resolvers accept, as its parameters (and any
// overrides) are read only when it runs.
var largestQuestion = sync.OnceValues(func() (int, map[string]int) {
	largest := map[string]questionInput{
		"paths":       {"mode": string(cypher.PathsAllShortest), "limit": 50, "maxHops": cypher.MaxPathHops},
		"network":     {"seedIds": 50, "hops": 3, "nodeBudget": 2000},
		"keyPlayers":  {"seedIds": 50, "hops": 3, "nodeBudget": 2000, "first": 200},
		"commonLinks": {"entityIds": 20, "limit": 200},
		"timeline":    {"entityIds": 50, "limit": 1000},
		"coLocation":  {"entityIds": 50},
	}
	work, answer := 0, map[string]int{}
	for name, in := range largest {
		w, items, a := analysisCost[name](in)
		work = max(work, w)
		for k, v := range a {
			answer[k] = max(answer[k], v)
		}
		switch name {
		case "timeline":
			answer["TimelineResult.entries"] = items
		case "coLocation":
			answer["CoLocationResult.meetings"] = items
		}
	}
	return work, answer
})

// schemaTypes is the schema's types, for the defaults of input fields.
var schemaTypes = sync.OnceValue(func() map[string]*ast.Definition {
	return graph.NewExecutableSchema(graph.Config{}).Schema().Types
})

// costInt reads a number however it was decoded (literal, JSON variable).
func costInt(v any) int {
	switch n := v.(type) {
	case int:
		return n
	case int32:
		return int(n)
	case int64:
		return int(min(max(n, -1<<31), 1<<31))
	case float64:
		return int(min(max(n, -1<<31), 1<<31))
	case json.Number:
		if i, err := n.Int64(); err == nil {
			return int(min(max(i, -1<<31), 1<<31))
		}
		if f, err := n.Float64(); err == nil {
			return int(min(max(f, -1<<31), 1<<31))
		}
	}
	return 1
}

// lengthOf is a list's length, 1 for a single value, -1 for nil.
func lengthOf(v any) int {
	if v == nil {
		return -1
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array {
		return rv.Len()
	}
	return 1
}
