package cypher

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/keyline/keyline"
)

// Imports take in records held in other systems (package importer maps
// and validates the files). A batch is written in one transaction with one
// audit event, so it commits entirely or not at all; records are keyed by
// the source system's reference within the operation (importRef) or, for
// intelligence, by URN, so running a batch again changes nothing.
//
// Each batch first reads the records it is about to write and the records
// it refers to, then decides in Go, row by row, what to create, what to
// change and what to leave alone. Deciding here rather than with MERGE ...
// ON MATCH SET in Cypher lets the store (a) derive label and searchText
// with keyline.Describe from the record as it will be, (b) advance a
// version only when a field really changed, (c) reject a row whose
// references do not resolve before anything of it is written, and (d)
// count created, updated and unchanged records exactly.

// ImportBatch is one batch of validated rows from one file.
type ImportBatch struct {
	OperationID string
	RunID       string // one id per import run, shared by its batches' audit events
	File        string // for the audit trail
	FileKind    string // nominals, addresses, ...
	FirstLine   int
	LastLine    int
	Rows        []ImportRow
	// Known are records earlier batches of the run resolved or created,
	// by kind and import key: references to them are not looked up again
	// (a call data file names the same numbers in every batch). Only read
	// during the batch. The batch's statements still match every record
	// by id, so one deleted meanwhile makes the batch fail with CONFLICT
	// rather than write half; the caller then drops Known and retries.
	// Intelligence items are always looked up (their operation and
	// classification are checked each time). Nil knows nothing.
	Known func(k keyline.Kind, key string) (id string, ok bool)
	// AssumeNew skips reading the batch's own records before writing
	// them, for kinds whose import key a uniqueness constraint guards and
	// that no natural key joins (persons, locations, intelligence items,
	// actions; vehicles and phones are always read, as they may join a
	// record entered by hand): every row is planned as a create. The
	// caller sets it when the run has found every key so far new (a first
	// import). If a key does exist, the constraint refuses the batch's
	// CREATE with CONFLICT, the transaction changes nothing, and the
	// caller writes the batch again without AssumeNew.
	AssumeNew bool
}

// ImportRow is what one line of a file asks for: its records, the links
// between them and others, and structural relationships from its first
// record (an item's mentions, an action's sources).
type ImportRow struct {
	Line  int
	Nodes []ImportNode
	Links []ImportLink
	Rels  []ImportRel
}

// ImportNode is one record keyed within the operation.
type ImportNode struct {
	Kind keyline.Kind
	// Key is the importRef, or the URN of an intelligence item.
	Key string
	// Props are the validated fields the file gives; an import adds and
	// corrects fields, never removes them.
	Props map[string]any
	// CreateOnly fields are set on a new record only (e.g. an action's
	// status, which moves on in Keyline after the import).
	CreateOnly map[string]any
	// Fixed fields, once stored, are never changed by an import: a row
	// that disagrees is rejected with the stored value (an intelligence
	// item's grade: a legacy 5x5x5 grade is kept as given, and regrading
	// is a decision made through the API). A nil value means absent.
	Fixed map[string]any
	// Ensure joins an existing record as it is and creates it from Props
	// only when missing (the phones named by call data).
	Ensure bool
}

// ImportRef names a record by import key. For KindIntelligenceItem the key
// is a URN. Kinds lists the kinds the key may name; more than one match is
// ambiguous and rejects the row.
type ImportRef struct {
	Kinds []keyline.Kind
	Key   string
	Field string // the column it came from, for reasons
}

// ImportLink is a link between two records, asserted by one intelligence
// item (Source, a URN). Props hold confidence (used on create only) and
// count, firstSeen and lastSeen, which are merged into an existing link,
// and, for a CONTACTED row that is one contact, contactAt: its time, kept
// in the link's contactTimes.
type ImportLink struct {
	Type     string
	From, To ImportRef
	Source   string
	Props    map[string]any
}

// ImportRel is a structural relationship (MENTIONS, RAISED_FROM) from the
// row's first record, with its properties (a mention's role).
type ImportRel struct {
	Type  string
	To    ImportRef
	Props map[string]any
}

// ImportReject is a row the store refused, with the reason.
type ImportReject struct {
	Line   int
	Field  string
	Reason string
}

