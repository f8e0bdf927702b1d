package cypher

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/keyline/keyline"
)

// Imports take in records held in other systems. Package importer maps
// and validates the files and decides, row by row, what a batch creates,
// changes, joins and refuses; the store reads what the batch needs to
// decide (ImportTx's reads), then writes the plan and the batch's one
// audit event (ImportTx.Write), all in one write transaction, so a batch
// commits entirely or not at all. Records are keyed by the source
// system's reference within the operation (importRef) or, for
// intelligence, by URN, so running a batch again changes nothing.

// ImportTx is one import batch's write transaction. Its reads apply the
// need-to-know fragments of the actor's scope and take the write locks
// of the records the batch will change, so the plan made from them
// cannot go stale before the batch commits.
type ImportTx struct {
	s     *Store
	tx    neo4j.ManagedTransaction
	a     *keyline.Actor
	scope Scope
	op    string
	t     time.Time
	wrote bool
}

// ImportTx runs fn in one write transaction for a batch imported into
// operation opID. The driver may run fn again after a transient failure,
// so fn must start from nothing each time and keep nothing outside the
// transaction. fn must end with exactly one Write: a batch never commits
// without its audit event.
func (s *Store) ImportTx(ctx context.Context, a *keyline.Actor, opID string, fn func(tx *ImportTx) error) error {
	if err := a.AuthoriseWrite(opID); err != nil {
		return err
	}
	return s.bulkTx(ctx, neo4j.AccessModeWrite, func(tx neo4j.ManagedTransaction) error {
		rows, err := s.collect(ctx, tx, q("import_operation"), map[string]any{"operationId": opID})
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return keyline.ErrNotFound(opID)
		}
		if rows[0]["status"] == "CLOSED" {
			return keyline.Errorf(keyline.CodeForbidden, "operation %s is closed: nothing can be imported into it", opID)
		}
		itx := &ImportTx{s: s, tx: tx, a: a, scope: ScopeOf(a), op: opID, t: now()}
		if err := fn(itx); err != nil {
			return err
		}
		if !itx.wrote {
			return fmt.Errorf("import into %s: the batch was not written", opID)
		}
		return nil
	})
}

// ImportRecord is a stored record an import batch would write or join.
type ImportRecord struct {
	// Key is what found it: its import key or URN, or the natural key
	// (VRM, number) of a record entered through the API.
	Key string
	// Visible is false for a record the actor may not see, or an
	// intelligence item of another operation: only its key is known, and
	// Props and Rels are empty.
	Visible bool
	Props   map[string]any
	// Rels are its structural relationships (mentions, raised from) to
	// records the actor sees.
	Rels []ImportRel
}

// ImportRel is a structural relationship a record has.
type ImportRel struct {
	Type, To, Role string
}

// Existing reads the records of kind k with the import keys (the URNs,
// for intelligence items) keys, taking the write locks of those the actor
// sees. An intelligence item's URN is unique across operations, so one of
// another operation is found too, as not visible.
func (t *ImportTx) Existing(ctx context.Context, k keyline.Kind, keys []string) ([]ImportRecord, error) {
	qy := qLabel("import_existing", k)
	if k == keyline.KindIntelligenceItem {
		qy = q("import_existing_intelligence")
	}
	rows, err := t.s.collect(ctx, t.tx, qy, t.scope.params(map[string]any{"operationId": t.op, "keys": keys}))
	if err != nil {
		return nil, err
	}
	out := make([]ImportRecord, len(rows))
	for i, r := range rows {
		rec := ImportRecord{Visible: r["visible"] == true, Props: asMap(r["props"])}
		rec.Key, _ = r["key"].(string)
		rels, _ := r["rels"].([]any)
		for _, x := range rels {
			m := asMap(x)
			rel := ImportRel{}
			rel.Type, _ = m["type"].(string)
			rel.To, _ = m["to"].(string)
			rel.Role, _ = m["role"].(string)
			rec.Rels = append(rec.Rels, rel)
		}
		out[i] = rec
	}
	return out, nil
}

// ImportUse says what a batch does with the records a read finds.
type ImportUse bool

