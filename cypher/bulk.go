package cypher

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/keyline/keyline"
)

// Bulk writes load generated data (benchmarks, demonstrations) a batch per
// transaction. They deliberately write no AuditEvent per row: the data is
// synthetic, an audit node per row would double the write volume the
// benchmarks measure, and no person's record is read or changed. They also
// skip the per-row scope and source checks of CreateNode/CreateLink, so they
// must never be reachable from the API: only trusted generators call them,
// with ids, operationId and bookkeeping already on every row.

// bulkTimeout is the floor of a bulk transaction's timeout: a batch of
// thousands of rows on a busy 2-core machine can outlast the API's
// per-request timeout without anything being wrong.
const bulkTimeout = 5 * time.Minute

// BulkNodes creates one record of kind k per row, in one transaction. Each
// row is the record's full property map; keyline.Date and time.Time values
// are converted as for any write.
func (s *Store) BulkNodes(ctx context.Context, k keyline.Kind, rows []map[string]any) error {
	if !slices.Contains(keyline.Kinds, k) {
		return fmt.Errorf("bulk nodes: unknown kind %q", k)
	}
	params := make([]any, len(rows))
	for i, r := range rows {
		// A wrong prefix would make KindOfID, and so every read that trusts
		// it, misname the record.
		id, _ := r["id"].(string)
		if got, ok := keyline.KindOfID(id); !ok || got != k {
			return fmt.Errorf("bulk nodes: row %d: id %q is not a %s id", i, id, k)
		}
		params[i] = param(r)
	}
	return s.bulkRun(ctx, qLabel("bulk_nodes", k), params)
}

// BulkLinks creates one link of type typ per row, in one transaction. A row
// holds fromId and toId and the link's properties: its provenance (id,
// operationId, sources and their marks (sourceMarks, keyline.SourceMark:
// a link without them is hidden from everyone), confidence, firstSeen,
// lastSeen), bookkeeping (createdAt, updatedAt, updatedBy, version) and
// kind, role or count. Every row's ends must exist.
func (s *Store) BulkLinks(ctx context.Context, typ string, rows []map[string]any) error {
	ends, ok := LinkEnds[typ]
	if !ok {
		return fmt.Errorf("bulk links: unknown link type %q", typ)
	}
	params := make([]any, len(rows))
	for i, r := range rows {
		from, _ := r["fromId"].(string)
		to, _ := r["toId"].(string)
		fk, _ := keyline.KindOfID(from)
		tk, _ := keyline.KindOfID(to)
		if !slices.Contains(ends.From, string(fk)) || !slices.Contains(ends.To, string(tk)) {
			return fmt.Errorf("bulk links: row %d: a %s link cannot join %q to %q", i, typ, from, to)
		}
		marks, _ := r["sourceMarks"].([]string)
		if len(marks) == 0 {
			return fmt.Errorf("bulk links: row %d: no sourceMarks (the marks of its sources, which need to know reads)", i)
		}
		props := make(map[string]any, len(r))
		for key, v := range r {
			if key != "fromId" && key != "toId" {
				props[key] = param(v)
			}
		}
		props["sourceLevel"], props["sourceLevelP"] = keyline.LinkLevels(marks)
		params[i] = map[string]any{"fromId": from, "toId": to, "props": props}
	}
	return s.bulkRun(ctx, qRel("bulk_links", typ), params)
}

// BulkMentions creates MENTIONS from intelligence items (fromId) to
// entities of the same operation (toId), each with its role.
func (s *Store) BulkMentions(ctx context.Context, rows []map[string]any) error {
	params := make([]any, len(rows))
	for i, r := range rows {
		from, _ := r["fromId"].(string)
		to, _ := r["toId"].(string)
		fk, _ := keyline.KindOfID(from)
		tk, _ := keyline.KindOfID(to)
		if fk != keyline.KindIntelligenceItem || !slices.Contains(keyline.EntityKinds, tk) {
			return fmt.Errorf("bulk mentions: row %d: %q cannot mention %q", i, from, to)
		}
		params[i] = map[string]any{"fromId": from, "toId": to, "role": r["role"]}
	}
	return s.bulkRun(ctx, q("bulk_mentions"), params)
}

// bulkRun runs one bulk statement over rows and checks every row created
// something: MATCH drops a row whose end is missing without an error, and a
// silently short load would make every benchmark on it wrong.
func (s *Store) bulkRun(ctx context.Context, qy query, rows []any) error {
	if len(rows) == 0 {
		return nil
	}
	return s.bulkTx(ctx, neo4j.AccessModeWrite, func(tx neo4j.ManagedTransaction) error {
		out, err := s.collect(ctx, tx, qy, map[string]any{"rows": rows})
		if err != nil {
			return err
		}
		if n := asInt(out[0]["created"]); n != len(rows) {
			return fmt.Errorf("%s: created %d of %d rows (missing ends or wrong operation)", qy.name, n, len(rows))
		}
		return nil
	})
}

// bulkTx is Store.read/write with the longer bulk timeout.
func (s *Store) bulkTx(ctx context.Context, mode neo4j.AccessMode, fn func(tx neo4j.ManagedTransaction) error) error {
	sess := s.session(ctx, mode)
	defer sess.Close(ctx)
	work := func(tx neo4j.ManagedTransaction) (any, error) { return nil, fn(tx) }
	timeout := neo4j.WithTxTimeout(max(s.txTimeout, bulkTimeout))
	var err error
	if mode == neo4j.AccessModeRead {
		_, err = sess.ExecuteRead(ctx, work, timeout)
	} else {
		_, err = sess.ExecuteWrite(ctx, work, timeout)
	}
	return err
}

// CountByOperation counts an operation's entities and intelligence items
// by kind, and the relationships leaving them by type (links and MENTIONS).
func (s *Store) CountByOperation(ctx context.Context, opID string) (map[string]int, error) {
	out := map[string]int{}
	kinds := append(slices.Clone(keyline.EntityKinds), keyline.KindIntelligenceItem)
	// Counting a million-person operation expands every relationship, so
	// it gets the bulk timeout too.
	err := s.bulkTx(ctx, neo4j.AccessModeRead, func(tx neo4j.ManagedTransaction) error {
		clear(out)
		for _, k := range kinds {
			rows, err := s.collect(ctx, tx, qLabel("bulk_count", k), map[string]any{"operationId": opID})
			if err != nil {
				return err
			}
			if n := asInt(rows[0]["nodes"]); n > 0 {
				out[string(k)] = n
			}
			for _, x := range rows[0]["out"].([]any) {
				m := asMap(x)
				rel, _ := m["type"].(string)
				out[rel] += asInt(m["count"])
			}
		}
		return nil
	})
	return out, err
}