// ImportResult counts what a batch did.
type ImportResult struct {
	Created, Updated, Unchanged                int
	LinksCreated, LinksUpdated, LinksUnchanged int
	Rejected                                   []ImportReject
	// Resolved are the records the batch referred to or wrote, by kind and
	// import key, for later batches' ImportBatch.Known (intelligence items
	// included; Known skips them).
	Resolved map[keyline.Kind]map[string]string
}

// importRels are the structural relationships an import may add.
var importRels = []string{RelMentions, RelRaisedFrom}

// Import writes one batch. Rows that cannot be written (an unresolved
// reference, a URN taken outside the operation, a duplicate key) are
// returned as rejects; the rest commit together with one AuditEvent.
func (s *Store) Import(ctx context.Context, a *keyline.Actor, b ImportBatch) (ImportResult, error) {
	if err := a.AuthoriseWrite(b.OperationID); err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	err := s.bulkTx(ctx, neo4j.AccessModeWrite, func(tx neo4j.ManagedTransaction) error {
		// The driver may run this again after a transient failure: start
		// from nothing each time.
		p := &importPlan{s: s, a: a, b: b, tx: tx, t: now()}
		var err error
		res, err = p.run(ctx)
		return err
	})
	return res, err
}

// existing is a stored record a row would write. A hidden one (the actor
// may not see it, or it belongs to another operation) is known only to
// exist: its key is taken, and nothing of it is read.
type existing struct {
	props  map[string]any
	rels   []map[string]any
	hidden bool
}

type importPlan struct {
	s     *Store
	a     *keyline.Actor
	scope Scope // the actor's, for the lookups' need-to-know fragments
	b     ImportBatch
	tx    neo4j.ManagedTransaction
	t     time.Time

	own  map[keyline.Kind]map[string]existing // records rows write, as stored
	refs map[keyline.Kind]map[string]string   // referenced records: key -> id
	urns map[string]map[string]any            // cited items the actor sees: urn -> id and marking
	// hidden are keys of referenced records the actor may not see: never
	// resolved, and a row that would create one is refused (its key is
	// taken).
	hidden map[keyline.Kind]map[string]bool
	ids    map[keyline.Kind]map[string]string // every key resolved or planned in this batch -> id
	lineOf map[keyline.Kind]map[string]int    // line that planned each own record
	// Records entered through the API that rows name by natural key (see
	// adopt): adopted ones are given the row's import key; a key matching
	// several is ambiguous and its rows are rejected.
	adopted   map[keyline.Kind]map[string]bool
	ambiguous map[keyline.Kind]map[string]int

	creates map[keyline.Kind][]any
	updates []any
	links   map[string][]any
	rels    map[string][]any
	changed []string
	res     ImportResult
}

func (p *importPlan) run(ctx context.Context) (ImportResult, error) {
	rows, err := p.s.collect(ctx, p.tx, q("import_operation"), map[string]any{"operationId": p.b.OperationID})
	if err != nil {
		return p.res, err
	}
	if len(rows) == 0 {
		return p.res, keyline.ErrNotFound(p.b.OperationID)
	}
	if rows[0]["status"] == "CLOSED" {
		return p.res, keyline.Errorf(keyline.CodeForbidden, "operation %s is closed: nothing can be imported into it", p.b.OperationID)
	}
	if err := p.read(ctx); err != nil {
		return p.res, err
	}
	p.creates, p.links, p.rels = map[keyline.Kind][]any{}, map[string][]any{}, map[string][]any{}
	p.lineOf = map[keyline.Kind]map[string]int{}
	for _, row := range p.b.Rows {
		if rej := p.plan(row); rej != nil {
			p.res.Rejected = append(p.res.Rejected, *rej)
		}
	}
	if err := p.write(ctx); err != nil {
		return p.res, err
	}
	p.res.Resolved = p.ids
	for k, refs := range p.refs {
		for key, id := range refs {
			if p.res.Resolved[k] == nil {
				p.res.Resolved[k] = map[string]string{}
			}
			p.res.Resolved[k][key] = id
		}
	}
	return p.res, p.audit(ctx)
}

