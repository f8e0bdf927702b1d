package cypher

import (
	"context"

	"github.com/keyline/keyline"
)

// Trace is a chain of records and the steps joining them.
type Trace struct {
	Nodes     []Record
	Steps     []TraceStep
	Truncated bool
}

// TraceStep joins two records of a trace.
type TraceStep struct{ From, To, Relation string }

// TraceBack follows an exhibit back to the intelligence that led to it.
func (s *Store) TraceBack(ctx context.Context, sc Scope, exhibitID string) (Trace, error) {
	return s.trace(ctx, q("trace_back"), sc, exhibitID)
}

// TraceForward follows an intelligence item to everything it led to.
func (s *Store) TraceForward(ctx context.Context, sc Scope, itemID string) (Trace, error) {
	return s.trace(ctx, q("trace_forward"), sc, itemID)
}

func (s *Store) trace(ctx context.Context, qy query, sc Scope, id string) (Trace, error) {
	var t Trace
	rows, err := s.readOne(ctx, qy, sc.params(map[string]any{"id": id}))
	if err != nil || len(rows) == 0 {
		return t, err
	}
	r := rows[0]
	nodes, _ := r["nodes"].([]any)
	for _, n := range nodes {
		m := asMap(n)
		t.Nodes = append(t.Nodes, Record{Kind: kindOf(m["labels"]), Props: asMap(m["props"])})
	}
	steps, _ := r["steps"].([]any)
	for _, st := range steps {
		m := asMap(st)
		from, _ := m["from"].(string)
		to, _ := m["to"].(string)
		rel, _ := m["relation"].(string)
		t.Steps = append(t.Steps, TraceStep{From: from, To: to, Relation: rel})
	}
	t.Truncated, _ = r["truncated"].(bool)
	return t, nil
}

// IntelligenceGaps returns a page per operation of intelligence that is
// UNDEVELOPED (no action raised) or UNCORROBORATED (no exhibit downstream).
func (s *Store) IntelligenceGaps(ctx context.Context, sc Scope, operationIDs []string, mode string, skip, limit int) (map[string]Page, error) {
	rows, err := s.readOne(ctx, q("list_intelligence_gaps"), sc.params(map[string]any{
		"operationIds": operationIDs, "mode": mode, "skip": skip, "limit": limit}))
	if err != nil {
		return nil, err
	}
	return pages(rows, fixedKind(keyline.KindIntelligenceItem)), nil
}

// Conversion counts an operation's intelligence, how much was developed
// into actions, and how much led to evidence.
func (s *Store) Conversion(ctx context.Context, sc Scope, operationID string) (items, developed, evidenced int, err error) {
	rows, err := s.readOne(ctx, q("intelligence_conversion"), sc.params(map[string]any{"operationId": operationID}))
	if err != nil || len(rows) == 0 {
		return 0, 0, 0, err
	}
	return asInt(rows[0]["items"]), asInt(rows[0]["developed"]), asInt(rows[0]["evidenced"]), nil
}
