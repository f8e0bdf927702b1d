package importer

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

// planner decides, row by row, what a batch writes, from what the store
// found (stored). It is pure: it reads nothing and writes nothing, so the
// transaction that reads and writes may run it again from the start.
type planner struct {
	a  *keyline.Actor
	b  *Batch
	st stored

	ids    map[keyline.Kind]map[string]string // every key resolved or planned in this batch -> id
	lineOf map[keyline.Kind]map[string]int    // line that planned each own record

	w       cypher.ImportWrite
	res     BatchResult
	changed []string
}

// plan decides what each row of b creates, changes, joins or leaves
// alone, or why it is refused, against the stored records st.
func plan(a *keyline.Actor, b Batch, st stored) (cypher.ImportWrite, BatchResult) {
	p := &planner{a: a, b: &b, st: st, ids: map[keyline.Kind]map[string]string{}, lineOf: map[keyline.Kind]map[string]int{},
		w: cypher.ImportWrite{Creates: map[keyline.Kind][]map[string]any{}, Links: map[string][]cypher.ImportLinkWrite{}, Rels: map[string][]cypher.ImportRelWrite{}}}
	for _, row := range b.Rows {
		if rej := p.row(row); rej != nil {
			p.res.Rejected = append(p.res.Rejected, *rej)
		}
	}
	p.res.Resolved = p.ids
	for k, refs := range st.refs {
		for key, id := range refs {
			setIn(p.res.Resolved, k, key, id)
		}
	}
	rejected := make([]int, len(p.res.Rejected))
	for i, r := range p.res.Rejected {
		rejected[i] = r.Line
	}
	p.w.Audit = cypher.ImportAudit{RunID: b.RunID, File: b.File, FileKind: b.FileKind, Rows: len(b.Rows),
		FirstLine: b.FirstLine, LastLine: b.LastLine,
		Created: p.res.Created, Updated: p.res.Updated, Unchanged: p.res.Unchanged,
		RejectedLines: rejected, Records: p.changed}
	return p.w, p.res
}

