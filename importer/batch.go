package importer

import (
	"context"
	"slices"
	"strings"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

// A batch is written in one transaction with one audit event, so it
// commits entirely or not at all. It first reads the records it is about
// to write and the records it refers to (read), then decides in Go, row
// by row, what to create, what to change and what to leave alone (plan).
// Deciding here rather than with MERGE ... ON MATCH SET in Cypher lets
// the importer (a) derive label and searchText with keyline.Describe from
// the record as it will be, (b) advance a version only when a field
// really changed, (c) reject a row whose references do not resolve before
// anything of it is written, and (d) count created, updated and unchanged
// records exactly. The store only reads, locks and writes
// (cypher.ImportTx).

// Batch is one batch of validated rows from one file.
type Batch struct {
	OperationID string
	RunID       string // one id per import run, shared by its batches' audit events
	File        string // for the audit trail and the rejects
	FileKind    string // nominals, addresses, ...
	FirstLine   int
	LastLine    int
	Rows        []Row
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
	// that no natural key joins (assumable): every row is planned as a
	// create. The caller sets it when the run has found every key so far
	// new (a first import). If a key does exist, the constraint refuses
	// the batch's CREATE with CONFLICT, the transaction changes nothing,
	// and the caller writes the batch again without AssumeNew.
	AssumeNew bool
}

// Row is what one line of a file asks for: its records, the links
// between them and others, and structural relationships from its first
// record (an item's mentions, an action's sources).
type Row struct {
	Line  int
	Nodes []Node
	Links []Link
	Rels  []Rel
}

// Node is one record keyed within the operation.
type Node struct {
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

// Ref names a record by import key. For KindIntelligenceItem the key is
// a URN. Kinds lists the kinds the key may name; more than one match is
// ambiguous and rejects the row.
type Ref struct {
	Kinds []keyline.Kind
	Key   string
	Field string // the column it came from, for reasons
}

// Link is a link between two records, asserted by one intelligence item
// (Source, a URN). Props hold confidence (used on create only) and
// count, firstSeen and lastSeen, which are merged into an existing link,
// and, for a CONTACTED row that is one contact, contactAt: its time, kept
// in the link's contactTimes.
type Link struct {
	Type     string
	From, To Ref
	Source   string
	Props    map[string]any
}

// Rel is a structural relationship (MENTIONS, RAISED_FROM) from the row's
// first record, with its properties (a mention's role).
type Rel struct {
	Type  string
	To    Ref
	Props map[string]any
}

// BatchResult counts what a batch did.
type BatchResult struct {
	Created, Updated, Unchanged                int
	LinksCreated, LinksUpdated, LinksUnchanged int
	Rejected                                   []Reject
	// Resolved are the records the batch referred to or wrote, by kind and
	// import key, for later batches' Batch.Known (intelligence items
	// included; Known skips them).
	Resolved map[keyline.Kind]map[string]string
}

// writeBatch writes one batch: read, plan and write in one transaction.
// Rows that cannot be written (an unresolved reference, a URN taken
// outside the operation, a duplicate key) come back as rejects; the rest
// commit together with one AuditEvent.
func writeBatch(ctx context.Context, store *cypher.Store, a *keyline.Actor, b Batch) (BatchResult, error) {
	var res BatchResult
	err := store.ImportTx(ctx, a, b.OperationID, func(tx *cypher.ImportTx) error {
		// The driver may run this again after a transient failure: start
		// from nothing each time.
		st, err := read(ctx, tx, a, b)
		if err != nil {
			return err
		}
		w, r := plan(a, b, st)
		links, err := tx.Write(ctx, w)
		if err != nil {
			return err
		}
		r.LinksCreated, r.LinksUpdated, r.LinksUnchanged = links.LinksCreated, links.LinksUpdated, links.LinksUnchanged
		res = r
		return nil
	})
	return res, err
}

// storeTx is what planning a batch reads from the store, inside the
// batch's transaction (cypher.ImportTx).
type storeTx interface {
	Existing(ctx context.Context, k keyline.Kind, keys []string) ([]cypher.ImportRecord, error)
	Unkeyed(ctx context.Context, k keyline.Kind, keys []string, use cypher.ImportUse) ([]cypher.ImportRecord, error)
	Lookup(ctx context.Context, k keyline.Kind, keys []string) (cypher.ImportLookup, error)
	Items(ctx context.Context, urns []string) ([]cypher.ImportItem, error)
}

// read loads, in one statement per kind, the records the batch writes
// (locked) and the records it refers to.
func read(ctx context.Context, tx storeTx, a *keyline.Actor, b Batch) (stored, error) {
	ownKeys, refKeys := keysOf(b)
	st := newStored(a, b.OperationID)
	for k, keys := range ownKeys {
		st.own[k] = map[string]existing{}
		if b.AssumeNew && assumable(k) {
			// Created unread: the key's uniqueness constraint refuses
			// the CREATE of one that exists (see Batch.AssumeNew).
			continue
		}
		recs, err := tx.Existing(ctx, k, keys)
		if err != nil {
			return st, err
		}
		st.addOwn(k, recs)
		if err := adoptUnkeyed(ctx, tx, &st, k, keys, cypher.ImportChanges); err != nil {
			return st, err
		}
	}
	for k, keys := range refKeys {
		own := ownKeys[k]
		keys = slices.DeleteFunc(keys, func(key string) bool { _, ok := slices.BinarySearch(own, key); return ok })
		if st.refs[k] == nil {
			st.refs[k] = map[string]string{}
		}
		if b.Known != nil && k != keyline.KindIntelligenceItem {
			keys = slices.DeleteFunc(keys, func(key string) bool {
				id, ok := b.Known(k, key)
				if ok {
					st.refs[k][key] = id
				}
				return ok
			})
		}
		if len(keys) == 0 {
			continue
		}
		if k == keyline.KindIntelligenceItem {
			items, err := tx.Items(ctx, keys)
			if err != nil {
				return st, err
			}
			st.addItems(items)
			continue
		}
		found, err := tx.Lookup(ctx, k, keys)
		if err != nil {
			return st, err
		}
		st.addRefs(k, found)
		if err := adoptUnkeyed(ctx, tx, &st, k, keys, cypher.ImportJoins); err != nil {
			return st, err
		}
	}
	return st, nil
}

// keysOf lists, by kind and each sorted without repeats, the keys of the
// records a batch writes and of those it refers to (joined records, link
// ends and sources, relationships' ends).
func keysOf(b Batch) (own, refs map[keyline.Kind][]string) {
	own, refs = map[keyline.Kind][]string{}, map[keyline.Kind][]string{}
	add := func(m map[keyline.Kind][]string, k keyline.Kind, key string) { m[k] = append(m[k], key) }
	for _, row := range b.Rows {
		for _, n := range row.Nodes {
			if n.Ensure {
				// Joined as they are, so found without taking their locks.
				add(refs, n.Kind, n.Key)
				continue
			}
			add(own, n.Kind, n.Key)
		}
		for _, l := range row.Links {
			for _, r := range []Ref{l.From, l.To} {
				for _, k := range r.Kinds {
					add(refs, k, r.Key)
				}
			}
			add(refs, keyline.KindIntelligenceItem, l.Source)
		}
		for _, r := range row.Rels {
			for _, k := range r.To.Kinds {
				add(refs, k, r.To.Key)
			}
		}
	}
	for _, m := range []map[keyline.Kind][]string{own, refs} {
		for k, keys := range m {
			slices.Sort(keys)
			m[k] = slices.Compact(keys)
		}
	}
	return own, refs
}

// assumable kinds may be created without reading their keys first
// (Batch.AssumeNew): a uniqueness constraint guards their import key
// (migrations 0001 and 0004) and no record entered through the API is
// joined by a natural key instead (naturalKeyed).
func assumable(k keyline.Kind) bool {
	switch k {
	case keyline.KindPerson, keyline.KindLocation, keyline.KindIntelligenceItem, keyline.KindAction:
		return !naturalKeyed[k]
	}
	return false
}

// naturalKeyed kinds use a natural key as their import key (a vehicle's
// VRM, a phone's number), so an import joins a record entered through
// the API with the same one ("adopts" it) rather than creating a second.
var naturalKeyed = map[keyline.Kind]bool{keyline.KindVehicle: true, keyline.KindCommsDevice: true}

// adoptUnkeyed looks up, among the keys of kind k that found nothing by
// import key, records entered through the API with the same natural key,
// and adopts them (stored.adopt): as records the batch changes (locked)
// or as references.
func adoptUnkeyed(ctx context.Context, tx storeTx, st *stored, k keyline.Kind, keys []string, use cypher.ImportUse) error {
	if !naturalKeyed[k] {
		return nil
	}
	var missing []string
	for _, key := range keys {
		_, found := st.refs[k][key]
		if use == cypher.ImportChanges {
			_, found = st.own[k][key]
		}
		// A handset known only by IMEI is keyed "IMEI:..." and not adopted.
		if !found && !strings.HasPrefix(key, "IMEI:") {
			missing = append(missing, key)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	recs, err := tx.Unkeyed(ctx, k, missing, use)
	if err != nil {
		return err
	}
	st.adopt(k, recs, use)
	return nil
}
