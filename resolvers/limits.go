package resolvers

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/keyline/keyline"
)

// Limits bounds what one operation may ask for, before any resolver runs.
type Limits struct {
	MaxDepth   int // nesting of selections
	MaxCost    int // a connection costs first × the cost of its children
	MaxAliases int // aliased fields in the whole operation
	MaxFields  int // field selections in the whole operation (after fragments)
}

// DefaultLimits suit the deepest legitimate Keyline queries: three hops
// through Relay connections (edges/node) nest 13 levels.
var DefaultLimits = Limits{MaxDepth: 15, MaxCost: 50_000, MaxAliases: 30, MaxFields: 500}

// ExtensionName implements graphql.HandlerExtension.
func (Limits) ExtensionName() string { return "KeylineLimits" }

// Validate implements graphql.HandlerExtension.
func (Limits) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext refuses an over-limit operation with
// LIMIT_EXCEEDED before execution.
func (l Limits) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	w := &walker{limits: l, vars: oc.Variables}
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

type walker struct {
	limits          Limits
	vars            map[string]any
	aliases, fields int
	err             string
}

// selections returns the cost of a selection set at depth d, recording the
// first limit broken.
func (w *walker) selections(set ast.SelectionSet, d int) int {
	if w.err != "" {
		return 0
	}
	if d > w.limits.MaxDepth {
		w.err = fmt.Sprintf("query is nested deeper than %d levels", w.limits.MaxDepth)
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
			// Capping before multiplying keeps nested page sizes from
			// overflowing into a small (or negative) cost.
			children := min(w.selections(s.SelectionSet, d+1), w.limits.MaxCost+1)
			cost = min(cost+1+w.multiplier(s)*children, w.limits.MaxCost+1)
		case *ast.InlineFragment:
			cost = min(cost+w.selections(s.SelectionSet, d), w.limits.MaxCost+1)
		case *ast.FragmentSpread:
			// Fragment cycles are refused by validation before this runs.
			if s.Definition != nil {
				cost = min(cost+w.selections(s.Definition.SelectionSet, d), w.limits.MaxCost+1)
			}
		}
	}
	return cost
}

// multiplier is the page size a list field asks for: `first`, or the
// default page size when the field takes `first` but it is omitted.
func (w *walker) multiplier(f *ast.Field) int {
	if f.Definition == nil {
		return 1
	}
	if arg := f.Arguments.ForName("first"); arg != nil {
		if v, err := arg.Value.Value(w.vars); err == nil {
			switch n := v.(type) {
			case int64:
				return max(int(n), 1)
			case int:
				return max(n, 1)
			}
		}
	}
	if f.Definition.Arguments.ForName("first") != nil {
		return DefaultPageSize
	}
	return 1
}
