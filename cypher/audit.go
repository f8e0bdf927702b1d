package cypher

import (
	"context"
	"encoding/json"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/keyline/keyline"
)

// auditEntry is one change to record. Audit events are written in the
// same transaction as the change they describe, so a change is never
// committed without its record, and nothing in Keyline updates or deletes
// them.
type auditEntry struct {
	action      string // CREATE, UPDATE, LINK, UNLINK, RELATE, UNRELATE, CONTINUITY, READ
	kind        string
	id          string
	operationID string
	before      map[string]any
	after       map[string]any
	reason      string
	purpose     string
}

func (e auditEntry) event(a *keyline.Actor) map[string]any {
	ev := map[string]any{
		"id": keyline.NewAuditID(), "at": now(), "actor": a.Subject, "officerId": a.OfficerID,
		"requestId": a.RequestID, "action": e.action, "entityKind": e.kind, "entityId": e.id,
		"operationId": e.operationID,
	}
	if e.before != nil {
		ev["before"] = jsonText(e.before)
	}
	if e.after != nil {
		ev["after"] = jsonText(e.after)
	}
	if e.reason != "" {
		ev["reason"] = e.reason
	}
	if e.purpose != "" {
		ev["purpose"] = e.purpose
	}
	return ev
}

func jsonText(m map[string]any) string {
	b, err := json.Marshal(m)
	if err != nil {
		return "{}"
	}
	return string(b)
}

func (s *Store) audit(ctx context.Context, tx neo4j.ManagedTransaction, a *keyline.Actor, e auditEntry) error {
	_, err := s.collect(ctx, tx, q("audit_record"), map[string]any{"events": []any{param(e.event(a))}})
	return err
}

// Read is one record read, for the audit trail.
type Read struct {
	Kind        keyline.Kind
	ID          string
	OperationID string
}

// RecordReads appends a READ audit event for each record read (every
// intelligence item and target package returned to a client), with the
// caller's stated purpose when given.
func (s *Store) RecordReads(ctx context.Context, a *keyline.Actor, reads []Read, purpose string) error {
	if len(reads) == 0 {
		return nil
	}
	events := make([]any, len(reads))
	for i, r := range reads {
		events[i] = param(auditEntry{action: "READ", kind: string(r.Kind), id: r.ID, operationID: r.OperationID, purpose: purpose}.event(a))
	}
	return s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		_, err := s.collect(ctx, tx, q("audit_record"), map[string]any{"events": events})
		return err
	})
}

// AuditFilter narrows the audit trail; empty fields do not filter.
type AuditFilter struct {
	Actor, EntityID, OperationID string
	Actions                      []string
	From, To                     *time.Time
	Skip, Limit                  int
}

// AuditTrail returns a page of audit events (as property maps) in the
// operations sc covers, newest first.
func (s *Store) AuditTrail(ctx context.Context, sc Scope, f AuditFilter) ([]map[string]any, int, error) {
	opt := func(v string) any {
		if v == "" {
			return nil
		}
		return v
	}
	var actions, from, to any
	if f.Actions != nil {
		actions = f.Actions
	}
	if f.From != nil {
		from = *f.From
	}
	if f.To != nil {
		to = *f.To
	}
	rows, err := s.readOne(ctx, q("audit_trail"), sc.params(map[string]any{
		"actor": opt(f.Actor), "entityId": opt(f.EntityID), "operationId": opt(f.OperationID),
		"actions": actions, "from": from, "to": to, "skip": f.Skip, "limit": f.Limit,
	}))
	if err != nil || len(rows) == 0 {
		return nil, 0, err
	}
	items, _ := rows[0]["page"].([]any)
	out := make([]map[string]any, 0, len(items))
	for _, it := range items {
		out = append(out, asMap(it))
	}
	return out, asInt(rows[0]["total"]), nil
}

// MentionedInAudited is MentionedIn for a page about to be returned: in
// one write transaction it reads the page of each entity and appends a
// READ audit event for every item on them (once per item), so the read
// and its record commit together and cost one transaction instead of a
// read and a later audit write. It returns the pages and the ids of the
// items recorded (the caller must not record them again).
func (s *Store) MentionedInAudited(ctx context.Context, sc Scope, a *keyline.Actor, ids []string, skip, limit int, purpose string) (map[string]Page, []string, error) {
	var out map[string]Page
	var recorded []string
	err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		rows, err := s.collect(ctx, tx, q("mentioned_in"), sc.params(map[string]any{"ids": ids, "skip": skip, "limit": limit}))
		if err != nil {
			return err
		}
		out = pages(rows, fixedKind(keyline.KindIntelligenceItem))
		recorded = recorded[:0]
		var events []any
		seen := map[string]bool{}
		for _, id := range ids {
			for _, it := range out[id].Items {
				iid := it.ID()
				if seen[iid] {
					continue
				}
				seen[iid] = true
				opID, _ := it.Props["operationId"].(string)
				events = append(events, param(auditEntry{action: "READ", kind: string(keyline.KindIntelligenceItem), id: iid, operationID: opID, purpose: purpose}.event(a)))
				recorded = append(recorded, iid)
			}
		}
		if len(events) == 0 {
			return nil
		}
		_, err = s.collect(ctx, tx, q("audit_record"), map[string]any{"events": events})
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return out, recorded, nil
}