// read loads, in one statement per kind, the records the batch writes and
// the records it refers to.
func (p *importPlan) read(ctx context.Context) error {
	ownKeys := map[keyline.Kind][]string{}
	refKeys := map[keyline.Kind][]string{}
	add := func(m map[keyline.Kind][]string, k keyline.Kind, key string) { m[k] = append(m[k], key) }
	for _, row := range p.b.Rows {
		for _, n := range row.Nodes {
			if n.Ensure {
				// Joined as they are, so found without taking their locks.
				add(refKeys, n.Kind, n.Key)
				continue
			}
			add(ownKeys, n.Kind, n.Key)
		}
		for _, l := range row.Links {
			for _, r := range []ImportRef{l.From, l.To} {
				for _, k := range r.Kinds {
					add(refKeys, k, r.Key)
				}
			}
			add(refKeys, keyline.KindIntelligenceItem, l.Source)
		}
		for _, r := range row.Rels {
			for _, k := range r.To.Kinds {
				add(refKeys, k, r.To.Key)
			}
		}
	}
	p.own, p.refs, p.urns, p.ids = map[keyline.Kind]map[string]existing{}, map[keyline.Kind]map[string]string{}, map[string]map[string]any{}, map[keyline.Kind]map[string]string{}
	p.hidden = map[keyline.Kind]map[string]bool{}
	p.scope = ScopeOf(p.a)
	p.adopted, p.ambiguous = map[keyline.Kind]map[string]bool{}, map[keyline.Kind]map[string]int{}
	for k, keys := range ownKeys {
		if p.b.AssumeNew && assumable(k) {
			// Created unread: the key's uniqueness constraint refuses
			// the CREATE of one that exists (see ImportBatch.AssumeNew).
			p.own[k] = map[string]existing{}
			continue
		}
		qy := qLabel("import_existing", k)
		if k == keyline.KindIntelligenceItem {
			qy = q("import_existing_intelligence")
		}
		rows, err := p.s.collect(ctx, p.tx, qy, p.scope.params(map[string]any{"operationId": p.b.OperationID, "keys": uniq(keys)}))
		if err != nil {
			return err
		}
		p.own[k] = map[string]existing{}
		for _, r := range rows {
			key, _ := r["key"].(string)
			props := asMap(r["props"])
			if r["visible"] != true || !p.visible(k, props) {
				p.own[k][key] = existing{hidden: true}
				continue
			}
			rels, _ := r["rels"].([]any)
			e := existing{props: props}
			for _, x := range rels {
				e.rels = append(e.rels, asMap(x))
			}
			p.own[k][key] = e
		}
		found, err := p.adopt(ctx, k, keys, true, func(key string) bool { _, ok := p.own[k][key]; return ok })
		if err != nil {
			return err
		}
		for key, props := range found {
			p.own[k][key] = existing{props: props}
			if p.adopted[k] == nil {
				p.adopted[k] = map[string]bool{}
			}
			p.adopted[k][key] = true
		}
	}
	for k, keys := range refKeys {
		own := map[string]bool{}
		for _, key := range ownKeys[k] {
			own[key] = true
		}
		keys = slices.DeleteFunc(keys, func(key string) bool { return own[key] })
		if p.b.Known != nil && k != keyline.KindIntelligenceItem {
			if p.refs[k] == nil {
				p.refs[k] = map[string]string{}
			}
			keys = slices.DeleteFunc(keys, func(key string) bool {
				id, ok := p.b.Known(k, key)
				if ok {
					p.refs[k][key] = id
				}
				return ok
			})
		}
		if len(keys) == 0 {
			continue
		}
		if k == keyline.KindIntelligenceItem {
			rows, err := p.s.collect(ctx, p.tx, q("import_lookup_urn"), p.scope.params(map[string]any{"operationId": p.b.OperationID, "keys": uniq(keys)}))
			if err != nil {
				return err
			}
			for _, r := range rows {
				key, _ := r["key"].(string)
				if p.visible(k, r) {
					p.urns[key] = r
				}
			}
			continue
		}
		rows, err := p.s.collect(ctx, p.tx, qLabel("import_lookup", k), p.scope.params(map[string]any{"operationId": p.b.OperationID, "keys": uniq(keys)}))
		if err != nil {
			return err
		}
		if p.refs[k] == nil {
			p.refs[k] = map[string]string{}
		}
		found, _ := rows[0]["keys"].([]any)
		ids, _ := rows[0]["ids"].([]any)
		for i := range min(len(found), len(ids)) {
			key, _ := found[i].(string)
			id, _ := ids[i].(string)
			p.refs[k][key] = id
		}
		hidden, _ := rows[0]["hidden"].([]any)
		for _, key := range hidden {
			if p.hidden[k] == nil {
				p.hidden[k] = map[string]bool{}
			}
			key, _ := key.(string)
			p.hidden[k][key] = true
		}
		adopted, err := p.adopt(ctx, k, keys, false, func(key string) bool { _, ok := p.refs[k][key]; return ok })
		if err != nil {
			return err
		}
		for key, props := range adopted {
			p.refs[k][key], _ = props["id"].(string)
		}
	}
	return nil
}

