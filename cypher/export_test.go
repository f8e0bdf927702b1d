package cypher

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Internals the external tests (package cypher_test, which can use
// internal/neo4jtest) reach.
var QueryFiles = files

// ReadForTest runs a statement (scope fragments expanded) under sc.
func (s *Store) ReadForTest(ctx context.Context, text string, sc Scope, params map[string]any) ([]map[string]any, error) {
	return s.readOne(ctx, query{name: "test", text: expandScope(text)}, sc.params(params))
}

// WriteForTest runs raw statements in one write transaction.
func (s *Store) WriteForTest(ctx context.Context, fn func(run func(text string, params map[string]any) error) error) error {
	return s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		return fn(func(text string, params map[string]any) error {
			_, err := tx.Run(ctx, text, params)
			return err
		})
	})
}

// RedescribePersonsForTest runs migration 0008's Go step.
func (s *Store) RedescribePersonsForTest(ctx context.Context) error { return s.redescribePersons(ctx) }
