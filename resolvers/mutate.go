package resolvers

import (
	"context"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
)

// createNode authorises, stores and decodes a new record of operation opID.
func createNode[T model.Node](ctx context.Context, store *cypher.Store, perm keyline.Permission, k keyline.Kind, opID string,
	props map[string]any, err error, refs ...cypher.Ref) (T, error) {
	var zero T
	if err != nil {
		return zero, err
	}
	a, err := currentActor(ctx)
	if err != nil {
		return zero, err
	}
	if err := a.Authorise(perm, opID); err != nil {
		return zero, err
	}
	rec, err := store.CreateNode(ctx, a, k, opID, props, refs)
	if err != nil {
		return zero, err
	}
	return decodeAs[T](rec)
}

// updateNode authorises the role, then lets the store check membership and
// version while it applies the change.
func updateNode[T model.Node](ctx context.Context, store *cypher.Store, perm keyline.Permission, k keyline.Kind, id string, version int,
	set map[string]any, err error, refs ...cypher.Ref) (T, error) {
	var zero T
	if err != nil {
		return zero, err
	}
	a, err := currentActor(ctx)
	if err != nil {
		return zero, err
	}
	if err := a.Authorise(perm, ""); err != nil {
		return zero, err
	}
	rec, err := store.UpdateNode(ctx, a, k, id, version, set, refs)
	if err != nil {
		return zero, err
	}
	return decodeAs[T](rec)
}

// ref builds a structural relationship request from optional ids.
func ref(rel string, dir cypher.Direction, field string, ids ...string) cypher.Ref {
	r := cypher.Ref{Rel: rel, Dir: dir, Field: field}
	for _, id := range ids {
		if id != "" {
			r.Targets = append(r.Targets, cypher.RefTarget{ID: id})
		}
	}
	return r
}

// replacing makes r replace the record's existing relationships of its
// type (a new owner, a new SIO) instead of adding to them.
func replacing(r cypher.Ref) cypher.Ref {
	r.Replace = true
	return r
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