// assumable kinds may be created without reading their keys first
// (ImportBatch.AssumeNew): a uniqueness constraint guards their import key
// (migrations 0001 and 0004) and no record entered through the API is
// joined by a natural key instead.
func assumable(k keyline.Kind) bool {
	switch k {
	case keyline.KindPerson, keyline.KindLocation, keyline.KindIntelligenceItem, keyline.KindAction:
		_, adopts := adoptQuery[k]
		return !adopts
	}
	return false
}

// adoptQuery finds records entered through the API by the natural key an
// import uses as their import key: a vehicle's VRM, a phone's number.
var adoptQuery = map[keyline.Kind]string{
	keyline.KindVehicle:     "import_adopt_vehicle",
	keyline.KindCommsDevice: "import_adopt_comms",
}

// adopt looks up, among keys the import key did not find, records of kind
// k entered through the API with the same VRM or number, and returns those
// that match exactly one record. Keys matching several are recorded as
// ambiguous. With lock, the matches' write locks are taken (the batch will
// give them their import key).
func (p *importPlan) adopt(ctx context.Context, k keyline.Kind, keys []string, lock bool, found func(string) bool) (map[string]map[string]any, error) {
	name, ok := adoptQuery[k]
	if !ok {
		return nil, nil
	}
	var missing []string
	for _, key := range uniq(keys) {
		// A handset known only by IMEI is keyed "IMEI:..." and not adopted.
		if !found(key) && !strings.HasPrefix(key, "IMEI:") {
			missing = append(missing, key)
		}
	}
	if len(missing) == 0 {
		return nil, nil
	}
	rows, err := p.s.collect(ctx, p.tx, q(name), p.scope.params(map[string]any{"operationId": p.b.OperationID, "keys": missing, "adopt": lock}))
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]any{}
	for _, r := range rows {
		key, _ := r["key"].(string)
		all, _ := r["matches"].([]any)
		// The query returns only records the actor sees; Go's rule agrees.
		matches := slices.DeleteFunc(all, func(m any) bool { return !p.visible(k, asMap(m)) })
		switch {
		case len(matches) == 1:
			out[key] = asMap(matches[0])
		case len(matches) > 1:
			if p.ambiguous[k] == nil {
				p.ambiguous[k] = map[string]int{}
			}
			p.ambiguous[k][key] = len(matches)
		}
	}
	return out, nil
}

// ambiguity rejects a key that names several records entered through the
// API.
func (p *importPlan) ambiguity(k keyline.Kind, key, field string) *ImportReject {
	n := p.ambiguous[k][key]
	if n == 0 {
		return nil
	}
	return &ImportReject{Field: field, Reason: fmt.Sprintf("%d %s records with %q were entered in Keyline: merge them there, then import again", n, strings.ToLower(string(k)), key)}
}

func uniq(keys []string) []string {
	slices.Sort(keys)
	return slices.Compact(keys)
}

