// Package linkanalysis answers the link-analysis questions asked of the
// investigation graph: the paths between two entities, the network around
// some, what several have in common, who was together where, what happened
// when, who the key players of a network are, and the chart any of the
// chartable ones draws for export.
//
// Each question is a typed struct, validated here with the same field
// paths the API reports (input.toId, input.filter.maxDegree, ...); every
// read applies the asker's need to know (their scope), and every traversal
// is bounded three ways: hops and results (validated here and capped in
// the Cypher) and time (the store's analysis timeout). Answers are the
// store's records and links, which each caller turns into its own shapes:
// the GraphQL resolvers into models, the chart exports into a chart.
//
// The pure algorithms (centrality, communities) are package analysis; this
// package reads what they analyse.
package linkanalysis

import (
	"context"
	"fmt"
	"slices"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

// Service answers link-analysis questions from the store.
type Service struct {
	Store *cypher.Store
}

// Caller is who asks a question.
type Caller struct {
	Actor *keyline.Actor
	// Records reads records by id in the actor's scope. A GraphQL request
	// passes its loaders, so an entity an answer names is read once for
	// the whole response; nil reads from the store.
	Records Records
}

// Records reads records by id in the caller's scope; an id that does not
// exist or that the caller may not see is absent from the answer.
type Records interface {
	NodesMaybe(ctx context.Context, ids []string) (map[string]cypher.Record, error)
}

// storeRecords reads records straight from the store.
type storeRecords struct {
	store *cypher.Store
	scope cypher.Scope
}

func (r storeRecords) NodesMaybe(ctx context.Context, ids []string) (map[string]cypher.Record, error) {
	if len(ids) == 0 {
		return map[string]cypher.Record{}, nil
	}
	return r.store.NodesByID(ctx, r.scope, ids)
}

// asker is a Caller ready to read: actor present, scope worked out.
type asker struct {
	actor   *keyline.Actor
	scope   cypher.Scope
	records Records
}

func (s *Service) asker(c Caller) (asker, error) {
	if c.Actor == nil {
		// Every entry point refuses an unauthenticated request first, so
		// this is a wiring fault, never an answer for nobody.
		return asker{}, keyline.Errorf(keyline.CodeUnauthenticated, "authentication required")
	}
	a := asker{actor: c.Actor, scope: cypher.ScopeOf(c.Actor), records: c.Records}
	if a.records == nil {
		a.records = storeRecords{store: s.Store, scope: a.scope}
	}
	return a, nil
}

// entities reads the entities ids name, each checked to be an entity id
// the caller may see; field names the ids in errors (indexed when several).
func (a asker) entities(ctx context.Context, field string, ids []string) (map[string]cypher.Record, error) {
	return a.entitiesAt(ctx, ids, func(i int) string {
		if len(ids) > 1 {
			return fmt.Sprintf("%s[%d]", field, i)
		}
		return field
	})
}

// entitiesAt is entities with the field of each id given by fieldOf, all
// read at once and checked in order.
func (a asker) entitiesAt(ctx context.Context, ids []string, fieldOf func(i int) string) (map[string]cypher.Record, error) {
	for i, id := range ids {
		if err := keyline.RequireKind(fieldOf(i), id, keyline.EntityKinds...); err != nil {
			return nil, err
		}
	}
	recs, err := a.records.NodesMaybe(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[string]cypher.Record, len(ids))
	for i, id := range ids {
		rec, ok := recs[id]
		if !ok {
			return nil, &keyline.Error{Code: keyline.CodeNotFound, Field: fieldOf(i), Message: "no such entity: " + id}
		}
		if !slices.Contains(keyline.EntityKinds, rec.Kind) {
			return nil, keyline.ErrNotFound(id)
		}
		out[id] = rec
	}
	return out, nil
}

// canReadOperation refuses an operation the caller is not in exactly as
// one that does not exist.
func (a asker) canReadOperation(id string) error {
	if !a.actor.CanRead(id) {
		return keyline.ErrNotFound(id)
	}
	return nil
}