// row plans one row, or rejects it before anything of it is planned.
func (p *planner) row(row Row) *Reject {
	reject := func(r *Reject) *Reject { r.File, r.Line = p.b.File, row.Line; return r }
	// Everything the row refers to must resolve first, so a rejected row
	// writes nothing. A reference to one of the row's own records resolves
	// to it (it may not exist yet).
	endKind := func(r Ref) (keyline.Kind, *Reject) {
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
		if !cypher.LinkAllowed(l.Type, string(fk), string(tk)) {
			return reject(&Reject{Reason: fmt.Sprintf("a %s link cannot join a %s to a %s", l.Type, fk, tk)})
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
	// Fixed fields' stored values, node's update) ever reads one.
	for _, n := range row.Nodes {
		if rej := p.ambiguity(n.Kind, n.Key, ""); rej != nil {
			return reject(rej)
		}
		if n.Ensure {
			if p.st.hidden[n.Kind][n.Key] {
				return reject(taken(n))
			}
			continue
		}
		if line, dup := p.lineOf[n.Kind][n.Key]; dup {
			return reject(&Reject{Reason: fmt.Sprintf("same key %q as line %d", n.Key, line)})
		}
		if rej := authoriseMarking(p.a, n); rej != nil {
			return reject(rej)
		}
		e, ok := p.st.own[n.Kind][n.Key]
		if !ok {
			continue
		}
		if e.hidden || !p.st.visibleProps(n.Kind, e.props) {
			return reject(taken(n))
		}
		for k, v := range n.Fixed {
			if !sameValue(e.props[k], v) {
				// The actor sees the record, so may be told its value.
				return reject(&Reject{Field: k, Reason: fmt.Sprintf("is %v in Keyline and an import does not change it (regrade through the API)", orNone(e.props[k]))})
			}
		}
	}
	for i, n := range row.Nodes {
		pn := p.node(n, row.Line)
		if i == 0 {
			// Structural relationships leave the row's first record; a new
			// or re-roled one changes the record, as ChangeRefs does through
			// the API, so its version advances.
			for _, r := range row.Rels {
				to, _, _ := p.resolve(r.To)
				if !pn.created && hasRel(pn.rels, r.Type, to, r.Props) {
					continue
				}
				p.w.Rels[r.Type] = append(p.w.Rels[r.Type], cypher.ImportRelWrite{FromID: pn.id, ToID: to, Props: r.Props})
				if !pn.created && pn.set == nil {
					pn.set = map[string]any{}
				}
			}
		}
		switch {
		case n.Ensure || pn.created:
		case pn.set != nil:
			p.w.Updates = append(p.w.Updates, cypher.ImportUpdate{ID: pn.id, Set: pn.set})
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
		p.w.Links[l.Type] = append(p.w.Links[l.Type], linkWrite(l, from, to, src))
	}
	return nil
}

// mergedLinkProps are the link fields an import merges into an existing
// link (import_links); the others are set on creation only.
var mergedLinkProps = map[string]bool{"count": true, "firstSeen": true, "lastSeen": true, "contactAt": true}

// linkWrite is a row's link between resolved ends. A new link takes
// Create (its id and the fields set on creation only), the row's source,
// count and period, and the batch's bookkeeping from the store.
func linkWrite(l Link, from, to, src string) cypher.ImportLinkWrite {
	create := make(map[string]any, len(l.Props)+1)
	for k, v := range l.Props {
		if v != nil && !mergedLinkProps[k] {
			create[k] = v
		}
	}
	create["id"] = keyline.NewLinkID()
	w := cypher.ImportLinkWrite{FromID: from, ToID: to, SourceID: src, Create: create}
	w.Count, w.HasCount = l.Props["count"].(int)
	w.FirstSeen, _ = l.Props["firstSeen"].(time.Time)
	w.LastSeen, _ = l.Props["lastSeen"].(time.Time)
	w.ContactAt, _ = l.Props["contactAt"].(time.Time)
	return w
}

func sourceRef(urn string) Ref {
	return Ref{Kinds: []keyline.Kind{keyline.KindIntelligenceItem}, Key: urn, Field: "sourceUrn"}
}

// resolve finds the record a reference names: planned earlier in this
// batch, or already stored.
func (p *planner) resolve(r Ref) (string, keyline.Kind, *Reject) {
	if slices.Contains(r.Kinds, keyline.KindIntelligenceItem) {
		if id := p.ids[keyline.KindIntelligenceItem][r.Key]; id != "" {
			return id, keyline.KindIntelligenceItem, nil
		}
		id, ok := p.st.items[r.Key]
		if e, own := p.st.own[keyline.KindIntelligenceItem][r.Key]; own {
			ok = !e.hidden && p.st.visibleProps(keyline.KindIntelligenceItem, e.props)
			id, _ = e.props["id"].(string)
		}
		if !ok {
			// An item of another operation, above the actor's clearance or
			// with a handling code they may not receive looks exactly like
			// a missing one (need to know).
			return "", "", &Reject{Field: r.Field, Reason: fmt.Sprintf("no intelligence item with URN %q in this operation", r.Key)}
		}
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
			found = p.st.refs[k][r.Key]
		}
		if e, ok := p.st.own[k][r.Key]; found == "" && ok && !e.hidden {
			found, _ = e.props["id"].(string)
		}
		if found == "" {
			continue
		}
		if id != "" && found != id {
			return "", "", &Reject{Field: r.Field, Reason: fmt.Sprintf("%q names both a %s and a %s: prefix it with the kind", r.Key, kind, k)}
		}
		id, kind = found, k
	}
	if id == "" {
		names := make([]string, len(r.Kinds))
		for i, k := range r.Kinds {
			names[i] = strings.ToLower(string(k))
		}
		return "", "", &Reject{Field: r.Field, Reason: fmt.Sprintf("no %s with import reference %q in this operation", strings.Join(names, " or "), r.Key)}
	}
	return id, kind, nil
}

// ambiguity rejects a key that names several records entered through the
// API.
func (p *planner) ambiguity(k keyline.Kind, key, field string) *Reject {
	n := p.st.ambiguous[k][key]
	if n == 0 {
		return nil
	}
	return &Reject{Field: field, Reason: fmt.Sprintf("%d %s records with %q were entered in Keyline: merge them there, then import again", n, strings.ToLower(string(k)), key)}
}

// taken refuses a row whose record's key is held by a record the actor
// may not see. The words are those for a URN taken in another operation,
// whatever hides the record (operation, classification, handling code)
// and whatever it holds: the refusal tells nothing but that the key is
// taken, which the uniqueness constraint makes unavoidable.
func taken(n Node) *Reject {
	if n.Kind == keyline.KindIntelligenceItem {
		return &Reject{Field: "urn", Reason: "a record with the same URN already exists"}
	}
	return &Reject{Reason: "a record with the same import reference already exists"}
}

// authoriseMarking refuses a row that would mark its record above the
// actor's clearance or with a handling code they may not receive
// (keyline.Actor.AuthoriseMarking): nobody imports what they could not
// then read. Each half names its own column.
func authoriseMarking(a *keyline.Actor, n Node) *Reject {
	field := func(f string) string {
		for _, m := range []map[string]any{n.Props, n.Fixed, n.CreateOnly} {
			if v, ok := m[f].(string); ok {
				return v
			}
		}
		return ""
	}
	if c := field("classification"); c != "" {
		if err := a.AuthoriseMarking(keyline.Classification(c), ""); err != nil {
			return &Reject{Field: "classification", Reason: fmt.Sprintf("%s: %v", c, err)}
		}
	}
	if h := field("gradeHandling"); h != "" {
		if err := a.AuthoriseMarking("", h); err != nil {
			return &Reject{Field: "gradeHandling", Reason: err.Error()}
		}
	}
	return nil
}

type plannedNode struct {
	id      string
	created bool
	set     map[string]any // the change to an existing record; nil when unchanged
	rels    []cypher.ImportRel
}

// node plans one record: a create, a change (the fields that differ), or
// nothing.
func (p *planner) node(n Node, line int) plannedNode {
	if id := p.ids[n.Kind][n.Key]; id != "" && n.Ensure {
		return plannedNode{id: id}
	}
	if !n.Ensure {
		setIn(p.lineOf, n.Kind, n.Key, line)
	}
	if id := p.st.refs[n.Kind][n.Key]; id != "" && n.Ensure {
		setIn(p.ids, n.Kind, n.Key, id)
		return plannedNode{id: id}
	}
	if e, ok := p.st.own[n.Kind][n.Key]; ok {
		id, _ := e.props["id"].(string)
		setIn(p.ids, n.Kind, n.Key, id)
		out := plannedNode{id: id, rels: e.rels}
		if n.Ensure {
			return out
		}
		out.set = p.change(n, e)
		return out
	}
	id := keyline.NewID(n.Kind)
	setIn(p.ids, n.Kind, n.Key, id)
	// One map per new record, sent as it is: the bookkeeping every record
	// of the batch shares (operationId, createdAt, updatedAt, updatedBy,
	// version) is set by the store.
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
	p.w.Creates[n.Kind] = append(p.w.Creates[n.Kind], c)
	p.res.Created++
	p.changed = append(p.changed, id)
	return plannedNode{id: id, created: true}
}

// change is what a row changes in its stored record e: the fields that
// differ, with label and searchText derived again; nil when nothing does.
func (p *planner) change(n Node, e existing) map[string]any {
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
	if p.st.adopted[n.Kind][n.Key] {
		// Entered through the API: from now on the import key finds it.
		set["importRef"] = n.Key
	}
	if len(set) == 0 {
		return nil
	}
	merged := maps.Clone(e.props)
	maps.Copy(merged, n.Props)
	label, search := keyline.Describe(n.Kind, merged)
	if n.Kind != keyline.KindAction {
		set["label"] = label
	}
	set["searchText"] = search
	return set
}

func orNone(v any) any {
	if v == nil {
		return "absent"
	}
	return v
}

func hasRel(rels []cypher.ImportRel, typ, to string, props map[string]any) bool {
	for _, r := range rels {
		if r.Type == typ && r.To == to {
			return props["role"] == nil || props["role"] == any(r.Role)
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
		var n int
		switch s := stored.(type) {
		case int64:
			n = int(s)
		case int:
			n = s
		}
		return n == x && stored != nil
	case float64:
		f, ok := stored.(float64)
		return ok && f == x
	}
	return reflect.DeepEqual(stored, v)
}
