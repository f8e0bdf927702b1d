package cypher

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/keyline/keyline"
)

// Ref asks a write to join the record to others by a structural
// relationship (see rels.go). Field names the input the ids came from, for
// errors.
type Ref struct {
	Rel     string
	Dir     Direction
	Targets []RefTarget
	// Replace removes the existing relationships of this type first.
	Replace bool
	Field   string
}

// RefTarget is one record to join, with the relationship's properties.
type RefTarget struct {
	ID    string
	Props map[string]any
}

// bookkeeping fields are not part of an audit diff: every change has them.
var bookkeeping = []string{"updatedAt", "updatedBy", "version", "searchText", "label", "sourceMarks"}

func now() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }

// CreateNode creates a record of kind k in operation opID (ignored for
// officers; an operation is its own operationId) with the validated props,
// joins it to refs, and audits it, in one transaction.
func (s *Store) CreateNode(ctx context.Context, a *keyline.Actor, k keyline.Kind, opID string, props map[string]any, refs []Ref) (Record, error) {
	id := keyline.NewID(k)
	t := now()
	p := withBookkeeping(props, id, t, a)
	p["label"], p["searchText"] = keyline.Describe(k, p)
	// Nobody creates what they could not then read.
	if m := keyline.MarkingOf(k, props); !m.UnitWide {
		if err := a.AuthoriseMarking(m.Classification, m.Handling); err != nil {
			return Record{}, err
		}
	}
	switch k {
	case keyline.KindOperation:
		p["operationId"] = id
		opID = id
	case keyline.KindOfficer:
		opID = ""
	default:
		// The resolvers check roles; the store still refuses to write into
		// an operation the actor is not a member of, whoever calls it.
		if err := a.AuthoriseWrite(opID); err != nil {
			return Record{}, err
		}
		p["operationId"] = opID
	}
	var rec Record
	err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		rows, err := s.collect(ctx, tx, qLabel("node_create", k), map[string]any{"props": param(p)})
		if err != nil {
			return err
		}
		rec = Record{Kind: k, Props: asMap(rows[0]["props"])}
		if err := s.applyRefs(ctx, tx, a, id, refs); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, auditEntry{action: "CREATE", kind: string(k), id: id, operationID: opID, after: props})
	})
	return rec, err
}

// RaiseAction creates an action with the operation's next A-number.
func (s *Store) RaiseAction(ctx context.Context, a *keyline.Actor, opID string, props map[string]any, refs []Ref) (Record, error) {
	if err := a.AuthoriseWrite(opID); err != nil {
		return Record{}, err
	}
	id := keyline.NewID(keyline.KindAction)
	p := withBookkeeping(props, id, now(), a)
	p["operationId"] = opID
	_, p["searchText"] = keyline.Describe(keyline.KindAction, p)
	var rec Record
	err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		rows, err := s.collect(ctx, tx, q("action_raise"), map[string]any{"operationId": opID, "props": param(p)})
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return keyline.ErrNotFound(opID)
		}
		rec = Record{Kind: keyline.KindAction, Props: asMap(rows[0]["props"])}
		if err := s.applyRefs(ctx, tx, a, id, refs); err != nil {
			return err
		}
		after := map[string]any{"number": rec.Props["number"]}
		for k, v := range props {
			after[k] = v
		}
		return s.audit(ctx, tx, a, auditEntry{action: "CREATE", kind: string(keyline.KindAction), id: id, operationID: opID, after: after})
	})
	return rec, err
}

