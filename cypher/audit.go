package cypher

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/keyline/keyline"
)

// auditEntry is one change to record. Audit events are written in the
// same transaction as the change they describe, so a change is never
// committed without its record, and nothing in Keyline updates or deletes
// them (migration 0006 alone rewrote events written before they were
// marked and scrubbed).
type auditEntry struct {
	action      string // CREATE, UPDATE, LINK, UNLINK, RELATE, UNRELATE, CONTINUITY, READ, ...
	kind        string
	id          string
	operationID string
	before      map[string]any
	after       map[string]any
	reason      string
	purpose     string
	// marking is the marking of the record the event describes as the
	// writer knows it (the strictest of the record before and after the
	// change: a downgraded record's old values keep their old marking).
	// Optional: audit_record folds in, in the writer's transaction, the
	// marking of the record itself and of every record the event names
	// (markOf), so a writer that leaves it nil still marks its event; one
	// that describes a record no longer in the graph must set it.
	marking *keyline.Marking
}

// sourceRevealing are the properties that could identify a source (a
// CHIS's reporting, held apart for the SIO roles). An audit event never
// stores them: it records that one changed, with a digest, so an entitled
// holder of the text can confirm which version was there.
var sourceRevealing = []string{"sourceText"}

// unmarkedKinds are audited records that carry no marking of their own
// and are OFFICIAL by definition: service accounts (their name, roles and
// scope), and import batches (a file name, line numbers and counts; the
// records a batch changed are named in it and fold in their markings).
var unmarkedKinds = map[string]bool{"ServiceAccount": true, "Import": true}

func (e auditEntry) event(a *keyline.Actor) map[string]any {
	ev := map[string]any{
		"id": keyline.NewAuditID(), "at": now(), "actor": a.Subject, "officerId": a.OfficerID,
		"requestId": a.RequestID, "action": e.action, "entityKind": e.kind, "entityId": e.id,
		"operationId": e.operationID,
	}
	if e.before != nil {
		ev["before"] = jsonText(scrubSourceRevealing(e.before))
	}
	if e.after != nil {
		ev["after"] = jsonText(scrubSourceRevealing(e.after))
	}
	if e.reason != "" {
		ev["reason"] = e.reason
	}
	if e.purpose != "" {
		ev["purpose"] = e.purpose
	}
	m := e.marking
	if m == nil && unmarkedKinds[e.kind] {
		m = &keyline.Marking{Classification: keyline.Official, Handling: keyline.HandlingP}
	}
	if m != nil {
		ev["classification"], ev["handling"] = markingValues(*m)
	}
	return ev
}

// markingValues are the classification and handling code an event stores
// for marking m (empty values read as OFFICIAL and P, as in Sees).
func markingValues(m keyline.Marking) (string, string) {
	c, h := string(m.Classification), m.Handling
	if c == "" {
		c = string(keyline.Official)
	}
	if h == "" {
		h = keyline.HandlingP
	}
	return c, h
}

// recordMarking is the strictest marking of a record of kind k among the
// states given (before and after a change), for auditEntry.marking.
func recordMarking(k keyline.Kind, states ...map[string]any) *keyline.Marking {
	var out *keyline.Marking
	for _, p := range states {
		if p != nil {
			m := keyline.MarkingOf(k, p)
			out = stricter(out, m)
		}
	}
	return out
}

// linkMarking is the strictest of the source marks (keyline.SourceMark)
// of a link in the states given. A reader who sees only some of a link's
// sources sees the link, but not the values of its audit events: they
// name every source, so they carry the strictest (fail closed).
func linkMarking(states ...map[string]any) *keyline.Marking {
	var out *keyline.Marking
	for _, p := range states {
		for _, mark := range idList(p["sourceMarks"]) {
			c, h, _ := strings.Cut(mark, "/")
			out = stricter(out, keyline.Marking{Classification: keyline.Classification(c), Handling: h})
		}
	}
	return out
}