const (
	// ImportJoins: the records are only linked to; no lock is taken.
	ImportJoins ImportUse = false
	// ImportChanges: the batch may change them, so their write locks are
	// taken.
	ImportChanges ImportUse = true
)

// unkeyedQuery finds records entered through the API by the natural key
// an import uses as their import key: a vehicle's VRM, a phone's number.
var unkeyedQuery = map[keyline.Kind]string{
	keyline.KindVehicle:     "import_adopt_vehicle",
	keyline.KindCommsDevice: "import_adopt_comms",
}

// Unkeyed reads the records of kind k (vehicles and phones) of the
// operation that have no import key and whose VRM or number is one of
// keys, only those the actor sees; a key may find several. With
// ImportChanges their write locks are taken.
func (t *ImportTx) Unkeyed(ctx context.Context, k keyline.Kind, keys []string, use ImportUse) ([]ImportRecord, error) {
	name, ok := unkeyedQuery[k]
	if !ok {
		return nil, fmt.Errorf("cypher: %s records are not found by a natural key", k)
	}
	rows, err := t.s.collect(ctx, t.tx, q(name), t.scope.params(map[string]any{"operationId": t.op, "keys": keys, "adopt": bool(use)}))
	if err != nil {
		return nil, err
	}
	var out []ImportRecord
	for _, r := range rows {
		key, _ := r["key"].(string)
		matches, _ := r["matches"].([]any)
		for _, m := range matches {
			out = append(out, ImportRecord{Key: key, Visible: true, Props: asMap(m)})
		}
	}
	return out, nil
}

// ImportLookup is what a lookup of references by import key found.
type ImportLookup struct {
	IDs map[string]string // key -> id, of the records the actor sees
	// Hidden are the keys held by records the actor may not see: only
	// that they are taken is known.
	Hidden []string
}

// Lookup resolves references to records of kind k (not intelligence
// items) by import key, without locks: they are only joined.
func (t *ImportTx) Lookup(ctx context.Context, k keyline.Kind, keys []string) (ImportLookup, error) {
	rows, err := t.s.collect(ctx, t.tx, qLabel("import_lookup", k), t.scope.params(map[string]any{"operationId": t.op, "keys": keys}))
	if err != nil {
		return ImportLookup{}, err
	}
	found, _ := rows[0]["keys"].([]any)
	ids, _ := rows[0]["ids"].([]any)
	out := ImportLookup{IDs: make(map[string]string, len(found))}
	for i := range min(len(found), len(ids)) {
		key, _ := found[i].(string)
		out.IDs[key], _ = ids[i].(string)
	}
	hidden, _ := rows[0]["hidden"].([]any)
	for _, key := range hidden {
		if key, ok := key.(string); ok {
			out.Hidden = append(out.Hidden, key)
		}
	}
	return out, nil
}

// ImportItem is an intelligence item a batch cites.
type ImportItem struct {
	URN, ID string
	Marking keyline.Marking
}

// Items resolves intelligence items cited by URN: only items of the
// operation that the actor sees are found.
func (t *ImportTx) Items(ctx context.Context, urns []string) ([]ImportItem, error) {
	rows, err := t.s.collect(ctx, t.tx, q("import_lookup_urn"), t.scope.params(map[string]any{"operationId": t.op, "keys": urns}))
	if err != nil {
		return nil, err
	}
	out := make([]ImportItem, len(rows))
	for i, r := range rows {
		out[i].URN, _ = r["key"].(string)
		out[i].ID, _ = r["id"].(string)
		out[i].Marking = keyline.MarkingOf(keyline.KindIntelligenceItem, r)
	}
	return out, nil
}

// ImportWrite is what a batch writes, as package importer planned it.
// The store adds the bookkeeping every record and link of the batch
// shares (operation, time, actor, version).
type ImportWrite struct {
	// Creates are new records by kind: each its fields, id, import key
	// (importRef, or urn for an item), label and searchText. Their values
	// are converted for the driver in place.
	Creates map[keyline.Kind][]map[string]any
	Updates []ImportUpdate
	Links   map[string][]ImportLinkWrite // by link type
	Rels    map[string][]ImportRelWrite  // by relationship type (MENTIONS, RAISED_FROM)
	Audit   ImportAudit
}