// UpdateNode applies a validated change to a record of kind k if the actor
// may change it and expectedVersion is still current. Null values in set
// remove properties.
func (s *Store) UpdateNode(ctx context.Context, a *keyline.Actor, k keyline.Kind, id string, expectedVersion int, set map[string]any, refs []Ref) (Record, error) {
	var rec Record
	err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		before, opID, err := s.guard(ctx, tx, a, k, id, expectedVersion)
		if err != nil {
			return err
		}
		set = withDescription(k, before, set)
		rows, err := s.collect(ctx, tx, q("node_update"), map[string]any{
			"id": id, "set": param(set), "now": now(), "actor": a.Subject,
		})
		if err != nil {
			return err
		}
		rec = Record{Kind: k, Props: asMap(rows[0]["props"])}
		// Nobody marks a record above what they could then read; a
		// regraded source changes the marks of the links citing it.
		was, is := keyline.MarkingOf(k, before), keyline.MarkingOf(k, rec.Props)
		if err := a.AuthoriseMarking(is.Classification, is.Handling); err != nil {
			return err
		}
		if k == keyline.KindIntelligenceItem && (was.Classification != is.Classification || was.Handling != is.Handling) {
			if err := s.refreshLinkMarks(ctx, tx, opID, []string{id}); err != nil {
				return err
			}
		}
		if err := s.applyRefs(ctx, tx, a, id, refs); err != nil {
			return err
		}
		b, af := diff(before, rec.Props)
		for _, r := range refs {
			af[r.Field] = refIDs(r)
		}
		return s.audit(ctx, tx, a, auditEntry{action: "UPDATE", kind: string(k), id: id, operationID: opID, before: b, after: af, marking: recordMarking(k, before, rec.Props)})
	})
	return rec, err
}

// AppendContinuity adds a step to an exhibit's chain of custody.
func (s *Store) AppendContinuity(ctx context.Context, a *keyline.Actor, id string, expectedVersion int, entry map[string]any) (Record, error) {
	raw, err := json.Marshal(entry)
	if err != nil {
		return Record{}, err
	}
	var rec Record
	err = s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		_, opID, err := s.guard(ctx, tx, a, keyline.KindExhibit, id, expectedVersion)
		if err != nil {
			return err
		}
		rows, err := s.collect(ctx, tx, q("exhibit_continuity"), map[string]any{
			"id": id, "entry": string(raw), "now": now(), "actor": a.Subject,
		})
		if err != nil {
			return err
		}
		rec = Record{Kind: keyline.KindExhibit, Props: asMap(rows[0]["props"])}
		return s.audit(ctx, tx, a, auditEntry{action: "CONTINUITY", kind: string(keyline.KindExhibit), id: id, operationID: opID, after: entry})
	})
	return rec, err
}

// ChangeRefs adds (or, with remove, deletes) structural relationships of
// an existing record, e.g. operation members or intelligence mentions.
// The record's version advances, so concurrent editors notice.
func (s *Store) ChangeRefs(ctx context.Context, a *keyline.Actor, k keyline.Kind, id string, ref Ref, change RefChange) (Record, error) {
	var rec Record
	err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		rows, err := s.collect(ctx, tx, q("node_guard"), map[string]any{"id": id})
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return keyline.ErrNotFound(id)
		}
		opID, _ := rows[0]["operationId"].(string)
		if kindOf(rows[0]["labels"]) != k || !a.Sees(keyline.MarkingOf(k, asMap(rows[0]["props"]))) {
			return keyline.ErrNotFound(id)
		}
		if err := a.AuthoriseWrite(opID); err != nil {
			return err
		}
		if change == RemoveRefs {
			if _, err := s.collect(ctx, tx, qRel("unrelate_"+ref.Dir.suffix(), ref.Rel), map[string]any{"id": id, "targetIds": refIDs(ref)}); err != nil {
				return err
			}
		} else if err := s.applyRefs(ctx, tx, a, id, []Ref{ref}); err != nil {
			return err
		}
		rows, err = s.collect(ctx, tx, q("node_update"), map[string]any{"id": id, "set": map[string]any{}, "now": now(), "actor": a.Subject})
		if err != nil {
			return err
		}
		rec = Record{Kind: k, Props: asMap(rows[0]["props"])}
		action := "RELATE"
		if change == RemoveRefs {
			action = "UNRELATE"
		}
		return s.audit(ctx, tx, a, auditEntry{action: action, kind: string(k), id: id, operationID: opID,
			after: map[string]any{"relationship": ref.Rel, "targets": refIDs(ref)}})
	})
	return rec, err
}

// guard locks a record and checks the actor may change it at the expected
// version. It returns the record's properties before the change.
func (s *Store) guard(ctx context.Context, tx neo4j.ManagedTransaction, a *keyline.Actor, k keyline.Kind, id string, expectedVersion int) (map[string]any, string, error) {
	rows, err := s.collect(ctx, tx, q("node_guard"), map[string]any{"id": id})
	if err != nil {
		return nil, "", err
	}
	if len(rows) == 0 {
		return nil, "", keyline.ErrNotFound(id)
	}
	r := rows[0]
	kind := kindOf(r["labels"])
	opID, _ := r["operationId"].(string)
	props := asMap(r["props"])
	// A record the actor may not see answers exactly as a missing one.
	if kind != k || !a.Sees(keyline.MarkingOf(kind, props)) {
		return nil, "", keyline.ErrNotFound(id)
	}
	if kind != keyline.KindOfficer {
		if err := a.AuthoriseWrite(opID); err != nil {
			return nil, "", err
		}
	}
	if v := asInt(r["version"]); v != expectedVersion {
		return nil, "", keyline.ErrStale(id, int64(expectedVersion))
	}
	return props, opID, nil
}