// stricter folds m into acc: the higher classification and the more
// restrictive handling code. Unknown values rank above every known one,
// so they survive and fail closed when read.
func stricter(acc *keyline.Marking, m keyline.Marking) *keyline.Marking {
	c, h := markingValues(m)
	if acc == nil {
		return &keyline.Marking{Classification: keyline.Classification(c), Handling: h}
	}
	if keyline.Classification(c).Rank() > acc.Classification.Rank() {
		acc.Classification = keyline.Classification(c)
	}
	if handlingRank(h) > handlingRank(acc.Handling) {
		acc.Handling = h
	}
	return acc
}

var handlingRanks = map[string]int{keyline.HandlingP: 0, keyline.HandlingC: 1}

func handlingRank(h string) int {
	if r, ok := handlingRanks[h]; ok {
		return r
	}
	return len(handlingRanks)
}

// markRanks are the orders audit_record folds markings by, from the Go
// definitions (an unknown value ranks above them all there too).
func markRanks() map[string]any {
	classes := map[string]any{}
	for _, c := range keyline.Classifications {
		classes[string(c)] = c.Rank()
	}
	handling := map[string]any{}
	for h, r := range handlingRanks {
		handling[h] = r
	}
	return map[string]any{"classRank": classes, "handlingRank": handling}
}

// scrubSourceRevealing returns m with every source-revealing value
// replaced by its digest form: {"changed": true, "sha256": hex} for text,
// {"changed": true} where there was none (set or removed). A value
// already in digest form is kept, so scrubbing twice changes nothing.
func scrubSourceRevealing(m map[string]any) map[string]any {
	var out map[string]any
	for _, k := range sourceRevealing {
		v, ok := m[k]
		if !ok {
			continue
		}
		if out == nil {
			out = make(map[string]any, len(m))
			for key, val := range m {
				out[key] = val
			}
		}
		out[k] = digestOf(v)
	}
	if out == nil {
		return m
	}
	return out
}

func digestOf(v any) map[string]any {
	switch x := v.(type) {
	case map[string]any:
		if x["changed"] == true {
			return x
		}
	case *string:
		if x != nil {
			return digestOf(*x)
		}
	case string:
		sum := sha256.Sum256([]byte(x))
		return map[string]any{"changed": true, "sha256": hex.EncodeToString(sum[:])}
	}
	return map[string]any{"changed": true}
}

// scrubJSONText is scrubSourceRevealing for a stored before/after: the
// trail applies it on the way out too, so an event written by a path
// that bypassed auditEntry (or before migration 0006) cannot leak. Text
// that is not a JSON object is withheld whole.
func scrubJSONText(text string) string {
	if !strings.Contains(text, "sourceText") {
		return text
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(text), &m); err != nil {
		return "{}"
	}
	return jsonText(scrubSourceRevealing(m))
}

func jsonText(m map[string]any) string {
	b, err := json.Marshal(m)
	if err != nil {
		return "{}"
	}
	return string(b)
}

// record is the event as audit_record takes it: its properties, and the
// ids of the records whose markings it carries (its own record, a link's
// sources, an import batch's records).
func (e auditEntry) record(a *keyline.Actor) map[string]any {
	markOf := []string{}
	if e.id != "" {
		markOf = append(markOf, e.id)
	}
	for _, m := range []map[string]any{e.before, e.after} {
		for _, key := range []string{"sources", "records"} {
			markOf = append(markOf, idList(m[key])...)
		}
	}
	return map[string]any{"props": param(e.event(a)), "markOf": markOf}
}

// idList reads a list of ids as a writer built it ([]string) or as it
// came from the graph ([]any).
func idList(v any) []string {
	if ids, ok := v.([]string); ok {
		return ids
	}
	return asStrings(v)
}

func (s *Store) audit(ctx context.Context, tx neo4j.ManagedTransaction, a *keyline.Actor, e auditEntry) error {
	return s.recordEvents(ctx, tx, []any{e.record(a)})
}

func (s *Store) recordEvents(ctx context.Context, tx neo4j.ManagedTransaction, events []any) error {
	p := markRanks()
	p["events"] = events
	_, err := s.collect(ctx, tx, q("audit_record"), p)
	return err
}

