package cypher_test

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/internal/neo4jtest"
)

func TestBulkWritesAndCounts(t *testing.T) {
	s := neo4jtest.Store(t)
	ctx := context.Background()
	op := fmt.Sprintf("op_bulk%d", time.Now().UnixNano())
	id := func(prefix string, n int) string { return fmt.Sprintf("%s_%s_%d", prefix, op[3:], n) }
	at := time.Date(2026, 2, 1, 9, 30, 0, 0, time.UTC)
	node := func(prefix string, n int, props map[string]any) map[string]any {
		props["id"], props["operationId"], props["createdAt"], props["updatedAt"], props["version"] = id(prefix, n), op, at, at, int64(1)
		return props
	}
	persons := []map[string]any{
		node("per", 1, map[string]any{"givenNames": "Dee", "familyName": "Ashworth", "dateOfBirth": keyline.Date{Time: time.Date(1990, 5, 4, 0, 0, 0, 0, time.UTC)}}),
		node("per", 2, map[string]any{"givenNames": "Kell", "familyName": "Mellor"}),
	}
	if err := s.BulkNodes(ctx, keyline.KindPerson, persons); err != nil {
		t.Fatal(err)
	}
	if err := s.BulkNodes(ctx, keyline.KindIntelligenceItem, []map[string]any{node("int", 1, map[string]any{"urn": "SYN/" + op})}); err != nil {
		t.Fatal(err)
	}
	link := map[string]any{
		"fromId": id("per", 1), "toId": id("per", 2), "id": id("lnk", 1), "operationId": op,
		"sources": []string{id("int", 1)}, "sourceMarks": []string{"OFFICIAL/P"}, "confidence": 0.8, "firstSeen": at, "lastSeen": at, "kind": "family",
	}
	if err := s.BulkLinks(ctx, "ASSOCIATE_OF", []map[string]any{link}); err != nil {
		t.Fatal(err)
	}
	if err := s.BulkMentions(ctx, []map[string]any{{"fromId": id("int", 1), "toId": id("per", 1), "role": "SUBJECT"}}); err != nil {
		t.Fatal(err)
	}

	// A missing end fails the whole batch rather than loading it short.
	marks := []string{"OFFICIAL/P"}
	missing := map[string]any{"fromId": id("per", 1), "toId": id("per", 99), "id": id("lnk", 2), "operationId": op, "sourceMarks": marks}
	again := map[string]any{"fromId": id("per", 2), "toId": id("per", 1), "id": id("lnk", 3), "operationId": op, "sourceMarks": marks}
	if err := s.BulkLinks(ctx, "ASSOCIATE_OF", []map[string]any{again, missing}); err == nil || !strings.Contains(err.Error(), "created 1 of 2") {
		t.Fatalf("a link to a missing person: %v", err)
	}
	// Ends the link type does not allow, and ids naming another kind, are
	// refused before anything is sent.
	if err := s.BulkLinks(ctx, "RESIDES_AT", []map[string]any{link}); err == nil {
		t.Fatal("RESIDES_AT between persons was accepted")
	}
	// A link without the marks of its sources would be hidden from
	// everyone: refused before anything is sent.
	unmarked := maps.Clone(link)
	delete(unmarked, "sourceMarks")
	if err := s.BulkLinks(ctx, "ASSOCIATE_OF", []map[string]any{unmarked}); err == nil || !strings.Contains(err.Error(), "sourceMarks") {
		t.Fatalf("a link without source marks: %v", err)
	}
	if err := s.BulkNodes(ctx, keyline.KindVehicle, []map[string]any{node("per", 3, map[string]any{})}); err == nil {
		t.Fatal("a vehicle with a person's id was accepted")
	}

	got, err := s.CountByOperation(ctx, op)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"Person": 2, "IntelligenceItem": 1, "ASSOCIATE_OF": 1, "MENTIONS": 1}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("counts %v, want %v", got, want)
	}

	// What was written reads back through the ordinary scoped reads, with
	// dates and times converted as for any write.
	a := &keyline.Actor{Subject: "bulk-test", Roles: keyline.Roles, Clearance: keyline.TopSecret, Operations: []string{op}}
	recs, err := s.NodesByID(ctx, cypher.ScopeOf(a), []string{id("per", 1)})
	if err != nil {
		t.Fatal(err)
	}
	if dob, ok := recs[id("per", 1)].Props["dateOfBirth"].(keyline.Date); !ok || dob.String() != "1990-05-04" {
		t.Fatalf("date of birth read back as %#v", recs[id("per", 1)].Props["dateOfBirth"])
	}
	l, err := s.LinkByID(ctx, cypher.ScopeOf(a), id("lnk", 1))
	if err != nil || l == nil {
		t.Fatalf("bulk link: %v, %v", l, err)
	}
	if first, ok := l.Props["firstSeen"].(time.Time); !ok || !first.Equal(at) {
		t.Fatalf("firstSeen read back as %#v", l.Props["firstSeen"])
	}
}