func (s *Store) applyRefs(ctx context.Context, tx neo4j.ManagedTransaction, a *keyline.Actor, id string, refs []Ref) error {
	for _, ref := range refs {
		dir := ref.Dir.suffix()
		if ref.Replace {
			if _, err := s.collect(ctx, tx, qRel("unrelate_"+dir, ref.Rel), map[string]any{"id": id, "targetIds": nil}); err != nil {
				return err
			}
		}
		if len(ref.Targets) == 0 {
			continue
		}
		targets := make([]any, len(ref.Targets))
		for i, t := range ref.Targets {
			props := t.Props
			if props == nil {
				props = map[string]any{}
			}
			targets[i] = map[string]any{"id": t.ID, "props": param(props)}
		}
		rows, err := s.collect(ctx, tx, qRel("relate_"+dir, ref.Rel), ScopeOf(a).params(map[string]any{"id": id, "targets": targets}))
		if err != nil {
			return err
		}
		var linked []string
		if len(rows) > 0 {
			linked = asStrings(rows[0]["linked"])
		}
		for _, t := range ref.Targets {
			if !slices.Contains(linked, t.ID) {
				return &keyline.Error{Code: keyline.CodeNotFound, Field: ref.Field,
					Message: fmt.Sprintf("%s is not a record of this operation", t.ID)}
			}
		}
	}
	return nil
}

func refIDs(r Ref) []string {
	out := make([]string, len(r.Targets))
	for i, t := range r.Targets {
		out[i] = t.ID
	}
	return out
}

func withBookkeeping(props map[string]any, id string, t time.Time, a *keyline.Actor) map[string]any {
	p := make(map[string]any, len(props)+6)
	for k, v := range props {
		if v != nil {
			p[k] = v
		}
	}
	p["id"], p["createdAt"], p["updatedAt"], p["updatedBy"], p["version"] = id, t, t, a.Subject, 1
	return p
}

// withDescription adds the label and search text of the record as it
// will be after set is applied.
func withDescription(k keyline.Kind, before, set map[string]any) map[string]any {
	merged := make(map[string]any, len(before)+len(set))
	for key, v := range before {
		merged[key] = v
	}
	for key, v := range set {
		if v == nil {
			delete(merged, key)
		} else {
			merged[key] = v
		}
	}
	out := make(map[string]any, len(set)+2)
	for key, v := range set {
		out[key] = v
	}
	out["label"], out["searchText"] = keyline.Describe(k, merged)
	return out
}

// diff returns the fields that changed, before and after.
func diff(before, after map[string]any) (map[string]any, map[string]any) {
	b, af := map[string]any{}, map[string]any{}
	for k, v := range after {
		if slices.Contains(bookkeeping, k) {
			continue
		}
		if old, ok := before[k]; !ok || !reflect.DeepEqual(old, v) {
			b[k], af[k] = before[k], v
		}
	}
	for k, v := range before {
		if _, ok := after[k]; !ok && !slices.Contains(bookkeeping, k) {
			b[k], af[k] = v, nil
		}
	}
	return b, af
}

// DeleteSavedSearch removes a saved search at expectedVersion; the audit
// trail keeps what it was.
func (s *Store) DeleteSavedSearch(ctx context.Context, a *keyline.Actor, id string, expectedVersion int) error {
	return s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		before, opID, err := s.guard(ctx, tx, a, keyline.KindSavedSearch, id, expectedVersion)
		if err != nil {
			return err
		}
		if _, err := s.collect(ctx, tx, q("node_delete"), map[string]any{"id": id}); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, auditEntry{action: "DELETE", kind: string(keyline.KindSavedSearch), id: id, operationID: opID, before: before, marking: recordMarking(keyline.KindSavedSearch, before)})
	})
}
