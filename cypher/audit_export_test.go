package cypher

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Audit internals the external tests reach.
var (
	ScrubSourceRevealing = scrubSourceRevealing
	ScrubJSONText        = scrubJSONText
)

// RunAuditMigrationForTest applies migration 0006 (its statements and its
// Go step) again, as Migrate would to a database that predates it.
func (s *Store) RunAuditMigrationForTest(ctx context.Context) error {
	for _, m := range migrations() {
		if m.version != "0006" {
			continue
		}
		sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
		defer sess.Close(ctx)
		for i, st := range m.statements {
			if err := runSchemaStatement(ctx, sess, st); err != nil {
				return fmt.Errorf("statement %d: %w", i+1, err)
			}
		}
		return dataSteps[m.version](s, ctx)
	}
	return fmt.Errorf("no migration 0006")
}

// AuditEventsForTest runs a raw write (to store events as older versions
// of Keyline wrote them) or read of audit events.
func (s *Store) AuditEventsForTest(ctx context.Context, text string, params map[string]any) ([]map[string]any, error) {
	var rows []map[string]any
	err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		var err error
		rows, err = s.collectRaw(ctx, tx, query{name: "test", text: text}, params)
		return err
	})
	return rows, err
}
