package resolvers

import (
	"context"
	"reflect"

	"github.com/99designs/gqlgen/graphql"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/graph/model"
)

// mutationResultsVisible is need to know's last line on writes: whatever
// a mutation returns passes the same rule as a read of it (keyline.Actor.
// Sees; for a link, SeesLink), or the caller gets NOT_FOUND, exactly as
// for a record that does not exist. The store already refuses a write to a
// record the caller cannot see (its guards ask the same rule), so this
// holds even if a future mutation forgets to.
func mutationResultsVisible(ctx context.Context, next graphql.Resolver) (any, error) {
	res, err := next(ctx)
	if err != nil {
		return res, err
	}
	if fc := graphql.GetFieldContext(ctx); fc == nil || fc.Object != "Mutation" {
		return res, err
	}
	if id, ok := hiddenResult(keyline.ActorFrom(ctx), res); ok {
		return nil, keyline.ErrNotFound(id)
	}
	return res, nil
}

// hiddenResult reports whether a mutation's result is a record the actor
// may not see, and its id.
func hiddenResult(a *keyline.Actor, res any) (string, bool) {
	m, ok := res.(model.Marked)
	if v := reflect.ValueOf(res); !ok || (v.Kind() == reflect.Pointer && v.IsNil()) {
		return "", false
	}
	id := ""
	if n, ok := res.(interface{ NodeID() string }); ok {
		id = n.NodeID()
	}
	if !a.Sees(m.Marking()) {
		return id, true
	}
	if l, ok := res.(interface{ LinkMarks() []string }); ok && !a.SeesLink(l.LinkMarks()) {
		return id, true
	}
	return "", false
}