// resolve finds the record a reference names: planned earlier in this
// batch, or already stored.
func (p *importPlan) resolve(r ImportRef) (string, keyline.Kind, *ImportReject) {
	if slices.Contains(r.Kinds, keyline.KindIntelligenceItem) {
		if id := p.ids[keyline.KindIntelligenceItem][r.Key]; id != "" {
			return id, keyline.KindIntelligenceItem, nil
		}
		it, ok := p.urns[r.Key]
		if e, own := p.own[keyline.KindIntelligenceItem][r.Key]; own {
			it, ok = e.props, !e.hidden
		}
		if !ok || !p.visible(keyline.KindIntelligenceItem, it) {
			// An item of another operation, above the actor's clearance or
			// with a handling code they may not receive looks exactly like
			// a missing one (need to know).
			return "", "", &ImportReject{Field: r.Field, Reason: fmt.Sprintf("no intelligence item with URN %q in this operation", r.Key)}
		}
		id, _ := it["id"].(string)
		return id, keyline.KindIntelligenceItem, nil
	}
	var id string
	var kind keyline.Kind
	for _, k := range r.Kinds {
		if rej := p.ambiguity(k, r.Key, r.Field); rej != nil {
			return "", "", rej
		}
		found := p.ids[k][r.Key]
		if found == "" {
			found = p.refs[k][r.Key]
		}
		if e, ok := p.own[k][r.Key]; found == "" && ok && !e.hidden {
			found, _ = e.props["id"].(string)
		}
		if found == "" {
			continue
		}
		if id != "" && found != id {
			return "", "", &ImportReject{Field: r.Field, Reason: fmt.Sprintf("%q names both a %s and a %s: prefix it with the kind", r.Key, kind, k)}
		}
		id, kind = found, k
	}
	if id == "" {
		names := make([]string, len(r.Kinds))
		for i, k := range r.Kinds {
			names[i] = strings.ToLower(string(k))
		}
		return "", "", &ImportReject{Field: r.Field, Reason: fmt.Sprintf("no %s with import reference %q in this operation", strings.Join(names, " or "), r.Key)}
	}
	return id, kind, nil
}

// visible is the need-to-know rule (keyline.Actor.Sees) for a stored
// record an import would write, join or cite: the actor sees it, and it
// belongs to the batch's operation (an import writes into one operation
// and links nothing across operations).
func (p *importPlan) visible(k keyline.Kind, props map[string]any) bool {
	if props == nil {
		return false
	}
	m := keyline.MarkingOf(k, props)
	return m.OperationID == p.b.OperationID && p.a.Sees(m)
}

// taken refuses a row whose record's key is held by a record the actor
// may not see. The words are those for a URN taken in another operation,
// whatever hides the record (operation, classification, handling code)
// and whatever it holds: the refusal tells nothing but that the key is
// taken, which the uniqueness constraint makes unavoidable.
func taken(n ImportNode) *ImportReject {
	if n.Kind == keyline.KindIntelligenceItem {
		return &ImportReject{Field: "urn", Reason: "a record with the same URN already exists"}
	}
	return &ImportReject{Reason: "a record with the same import reference already exists"}
}

// authoriseMarking refuses a row that would mark its record above the
// actor's clearance or with a handling code they may not receive
// (keyline.Actor.AuthoriseMarking): nobody imports what they could not
// then read. Each half names its own column.
func (p *importPlan) authoriseMarking(n ImportNode) *ImportReject {
	field := func(f string) string {
		for _, m := range []map[string]any{n.Props, n.Fixed, n.CreateOnly} {
			if v, ok := m[f].(string); ok {
				return v
			}
		}
		return ""
	}
	if c := field("classification"); c != "" {
		if err := p.a.AuthoriseMarking(keyline.Classification(c), ""); err != nil {
			return &ImportReject{Field: "classification", Reason: fmt.Sprintf("%s: %v", c, err)}
		}
	}
	if h := field("gradeHandling"); h != "" {
		if err := p.a.AuthoriseMarking("", h); err != nil {
			return &ImportReject{Field: "gradeHandling", Reason: err.Error()}
		}
	}
	return nil
}

func (p *importPlan) setID(k keyline.Kind, key, id string) {
	if p.ids[k] == nil {
		p.ids[k] = map[string]string{}
	}
	p.ids[k][key] = id
}

