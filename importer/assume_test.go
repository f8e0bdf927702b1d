package importer

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/internal/neo4jtest"
)

// Once a run has found every key new, its later batches create without
// reading their keys first (Batch.AssumeNew). A key that does
// exist is refused by its uniqueness constraint, the batch changes
// nothing, and it is written again after reading: no duplicate, no
// version moved, and the rows count as unchanged.
func TestAssumedNewKeysThatExistAreReadAgain(t *testing.T) {
	s := neo4jtest.Store(t)
	ctx := context.Background()
	a := newOperation(t, s)
	const rows, batch = 100, 25
	path := filepath.Join(t.TempDir(), "nominals.csv")
	writeNominals(t, path, rows)
	// The second half of the file was imported before (as by an earlier
	// run of another file with the same nominals).
	var later []map[string]any
	for i := rows / 2; i < rows; i++ {
		later = append(later, map[string]any{"sourceRef": fmt.Sprintf("N%07d", i), "givenNames": "Daniel", "familyName": "SHAW"})
	}
	if sum, err := ImportRows(ctx, s, a, opOf(a), "nominals", later); err != nil || sum.Created != rows/2 {
		t.Fatalf("%+v %v", sum.Stats, err)
	}
	before, _ := s.ImportState(ctx, opOf(a))
	// One writer: batches 1 and 2 are new (batch 2 is written unread),
	// batch 3 is assumed new and is not.
	sum, err := ImportFile(ctx, s, a, Options{Path: path, OperationID: opOf(a), BatchSize: batch, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != rows/2 || sum.Updated != rows/2 || sum.Unchanged != 0 || sum.Rejected != 0 {
		t.Fatalf("%+v", sum.Stats)
	}
	after, _ := s.ImportState(ctx, opOf(a))
	if after.ByKind[keyline.KindPerson] != rows || after.NodeVersions != before.NodeVersions+rows/2+rows/2 {
		t.Fatalf("before %+v, after %+v", before, after)
	}
	// Now every key exists: a re-run changes nothing.
	again, err := ImportFile(ctx, s, a, Options{Path: path, OperationID: opOf(a), BatchSize: batch, Workers: 1})
	if err != nil || again.Unchanged != rows || again.Created != 0 {
		t.Fatalf("re-run: %+v %v", again.Stats, err)
	}
	if st, _ := s.ImportState(ctx, opOf(a)); fmt.Sprint(st) != fmt.Sprint(after) {
		t.Fatalf("re-run changed the graph: %+v then %+v", after, st)
	}
}

// AssumeNew never creates a second record: for a kind whose import key a
// constraint guards, an existing key fails the batch with CONFLICT and
// writes nothing; phones (and vehicles) are read anyway, so a number
// entered by hand is joined, not duplicated.
func TestAssumeNewNeverDuplicates(t *testing.T) {
	s := neo4jtest.Store(t)
	ctx := context.Background()
	a := newOperation(t, s)
	op := opOf(a)
	if _, err := ImportRows(ctx, s, a, op, "nominals", []map[string]any{{"sourceRef": "N1", "givenNames": "Kerry", "familyName": "PRICE"}}); err != nil {
		t.Fatal(err)
	}
	phone, err := s.CreateNode(ctx, a, keyline.KindCommsDevice, op, map[string]any{"kind": "MOBILE", "number": "+447700900555"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := s.ImportState(ctx, op)
	batch := func(k keyline.Kind, key string, props map[string]any) Batch {
		return Batch{OperationID: op, RunID: "imp_test", File: "test", FileKind: "test", FirstLine: 1, LastLine: 2, AssumeNew: true,
			Rows: []Row{{Line: 2, Nodes: []Node{{Kind: k, Key: key, Props: props}}}}}
	}
	_, err = writeBatch(ctx, s, a, batch(keyline.KindPerson, "N1", map[string]any{"givenNames": "Kerry", "familyName": "PRICE"}))
	if keyline.ErrorCode(err) != keyline.CodeConflict {
		t.Fatalf("an existing person assumed new: %v", err)
	}
	if after, _ := s.ImportState(ctx, op); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("the refused batch changed the graph: %+v then %+v", before, after)
	}
	res, err := writeBatch(ctx, s, a, batch(keyline.KindCommsDevice, "+447700900555", map[string]any{"number": "+447700900555", "lineName": "Dex"}))
	if err != nil || res.Created != 0 || res.Updated != 1 {
		t.Fatalf("a hand-entered phone assumed new: %+v %v", res, err)
	}
	recs, err := s.NodesByID(ctx, cypher.ScopeOf(a), []string{phone.ID()})
	if err != nil || recs[phone.ID()].Props["importRef"] != "+447700900555" || !strings.Contains(fmt.Sprint(recs[phone.ID()].Props["lineName"]), "Dex") {
		t.Fatalf("the hand-entered phone: %+v %v", recs[phone.ID()], err)
	}
}