// ImportUpdate is the change to one existing record: the fields that
// differ. Its version advances once.
type ImportUpdate struct {
	ID  string
	Set map[string]any
}

// ImportLinkWrite is a link merged between two records, keyed by the
// pair: a new one is created from Create and the rest, an existing one
// gains the source and is widened (import_links.cypher).
type ImportLinkWrite struct {
	FromID, ToID, SourceID string
	// Create are the fields set on a new link only (its id, confidence);
	// their values are converted for the driver in place.
	Create map[string]any
	// Count replaces the link's count when HasCount.
	Count    int
	HasCount bool
	// FirstSeen, LastSeen and ContactAt (one contact's time, kept in the
	// link's contactTimes) are absent when zero.
	FirstSeen, LastSeen, ContactAt time.Time
}

// ImportRelWrite is a structural relationship an import adds, or whose
// properties (a mention's role) it sets.
type ImportRelWrite struct {
	FromID, ToID string
	Props        map[string]any
}

// ImportAudit is what a batch's AuditEvent records beyond the links'
// counts, which the store adds.
type ImportAudit struct {
	RunID, File, FileKind       string
	Rows, FirstLine, LastLine   int
	Created, Updated, Unchanged int
	RejectedLines               []int
	Records                     []string // created or changed
}

// ImportWritten counts what a batch's links did.
type ImportWritten struct {
	LinksCreated, LinksUpdated, LinksUnchanged int
}

// importRels are the structural relationships an import may add.
var importRels = []string{RelMentions, RelRaisedFrom}

// MaxContactTimes is how many individual contact times a CONTACTED link
// keeps (contactTimes, the most recent): enough for a timeline at its
// largest limit, small enough that a busy pair's link stays a modest
// record. Its count goes on counting beyond it (import_links.cypher).
const MaxContactTimes = 1000

// Write runs a batch's planned statements and appends its one
// AuditEvent. Each statement must write every row it is given: a
// shortfall means the graph moved under the batch (a record matched by
// id was deleted), and the whole batch fails with CONFLICT rather than
// being half applied.
func (t *ImportTx) Write(ctx context.Context, w ImportWrite) (ImportWritten, error) {
	if t.wrote {
		return ImportWritten{}, fmt.Errorf("import into %s: a batch is written once", t.op)
	}
	var out ImportWritten
	check := func(qy query, col string, rows []any, params map[string]any) ([]map[string]any, error) {
		if len(rows) == 0 {
			return nil, nil
		}
		params["rows"] = rows
		res, err := t.s.collect(ctx, t.tx, qy, params)
		if err != nil {
			return nil, err
		}
		if n := asInt(res[0][col]); n != len(rows) {
			return nil, keyline.Errorf(keyline.CodeConflict, "%s wrote %d of %d rows: the records changed during the import; run it again", qy.name, n, len(rows))
		}
		return res, nil
	}
	for _, k := range keyline.Kinds {
		creates := w.Creates[k]
		if len(creates) == 0 {
			continue
		}
		rows := make([]any, len(creates))
		for i, c := range creates {
			for f, v := range c {
				c[f] = param(v)
			}
			rows[i] = c
		}
		qy := qLabel("import_nodes_create", k)
		if k == keyline.KindAction {
			qy = q("import_actions_create")
		}
		if _, err := check(qy, "created", rows, t.bookkeeping()); err != nil {
			return out, err
		}
	}
	updates := make([]any, len(w.Updates))
	for i, u := range w.Updates {
		updates[i] = map[string]any{"id": u.ID, "set": param(u.Set)}
	}
	if _, err := check(q("import_nodes_update"), "updated", updates, map[string]any{"now": t.t, "actor": t.a.Subject}); err != nil {
		return out, err
	}
	for _, typ := range LinkTypes {
		links := w.Links[typ]
		if len(links) == 0 {
			continue
		}
		rows := make([]any, len(links))
		for i, l := range links {
			var count any
			if l.HasCount {
				count = l.Count
			}
			for f, v := range l.Create {
				l.Create[f] = param(v)
			}
			rows[i] = map[string]any{
				"fromId": l.FromID, "toId": l.ToID, "source": l.SourceID, "create": l.Create, "count": count,
				"firstSeen": optTime(l.FirstSeen), "lastSeen": optTime(l.LastSeen), "contactAt": optTime(l.ContactAt),
			}
		}
		params := t.bookkeeping()
		params["maxContactTimes"] = MaxContactTimes
		res, err := check(qRel("import_links", typ), "rows", rows, params)
		if err != nil {
			return out, err
		}
		c, u := asInt(res[0]["created"]), asInt(res[0]["updated"])
		out.LinksCreated += c
		out.LinksUpdated += u
		out.LinksUnchanged += len(links) - c - u
	}
	for _, typ := range importRels {
		rels := w.Rels[typ]
		rows := make([]any, len(rels))
		for i, r := range rels {
			props := r.Props
			if props == nil {
				props = map[string]any{}
			}
			rows[i] = map[string]any{"fromId": r.FromID, "toId": r.ToID, "props": param(props)}
		}
		if _, err := check(qRel("import_relate", typ), "related", rows, map[string]any{}); err != nil {
			return out, err
		}
	}
	t.wrote = true
	return out, t.audit(ctx, w.Audit, out)
}

func optTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// bookkeeping are the parameters every record and link a batch creates
// shares: its operation, the batch's time and the actor.
func (t *ImportTx) bookkeeping() map[string]any {
	return map[string]any{"operationId": t.op, "now": param(t.t), "actor": t.a.Subject}
}

// audit appends the batch's one AuditEvent: who imported which lines of
// which file into which operation, what it did, and the records it created
// or changed (rows that changed nothing are not listed).
func (t *ImportTx) audit(ctx context.Context, e ImportAudit, links ImportWritten) error {
	return t.s.audit(ctx, t.tx, t.a, auditEntry{
		action: "IMPORT", kind: "Import", id: e.RunID, operationID: t.op,
		after: map[string]any{
			"file": e.File, "fileKind": e.FileKind, "rows": e.Rows,
			"lines":   fmt.Sprintf("%d-%d", e.FirstLine, e.LastLine),
			"created": e.Created, "updated": e.Updated, "unchanged": e.Unchanged,
			"linksCreated": links.LinksCreated, "linksUpdated": links.LinksUpdated,
			"rejectedLines": e.RejectedLines, "records": e.Records,
		},
	})
}

// ImportState is a fingerprint of what imports write in an operation.
type ImportState struct {
	Nodes, NodeVersions int // records, and the sum of their versions
	Rels, RelVersions   int // their outgoing relationships, and the sum of link versions
	ByKind              map[keyline.Kind]int
}

// ImportState fingerprints an operation's importable records, so an
// operator (or a test) can confirm that re-running a file changed nothing.
func (s *Store) ImportState(ctx context.Context, opID string) (ImportState, error) {
	st := ImportState{ByKind: map[keyline.Kind]int{}}
	kinds := []keyline.Kind{keyline.KindPerson, keyline.KindLocation, keyline.KindVehicle, keyline.KindCommsDevice, keyline.KindIntelligenceItem, keyline.KindAction}
	err := s.bulkTx(ctx, neo4j.AccessModeRead, func(tx neo4j.ManagedTransaction) error {
		st = ImportState{ByKind: map[keyline.Kind]int{}}
		for _, k := range kinds {
			rows, err := s.collect(ctx, tx, qLabel("import_state", k), map[string]any{"operationId": opID})
			if err != nil {
				return err
			}
			r := rows[0]
			st.ByKind[k] = asInt(r["nodes"])
			st.Nodes += asInt(r["nodes"])
			st.NodeVersions += asInt(r["versions"])
			st.Rels += asInt(r["rels"])
			st.RelVersions += asInt(r["relVersions"])
		}
		return nil
	})
	return st, err
}