// plan decides what one row writes, or rejects it before anything of it
// is planned.
func (p *importPlan) plan(row ImportRow) *ImportReject {
	reject := func(r *ImportReject) *ImportReject { r.Line = row.Line; return r }
	// Everything the row refers to must resolve first, so a rejected row
	// writes nothing. A reference to one of the row's own records resolves
	// to it (it may not exist yet).
	endKind := func(r ImportRef) (keyline.Kind, *ImportReject) {
		for _, n := range row.Nodes {
			if n.Key == r.Key && slices.Contains(r.Kinds, n.Kind) {
				return n.Kind, nil
			}
		}
		_, k, rej := p.resolve(r)
		return k, rej
	}
	for _, l := range row.Links {
		fk, rej := endKind(l.From)
		if rej != nil {
			return reject(rej)
		}
		tk, rej := endKind(l.To)
		if rej != nil {
			return reject(rej)
		}
		if !LinkAllowed(l.Type, string(fk), string(tk)) {
			return reject(&ImportReject{Reason: fmt.Sprintf("a %s link cannot join a %s to a %s", l.Type, fk, tk)})
		}
		if _, _, rej := p.resolve(sourceRef(l.Source)); rej != nil {
			return reject(rej)
		}
	}
	for _, r := range row.Rels {
		if _, rej := endKind(r.To); rej != nil {
			return reject(rej)
		}
	}
	// Then duplicates, the row's own marking and keys taken by records
	// the actor may not see, still before planning anything. The row's
	// marking comes first, so its refusal never depends on what is
	// stored; a hidden record is refused with the same words whatever
	// hides it and whatever it holds, and nothing after that check (the
	// Fixed fields' stored values, planNode's update) ever reads one.
	for _, n := range row.Nodes {
		if rej := p.ambiguity(n.Kind, n.Key, ""); rej != nil {
			return reject(rej)
		}
		if n.Ensure {
			if p.hidden[n.Kind][n.Key] {
				return reject(taken(n))
			}
			continue
		}
		if line, dup := p.lineOf[n.Kind][n.Key]; dup {
			return reject(&ImportReject{Reason: fmt.Sprintf("same key %q as line %d", n.Key, line)})
		}
		if rej := p.authoriseMarking(n); rej != nil {
			return reject(rej)
		}
		e, ok := p.own[n.Kind][n.Key]
		if !ok {
			continue
		}
		if e.hidden || !p.visible(n.Kind, e.props) {
			return reject(taken(n))
		}
		for k, v := range n.Fixed {
			if !sameValue(e.props[k], v) {
				// The actor sees the record, so may be told its value.
				return reject(&ImportReject{Field: k, Reason: fmt.Sprintf("is %v in Keyline and an import does not change it (regrade through the API)", orNone(e.props[k]))})
			}
		}
	}
	for i, n := range row.Nodes {
		pn := p.planNode(n, row.Line)
		if i == 0 {
			// Structural relationships leave the row's first record; a new
			// or re-roled one changes the record, as ChangeRefs does through
			// the API, so its version advances.
			for _, r := range row.Rels {
				to, _, _ := p.resolve(r.To)
				if !pn.created && hasRel(pn.rels, r.Type, to, r.Props) {
					continue
				}
				p.rels[r.Type] = append(p.rels[r.Type], map[string]any{"fromId": pn.id, "toId": to, "props": param(orEmpty(r.Props))})
				if !pn.created && pn.set == nil {
					pn.set = map[string]any{}
				}
			}
		}
		switch {
		case n.Ensure || pn.created:
		case pn.set != nil:
			p.updates = append(p.updates, map[string]any{"id": pn.id, "set": param(pn.set)})
			p.res.Updated++
			p.changed = append(p.changed, pn.id)
		default:
			p.res.Unchanged++
		}
	}
	for _, l := range row.Links {
		from, _, _ := p.resolve(l.From)
		to, _, _ := p.resolve(l.To)
		src, _, _ := p.resolve(sourceRef(l.Source))
		// A new link takes create (its id and the fields set on creation
		// only), the row's source, count and period, and the batch's
		// bookkeeping from the statement's parameters.
		create := make(map[string]any, len(l.Props)+1)
		for k, v := range l.Props {
			if v != nil && !mergedLinkProps[k] {
				create[k] = param(v)
			}
		}
		create["id"] = keyline.NewLinkID()
		p.links[l.Type] = append(p.links[l.Type], map[string]any{
			"fromId": from, "toId": to, "source": src, "create": create,
			"count": l.Props["count"], "firstSeen": param(l.Props["firstSeen"]), "lastSeen": param(l.Props["lastSeen"]),
			"contactAt": param(l.Props["contactAt"]),
		})
	}
	return nil
}