// scrubStoredSourceText is migration 0006's Go step: it replaces the
// source-revealing text that events written before scrubSourceRevealing
// stored in before/after with its digest form, a page at a time.
// Idempotent: digest forms are kept and no longer match.
func (s *Store) scrubStoredSourceText(ctx context.Context) error {
	after := ""
	for {
		rows, err := s.readOne(ctx, q("audit_source_text_pending"), map[string]any{"after": after, "limit": 500})
		if err != nil || len(rows) == 0 {
			return err
		}
		events := make([]any, 0, len(rows))
		for _, r := range rows {
			after, _ = r["id"].(string)
			ev := map[string]any{"id": after, "before": nil, "after": nil}
			for _, k := range []string{"before", "after"} {
				if text, ok := r[k].(string); ok {
					ev[k] = scrubJSONText(text)
				}
			}
			events = append(events, ev)
		}
		if err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
			_, err := s.collect(ctx, tx, q("audit_source_text_scrub"), map[string]any{"events": events})
			return err
		}); err != nil {
			return err
		}
	}
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
		events[i] = auditEntry{action: "READ", kind: string(r.Kind), id: r.ID, operationID: r.OperationID, purpose: purpose}.record(a)
	}
	return s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		return s.recordEvents(ctx, tx, events)
	})
}

// Question is one search, link-analysis question or export as asked: what
// the audit trail keeps of it, as i2 iBase's query audit does (who asked
// what, with which parameters, and how much came back), never its answer.
type Question struct {
	Action string // SEARCH, ANALYSE or EXPORT
	// Name says what was asked, e.g. "network", "search Person",
	// "export network.anx".
	Name string
	// About is the record the question is about: the first entity it
	// names, the operation searched, the saved search run. It becomes the
	// event's entityId, and its operation the event's.
	About string
	// Params are the question's parameters as the client gave them.
	Params any
	// ResultSize counts what the answer held (entities, rows, paths).
	ResultSize int
}

// RecordQuery appends one audit event for a question asked, in its own
// transaction, before the answer is returned. The event is marked at the
// asker's clearance and handling: the answer was computed over everything
// they may see, so its parameters and size tell only readers cleared as
// high. A question that cannot be recorded must not be answered: the
// error is UNAVAILABLE and the caller returns it instead of the answer.
func (s *Store) RecordQuery(ctx context.Context, a *keyline.Actor, qn Question) error {
	if a == nil {
		return keyline.Errorf(keyline.CodeUnauthenticated, "authentication required")
	}
	params, err := json.Marshal(qn.Params)
	if err != nil {
		return fmt.Errorf("record query %s: %w", qn.Name, err)
	}
	handling := keyline.HandlingP
	if a.ReceivesHandling(keyline.HandlingC) {
		handling = keyline.HandlingC
	}
	e := auditEntry{action: qn.Action, kind: "Query", id: qn.About,
		marking: &keyline.Marking{Classification: a.Clearance, Handling: handling}}
	ev := e.record(a)
	props := ev["props"].(map[string]any)
	// The operation is the About record's, read where the event is written.
	delete(props, "operationId")
	props["question"], props["parameters"], props["resultSize"] = qn.Name, string(params), qn.ResultSize
	if err := s.questions.record(ctx, ev); err != nil {
		s.log.Warn().Err(err).Str("question", qn.Name).Msg("could not record a question in the audit trail")
		return keyline.Errorf(keyline.CodeUnavailable, "the question could not be recorded in the audit trail, so it is not answered; retry shortly")
	}
	return nil
}

// writeAuditEvents appends events in one auto-commit statement (one round
// trip), retried on transient failures with the same event ids: if a
// failed attempt had in fact committed, an event is recorded twice, never
// not at all.
func (s *Store) writeAuditEvents(ctx context.Context, events []any) error {
	p := markRanks()
	p["events"] = events
	qy := q("audit_record")
	return retryTransient(ctx, func() error {
		_, err := s.runAutoCommit(ctx, neo4j.AccessModeWrite, s.txTimeout, qy, p)
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
		ev := asMap(it)
		for _, k := range []string{"before", "after"} {
			if text, ok := ev[k].(string); ok {
				ev[k] = scrubJSONText(text)
			}
		}
		out = append(out, ev)
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
