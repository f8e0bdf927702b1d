package cypher

import (
	"context"
	"encoding/json"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/keyline/keyline"
)

// Schedule returns an operation's exhibits of one disclosure status, in
// the order they were recorded (their schedule numbers follow it).
func (s *Store) Schedule(ctx context.Context, sc Scope, operationID, status string) ([]Record, error) {
	rows, err := s.readOne(ctx, q("disclosure_schedule"), sc.params(map[string]any{"operationId": operationID, "status": status}))
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	items, _ := rows[0]["items"].([]any)
	out := make([]Record, 0, len(items))
	for _, it := range items {
		out = append(out, Record{Kind: keyline.KindExhibit, Props: asMap(it)})
	}
	return out, nil
}

// ReviewsDue returns records of an operation due for MOPI review by dueBy.
func (s *Store) ReviewsDue(ctx context.Context, sc Scope, operationID string, dueBy keyline.Date, limit int) ([]Record, error) {
	rows, err := s.readOne(ctx, q("reviews_due"), sc.params(map[string]any{"operationId": operationID, "dueBy": dueBy, "limit": limit}))
	if err != nil {
		return nil, err
	}
	out := make([]Record, 0, len(rows))
	for _, r := range rows {
		out = append(out, Record{Kind: kindOf(r["labels"]), Props: asMap(r["props"])})
	}
	return out, nil
}

// RecordRetention appends a MOPI retain/dispose decision to an
// intelligence item or exhibit at expectedVersion, with set (the next
// review date, or the disposal mark).
func (s *Store) RecordRetention(ctx context.Context, a *keyline.Actor, k keyline.Kind, id string, expectedVersion int, entry, set map[string]any) (Record, error) {
	raw, err := json.Marshal(entry)
	if err != nil {
		return Record{}, err
	}
	var rec Record
	err = s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		_, opID, err := s.guard(ctx, tx, a, k, id, expectedVersion)
		if err != nil {
			return err
		}
		rows, err := s.collect(ctx, tx, q("record_retention"), map[string]any{
			"id": id, "entry": string(raw), "set": param(set), "now": now(), "actor": a.Subject})
		if err != nil {
			return err
		}
		rec = Record{Kind: k, Props: asMap(rows[0]["props"])}
		return s.audit(ctx, tx, a, auditEntry{action: "RETENTION", kind: string(k), id: id, operationID: opID, after: entry})
	})
	return rec, err
}