// mergedLinkProps are the link fields an import merges into an existing
// link (import_links); the others are set on creation only.
var mergedLinkProps = map[string]bool{"count": true, "firstSeen": true, "lastSeen": true, "contactAt": true}

// MaxContactTimes is how many individual contact times a CONTACTED link
// keeps (contactTimes, the most recent): enough for a timeline at its
// largest limit, small enough that a busy pair's link stays a modest
// record. Its count goes on counting beyond it (import_links.cypher).
const MaxContactTimes = 1000

func sourceRef(urn string) ImportRef {
	return ImportRef{Kinds: []keyline.Kind{keyline.KindIntelligenceItem}, Key: urn, Field: "sourceUrn"}
}

type plannedNode struct {
	id      string
	created bool
	set     map[string]any // the change to an existing record; nil when unchanged
	rels    []map[string]any
}

// planNode plans one record: a create, a change (the fields that differ),
// or nothing.
func (p *importPlan) planNode(n ImportNode, line int) plannedNode {
	if id := p.ids[n.Kind][n.Key]; id != "" && n.Ensure {
		return plannedNode{id: id}
	}
	if !n.Ensure {
		if p.lineOf[n.Kind] == nil {
			p.lineOf[n.Kind] = map[string]int{}
		}
		p.lineOf[n.Kind][n.Key] = line
	}
	if id := p.refs[n.Kind][n.Key]; id != "" && n.Ensure {
		p.setID(n.Kind, n.Key, id)
		return plannedNode{id: id}
	}
	if e, ok := p.own[n.Kind][n.Key]; ok {
		id, _ := e.props["id"].(string)
		p.setID(n.Kind, n.Key, id)
		out := plannedNode{id: id, rels: e.rels}
		if n.Ensure {
			return out
		}
		set := map[string]any{}
		for k, v := range n.Props {
			if k == "sourceText" && !p.a.SeesSourceText() {
				// Source-revealing text is set when an item is recorded;
				// only those who may read it change it, so comparing a
				// row with it cannot tell anyone else what it says.
				continue
			}
			if !sameValue(e.props[k], v) {
				set[k] = v
			}
		}
		if p.adopted[n.Kind][n.Key] {
			// Entered through the API: from now on the import key finds it.
			set["importRef"] = n.Key
		}
		if len(set) == 0 {
			return out
		}
		merged := maps.Clone(e.props)
		maps.Copy(merged, n.Props)
		label, search := keyline.Describe(n.Kind, merged)
		if n.Kind != keyline.KindAction {
			set["label"] = label
		}
		set["searchText"] = search
		out.set = set
		return out
	}
	id := keyline.NewID(n.Kind)
	p.setID(n.Kind, n.Key, id)
	// One map per new record, sent as it is: the bookkeeping every record
	// of the batch shares (operationId, createdAt, updatedAt, updatedBy,
	// version) is set by the statement from its parameters.
	c := make(map[string]any, len(n.Props)+len(n.CreateOnly)+len(n.Fixed)+4)
	for _, m := range []map[string]any{n.CreateOnly, n.Fixed, n.Props} {
		for k, v := range m {
			if v != nil {
				c[k] = v
			} else {
				delete(c, k)
			}
		}
	}
	c["id"] = id
	if n.Kind == keyline.KindIntelligenceItem {
		c["urn"] = n.Key
	} else {
		c["importRef"] = n.Key
	}
	c["label"], c["searchText"] = keyline.Describe(n.Kind, c)
	for k, v := range c {
		c[k] = param(v)
	}
	p.creates[n.Kind] = append(p.creates[n.Kind], c)
	p.res.Created++
	p.changed = append(p.changed, id)
	return plannedNode{id: id, created: true}
}

