package cypher

import (
	"context"
	"encoding/json"
	"fmt"
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

// MentionedInAudited is MentionedIn for a page about to be returned: one
// statement (mentioned_in_audited), committed on its own, reads the page
// of each entity and appends a READ audit event for every item on them
// (once per item), so the read and its record commit together in one
// round trip. It returns the pages and the ids of the items recorded (the
// caller must not record them again). A transient failure is retried
// with fresh event ids: if the failed attempt had in fact committed, the
// reads are recorded twice, never not at all.
func (s *Store) MentionedInAudited(ctx context.Context, sc Scope, a *keyline.Actor, ids []string, skip, limit int, purpose string) (map[string]Page, []string, error) {
	qy := q("mentioned_in_audited")
	event := auditEntry{action: "READ", kind: string(keyline.KindIntelligenceItem), purpose: purpose}.event(a)
	delete(event, "id")
	delete(event, "entityId")
	delete(event, "operationId")
	var rows []map[string]any
	err := retryTransient(ctx, func() error {
		// An id for every item the pages can hold; the statement uses one
		// per distinct item returned.
		auditIDs := make([]string, len(ids)*limit)
		for i := range auditIDs {
			auditIDs[i] = keyline.NewAuditID()
		}
		var err error
		rows, err = s.runAutoCommit(ctx, neo4j.AccessModeWrite, s.txTimeout, qy, sc.params(map[string]any{
			"ids": ids, "skip": skip, "limit": limit, "event": param(event), "auditIds": auditIDs}))
		return err
	})
	if err != nil {
		return nil, nil, s.wrap(qy, err)
	}
	out := pages(rows, fixedKind(keyline.KindIntelligenceItem))
	var recorded []string
	seen := map[string]bool{}
	for _, id := range ids {
		for _, it := range out[id].Items {
			if iid := it.ID(); !seen[iid] {
				seen[iid] = true
				recorded = append(recorded, iid)
			}
		}
	}
	if len(rows) > 0 && asInt(rows[0]["recorded"]) != len(recorded) {
		// The statement records exactly the items it returns.
		return nil, nil, fmt.Errorf("mentioned_in_audited recorded %d reads for %d items", asInt(rows[0]["recorded"]), len(recorded))
	}
	return out, recorded, nil
}
