package cypher

import (
	"context"
	"fmt"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/keyline/keyline"
)

// CreateLink joins two entities of the same operation by a link of type
// typ with its provenance (sourceIDs: intelligence items or exhibits of the
// operation). props holds the validated type-specific fields.
func (s *Store) CreateLink(ctx context.Context, a *keyline.Actor, typ, fromID, toID string, props map[string]any, sourceIDs []string) (*LinkRecord, error) {
	if _, ok := LinkEnds[typ]; !ok {
		return nil, keyline.FieldErrorf("input.type", "unknown link type %q", typ)
	}
	var out *LinkRecord
	err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		ends, err := s.visible(ctx, tx, a, []string{fromID, toID})
		if err != nil {
			return err
		}
		from, ok := ends[fromID]
		if !ok {
			return &keyline.Error{Code: keyline.CodeNotFound, Field: "input.fromId", Message: "no such entity: " + fromID}
		}
		to, ok := ends[toID]
		if !ok {
			return &keyline.Error{Code: keyline.CodeNotFound, Field: "input.toId", Message: "no such entity: " + toID}
		}
		if !LinkAllowed(typ, string(from.Kind), string(to.Kind)) {
			return keyline.FieldErrorf("input.type", "a %s link cannot join a %s to a %s", typ, from.Kind, to.Kind)
		}
		if fromID == toID {
			return keyline.FieldErrorf("input.toId", "an entity cannot be linked to itself")
		}
		opID, _ := from.Props["operationId"].(string)
		if to.Props["operationId"] != opID {
			return keyline.FieldErrorf("input.toId", "entities of different operations cannot be linked")
		}
		if err := a.AuthoriseWrite(opID); err != nil {
			return err
		}
		if _, err := s.checkSources(ctx, tx, a, opID, sourceIDs); err != nil {
			return err
		}
		// One link per pair and type: further intelligence about the same
		// association is added to that link's sources (updateLink), as an
		// import does, so that corroboration counts and paths see one link.
		rows, err := s.collect(ctx, tx, qRel("link_pair_lock", typ), map[string]any{"fromId": fromID, "toId": toID})
		if err != nil {
			return err
		}
		if existing, _ := rows[0]["existing"].(string); existing != "" {
			seen, err := s.collect(ctx, tx, q("link_by_id"), ScopeOf(a).params(map[string]any{"id": existing}))
			if err != nil {
				return err
			}
			if len(seen) == 0 {
				// The existing link rests on material the caller may not
				// see: its id, dates and sources stay hidden. That the pair
				// is joined is the least a refusal can say without
				// duplicating the link (docs/SECURITY.md).
				return &keyline.Error{Code: keyline.CodeConflict, Field: "input.toId",
					Message: fmt.Sprintf("%s and %s are already joined by a %s link that rests on material you may not see: ask the SIO to add your source to it", fromID, toID, typ)}
			}
			return &keyline.Error{Code: keyline.CodeConflict, Field: "input.toId",
				Message: fmt.Sprintf("%s and %s are already joined by %s link %s: add the new source to it with updateLink", fromID, toID, typ, existing)}
		}
		id := keyline.NewLinkID()
		p := withBookkeeping(props, id, now(), a)
		p["operationId"], p["sources"] = opID, sourceIDs
		rows, err = s.collect(ctx, tx, qRel("link_create", typ), map[string]any{"fromId": fromID, "toId": toID, "props": param(p)})
		if err != nil {
			return err
		}
		out = &LinkRecord{Type: typ, Props: asMap(rows[0]["link"]), Outgoing: true, From: from, To: to}
		after := map[string]any{"type": typ, "from": fromID, "to": toID, "sources": sourceIDs}
		for k, v := range props {
			after[k] = v
		}
		return s.audit(ctx, tx, a, auditEntry{action: "LINK", kind: "Link", id: id, operationID: opID, after: after})
	})
	return out, err
}

// UpdateLink changes a link's details or provenance at expectedVersion.
// A nil sourceIDs leaves the provenance as it is.
func (s *Store) UpdateLink(ctx context.Context, a *keyline.Actor, id string, expectedVersion int, set map[string]any, sourceIDs []string) (*LinkRecord, error) {
	var out *LinkRecord
	err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		cur, opID, err := s.guardLink(ctx, tx, a, id, expectedVersion)
		if err != nil {
			return err
		}
		if sourceIDs != nil {
			if _, err := s.checkSources(ctx, tx, a, opID, sourceIDs); err != nil {
				return err
			}
			// The caller edits the sources they see; those they may not
			// see stay, so an edit cannot erase provenance it never saw.
			kept, err := s.hiddenSources(ctx, tx, a, opID, asStrings(cur.Props["sources"]))
			if err != nil {
				return err
			}
			set["sources"] = append(slices.Clone(sourceIDs), kept...)
		}
		rows, err := s.collect(ctx, tx, qRel("link_update", cur.Type), map[string]any{"id": id, "set": param(set), "now": now(), "actor": a.Subject})
		if err != nil {
			return err
		}
		out = &LinkRecord{Type: cur.Type, Props: asMap(rows[0]["link"]), Outgoing: true, From: cur.From, To: cur.To}
		b, af := diff(cur.Props, out.Props)
		return s.audit(ctx, tx, a, auditEntry{action: "UPDATE", kind: "Link", id: id, operationID: opID, before: b, after: af, marking: linkMarking(cur.Props, out.Props)})
	})
	return out, err
}