func orNone(v any) any {
	if v == nil {
		return "absent"
	}
	return v
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

func hasRel(rels []map[string]any, typ, to string, props map[string]any) bool {
	for _, r := range rels {
		if r["type"] == typ && r["to"] == to {
			return props["role"] == nil || r["role"] == props["role"]
		}
	}
	return false
}

// sameValue compares a stored (normalised) value with a validated one.
func sameValue(stored, v any) bool {
	switch x := v.(type) {
	case keyline.Date:
		d, ok := stored.(keyline.Date)
		return ok && d.String() == x.String()
	case time.Time:
		t, ok := stored.(time.Time)
		return ok && t.Equal(x)
	case []string:
		l, ok := stored.([]any)
		if !ok || len(l) != len(x) {
			return false
		}
		for i := range x {
			if l[i] != x[i] {
				return false
			}
		}
		return true
	case nil:
		return stored == nil
	case int:
		return asInt(stored) == x && stored != nil
	case float64:
		f, ok := stored.(float64)
		return ok && f == x
	}
	return reflect.DeepEqual(stored, v)
}

// write runs the planned statements and checks each wrote every row: a
// shortfall means the graph moved under the batch, and the whole batch is
// rolled back rather than half-applied.
func (p *importPlan) write(ctx context.Context) error {
	check := func(qy query, col string, rows []any, params map[string]any) ([]map[string]any, error) {
		if len(rows) == 0 {
			return nil, nil
		}
		params["rows"] = rows
		out, err := p.s.collect(ctx, p.tx, qy, params)
		if err != nil {
			return nil, err
		}
		if n := asInt(out[0][col]); n != len(rows) {
			return nil, keyline.Errorf(keyline.CodeConflict, "%s wrote %d of %d rows: the records changed during the import; run it again", qy.name, n, len(rows))
		}
		return out, nil
	}
	for _, k := range keyline.Kinds {
		qy := qLabel("import_nodes_create", k)
		params := p.bookkeeping()
		if k == keyline.KindAction {
			qy = q("import_actions_create")
		}
		if _, err := check(qy, "created", p.creates[k], params); err != nil {
			return err
		}
	}
	if _, err := check(q("import_nodes_update"), "updated", p.updates, map[string]any{"now": p.t, "actor": p.a.Subject}); err != nil {
		return err
	}
	for _, typ := range LinkTypes {
		params := p.bookkeeping()
		params["maxContactTimes"] = MaxContactTimes
		out, err := check(qRel("import_links", typ), "rows", p.links[typ], params)
		if err != nil {
			return err
		}
		if out != nil {
			c, u := asInt(out[0]["created"]), asInt(out[0]["updated"])
			p.res.LinksCreated += c
			p.res.LinksUpdated += u
			p.res.LinksUnchanged += len(p.links[typ]) - c - u
		}
	}
	for _, typ := range importRels {
		if _, err := check(qRel("import_relate", typ), "related", p.rels[typ], map[string]any{}); err != nil {
			return err
		}
	}
	return nil
}

// bookkeeping are the parameters every record and link a batch creates
// shares: its operation, the batch's time and the actor.
func (p *importPlan) bookkeeping() map[string]any {
	return map[string]any{"operationId": p.b.OperationID, "now": param(p.t), "actor": p.a.Subject}
}

// audit appends the batch's one AuditEvent: who imported which lines of
// which file into which operation, what it did, and the records it created
// or changed (rows that changed nothing are not listed).
func (p *importPlan) audit(ctx context.Context) error {
	rejected := make([]int, len(p.res.Rejected))
	for i, r := range p.res.Rejected {
		rejected[i] = r.Line
	}
	return p.s.audit(ctx, p.tx, p.a, auditEntry{
		action: "IMPORT", kind: "Import", id: p.b.RunID, operationID: p.b.OperationID,
		after: map[string]any{
			"file": p.b.File, "fileKind": p.b.FileKind, "rows": len(p.b.Rows),
			"lines":   fmt.Sprintf("%d-%d", p.b.FirstLine, p.b.LastLine),
			"created": p.res.Created, "updated": p.res.Updated, "unchanged": p.res.Unchanged,
			"linksCreated": p.res.LinksCreated, "linksUpdated": p.res.LinksUpdated,
			"rejectedLines": rejected, "records": p.changed,
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
