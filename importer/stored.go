package importer

import (
	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

// stored is what a batch found in the store, after the need-to-know rule
// (visible): the state its rows are planned against.
type stored struct {
	a  *keyline.Actor
	op string

	own  map[keyline.Kind]map[string]existing // records rows write, as stored
	refs map[keyline.Kind]map[string]string   // referenced records: key -> id
	// items are cited intelligence items the actor sees: urn -> id.
	items map[string]string
	// hidden are keys of referenced records the actor may not see: never
	// resolved, and a row that would create one is refused (its key is
	// taken).
	hidden map[keyline.Kind]map[string]bool
	// Records entered through the API that rows name by natural key:
	// adopted ones are given the row's import key; a key matching
	// several is ambiguous and its rows are rejected.
	adopted   map[keyline.Kind]map[string]bool
	ambiguous map[keyline.Kind]map[string]int
}

// existing is a stored record a row would write. A hidden one (the actor
// may not see it, or it belongs to another operation) is known only to
// exist: its key is taken, and nothing of it is read.
type existing struct {
	props  map[string]any
	rels   []cypher.ImportRel
	hidden bool
}

func newStored(a *keyline.Actor, op string) stored {
	return stored{a: a, op: op,
		own: map[keyline.Kind]map[string]existing{}, refs: map[keyline.Kind]map[string]string{}, items: map[string]string{},
		hidden: map[keyline.Kind]map[string]bool{}, adopted: map[keyline.Kind]map[string]bool{}, ambiguous: map[keyline.Kind]map[string]int{}}
}

// visible is the need-to-know rule (keyline.Actor.Sees) for a stored
// record an import would write, join or cite: the actor sees it, and it
// belongs to the batch's operation (an import writes into one operation
// and links nothing across operations). The store's reads apply the same
// rule in Cypher; this is the second check, in Go.
func (st *stored) visible(m keyline.Marking) bool {
	return m.OperationID == st.op && st.a.Sees(m)
}

func (st *stored) visibleProps(k keyline.Kind, props map[string]any) bool {
	return props != nil && st.visible(keyline.MarkingOf(k, props))
}

// addOwn records the batch's own records of kind k as the store found
// them by import key or URN.
func (st *stored) addOwn(k keyline.Kind, recs []cypher.ImportRecord) {
	if st.own[k] == nil {
		st.own[k] = map[string]existing{}
	}
	for _, r := range recs {
		if !r.Visible || !st.visibleProps(k, r.Props) {
			st.own[k][r.Key] = existing{hidden: true}
			continue
		}
		st.own[k][r.Key] = existing{props: r.Props, rels: r.Rels}
	}
}

// adopt records the records of kind k entered through the API that the
// store found by natural key: a key naming exactly one the actor sees
// adopts it (as a record the batch changes, or as a reference); a key
// naming several is ambiguous.
func (st *stored) adopt(k keyline.Kind, recs []cypher.ImportRecord, use cypher.ImportUse) {
	matches := map[string][]map[string]any{}
	var keys []string
	for _, r := range recs {
		// The store returns only records the actor sees; Go's rule agrees.
		if !r.Visible || !st.visibleProps(k, r.Props) {
			continue
		}
		if matches[r.Key] == nil {
			keys = append(keys, r.Key)
		}
		matches[r.Key] = append(matches[r.Key], r.Props)
	}
	for _, key := range keys {
		m := matches[key]
		if len(m) > 1 {
			setIn(st.ambiguous, k, key, len(m))
			continue
		}
		if use == cypher.ImportChanges {
			setIn(st.own, k, key, existing{props: m[0]})
			setIn(st.adopted, k, key, true)
			continue
		}
		id, _ := m[0]["id"].(string)
		setIn(st.refs, k, key, id)
	}
}

// addRefs records references of kind k the store resolved by import key.
func (st *stored) addRefs(k keyline.Kind, found cypher.ImportLookup) {
	for key, id := range found.IDs {
		setIn(st.refs, k, key, id)
	}
	for _, key := range found.Hidden {
		setIn(st.hidden, k, key, true)
	}
}

// addItems records the cited intelligence items the store found.
func (st *stored) addItems(items []cypher.ImportItem) {
	for _, it := range items {
		if st.visible(it.Marking) {
			st.items[it.URN] = it.ID
		}
	}
}

// setIn sets m[k][key], making the inner map when missing.
func setIn[V any](m map[keyline.Kind]map[string]V, k keyline.Kind, key string, v V) {
	if m[k] == nil {
		m[k] = map[string]V{}
	}
	m[k][key] = v
}