// DeleteLink removes a link at expectedVersion, keeping what it was and
// the reason in the audit trail.
func (s *Store) DeleteLink(ctx context.Context, a *keyline.Actor, id string, expectedVersion int, reason string) error {
	return s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		cur, opID, err := s.guardLink(ctx, tx, a, id, expectedVersion)
		if err != nil {
			return err
		}
		if _, err := s.collect(ctx, tx, qRel("link_delete", cur.Type), map[string]any{"id": id}); err != nil {
			return err
		}
		before := map[string]any{"type": cur.Type, "from": cur.From.ID(), "to": cur.To.ID()}
		for k, v := range cur.Props {
			before[k] = v
		}
		return s.audit(ctx, tx, a, auditEntry{action: "UNLINK", kind: "Link", id: id, operationID: opID, before: before, reason: reason})
	})
}

func (s *Store) guardLink(ctx context.Context, tx neo4j.ManagedTransaction, a *keyline.Actor, id string, expectedVersion int) (*LinkRecord, string, error) {
	rows, err := s.collect(ctx, tx, q("link_by_id"), ScopeOf(a).params(map[string]any{"id": id}))
	if err != nil {
		return nil, "", err
	}
	if len(rows) == 0 {
		return nil, "", keyline.ErrNotFound(id)
	}
	cur := linkRecord(rows[0])
	rows, err = s.collect(ctx, tx, qRel("link_guard", cur.Type), map[string]any{"id": id})
	if err != nil {
		return nil, "", err
	}
	if len(rows) == 0 {
		return nil, "", keyline.ErrNotFound(id)
	}
	typ := cur.Type
	cur = linkRecord(rows[0])
	cur.Type = typ
	opID, _ := cur.Props["operationId"].(string)
	if err := a.AuthoriseWrite(opID); err != nil {
		return nil, "", err
	}
	if v := asInt(cur.Props["version"]); v != expectedVersion {
		return nil, "", keyline.ErrStale(id, int64(expectedVersion))
	}
	return cur, opID, nil
}

// visible returns the records among ids the actor may see, inside tx.
func (s *Store) visible(ctx context.Context, tx neo4j.ManagedTransaction, a *keyline.Actor, ids []string) (map[string]Record, error) {
	rows, err := s.collect(ctx, tx, q("nodes_by_id"), ScopeOf(a).params(map[string]any{"ids": ids}))
	if err != nil {
		return nil, err
	}
	out := map[string]Record{}
	for _, r := range rows {
		rec := Record{Kind: kindOf(r["labels"]), Props: asMap(r["props"])}
		out[rec.ID()] = rec
	}
	return out, nil
}

// checkSources refuses a citation of anything but an intelligence item or
// exhibit of the operation that the actor sees: a hidden item is refused
// exactly as a missing one, so citing cannot confirm it exists.
func (s *Store) checkSources(ctx context.Context, tx neo4j.ManagedTransaction, a *keyline.Actor, opID string, ids []string) ([]string, error) {
	if len(ids) == 0 {
		return nil, keyline.FieldErrorf("input.sourceIds", "a link must cite at least one intelligence item or exhibit")
	}
	found, err := s.seenSources(ctx, tx, a, opID, ids)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if !slices.Contains(found, id) {
			return nil, &keyline.Error{Code: keyline.CodeNotFound, Field: "input.sourceIds",
				Message: fmt.Sprintf("%s is not an intelligence item or exhibit of this operation", id)}
		}
	}
	return found, nil
}

// seenSources returns those of ids that are sources of the operation the
// actor sees.
func (s *Store) seenSources(ctx context.Context, tx neo4j.ManagedTransaction, a *keyline.Actor, opID string, ids []string) ([]string, error) {
	rows, err := s.collect(ctx, tx, q("sources_in_operation"), ScopeOf(a).params(map[string]any{"ids": ids, "operationId": opID}))
	if err != nil {
		return nil, err
	}
	return asStrings(rows[0]["found"]), nil
}

// hiddenSources returns those of a link's sources the actor does not see.
func (s *Store) hiddenSources(ctx context.Context, tx neo4j.ManagedTransaction, a *keyline.Actor, opID string, sources []string) ([]string, error) {
	seen, err := s.seenSources(ctx, tx, a, opID, sources)
	if err != nil {
		return nil, err
	}
	var hidden []string
	for _, id := range sources {
		if !slices.Contains(seen, id) {
			hidden = append(hidden, id)
		}
	}
	return hidden, nil
}

// refreshLinkMarks recomputes the source marks of the operation's links
// citing sourceIDs, after a change to their classification or handling.
func (s *Store) refreshLinkMarks(ctx context.Context, tx neo4j.ManagedTransaction, opID string, sourceIDs []string) error {
	_, err := s.collect(ctx, tx, q("link_marks_refresh"), map[string]any{"operationId": opID, "sourceIds": sourceIDs})
	return err
}
