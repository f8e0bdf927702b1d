package importer

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/internal/neo4jtest"
)

// An existing link is joined, never duplicated: a row with a new source
// adds it, a wider period widens firstSeen/lastSeen, a new count replaces
// the count, each advancing the version once; a row that brings nothing
// new changes nothing. A link created through the API is joined the same
// way.
func TestImportMergesLinkProvenance(t *testing.T) {
	s := neo4jtest.Store(t)
	ctx := context.Background()
	a := newOperation(t, s)
	op := opOf(a)
	srcA, srcB := "INT/LA/"+op, "INT/LB/"+op
	callDataSource(t, s, a, srcA)
	callDataSource(t, s, a, srcB)
	if _, err := ImportRows(ctx, s, a, op, "nominals", []map[string]any{{"sourceRef": "N1", "givenNames": "Kerry", "familyName": "PRICE"}}); err != nil {
		t.Fatal(err)
	}
	link := func(id, typ string) cypher.LinkRecord {
		t.Helper()
		pages, err := s.LinksOf(ctx, cypher.ScopeOf(a), []string{id}, cypher.LinkQuery{Types: []string{typ}, Limit: 10})
		if err != nil || pages[id].Total != 1 {
			t.Fatalf("%s links of %s: %+v %v", typ, id, pages[id], err)
		}
		return pages[id].Items[0]
	}
	at := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	var firstSource string
	check := func(l cypher.LinkRecord, version, sources int, first, last string, count any) {
		t.Helper()
		p := l.Props
		var got []string
		for _, x := range p["sources"].([]any) {
			got = append(got, x.(string))
		}
		if firstSource == "" && len(got) > 0 {
			firstSource = got[0]
		}
		if len(got) != sources || got[0] != firstSource || len(slices.Compact(slices.Clone(got))) != sources {
			t.Fatalf("sources: %v", got)
		}
		f, _ := p["firstSeen"].(time.Time)
		la, _ := p["lastSeen"].(time.Time)
		if asInt(p["version"]) != version || !f.Equal(at(first)) || !la.Equal(at(last)) || fmt.Sprint(p["count"]) != fmt.Sprint(count) {
			t.Fatalf("link: %v", p)
		}
	}
	// The id of a record by import key (Ensure joins it, writing nothing).
	idOf := func(k keyline.Kind, key string) string {
		t.Helper()
		res, err := writeBatch(ctx, s, a, Batch{OperationID: op, RunID: "imp_t", File: "t", FileKind: "t", FirstLine: 1, LastLine: 1,
			Rows: []Row{{Line: 1, Nodes: []Node{{Kind: k, Key: key, Ensure: true}}}}})
		if err != nil || res.Created != 0 {
			t.Fatalf("%+v %v", res, err)
		}
		return res.Resolved[k][key]
	}

	phone := func(src, first, last string) map[string]any {
		return map[string]any{"number": "07700900401", "userRef": "N1", "sourceUrn": src, "firstSeen": first, "lastSeen": last, "confidence": "0.6"}
	}
	steps := []struct {
		row                       map[string]any
		created, updated, version int
		sources                   int
		first, last               string
	}{
		{phone(srcA, "2025-03-01T00:00:00Z", "2025-06-01T00:00:00Z"), 1, 0, 1, 1, "2025-03-01T00:00:00Z", "2025-06-01T00:00:00Z"},
		{phone(srcA, "2025-03-01T00:00:00Z", "2025-06-01T00:00:00Z"), 0, 0, 1, 1, "2025-03-01T00:00:00Z", "2025-06-01T00:00:00Z"},
		// Inside the period, same source: nothing new.
		{phone(srcA, "2025-04-01T00:00:00Z", "2025-05-01T00:00:00Z"), 0, 0, 1, 1, "2025-03-01T00:00:00Z", "2025-06-01T00:00:00Z"},
		// A second source and an earlier first sighting.
		{phone(srcB, "2025-01-01T00:00:00Z", "2025-05-01T00:00:00Z"), 0, 1, 2, 2, "2025-01-01T00:00:00Z", "2025-06-01T00:00:00Z"},
		// A later last sighting only.
		{phone(srcB, "2025-02-01T00:00:00Z", "2025-09-01T10:00:00+01:00"), 0, 1, 3, 2, "2025-01-01T00:00:00Z", "2025-09-01T09:00:00Z"},
		{phone(srcA, "2025-09-01T09:00:00Z", "2025-09-01T09:00:00Z"), 0, 0, 3, 2, "2025-01-01T00:00:00Z", "2025-09-01T09:00:00Z"},
	}
	var device string
	for i, st := range steps {
		sum, err := ImportRows(ctx, s, a, op, "phones", []map[string]any{st.row})
		if err != nil || sum.LinksCreated != st.created || sum.LinksUpdated != st.updated || sum.LinksUnchanged != 1-st.created-st.updated {
			t.Fatalf("step %d: %+v %v %v", i, sum.Stats, sum.Rejects, err)
		}
		if device == "" {
			device = idOf(keyline.KindCommsDevice, "+447700900401")
		}
		check(link(device, "USES"), st.version, st.sources, st.first, st.last, nil)
	}
	if l := link(device, "USES"); l.Props["confidence"] != 0.6 {
		t.Fatalf("confidence is set on creation only: %v", l.Props)
	}

	// Call data: the count takes the row's value; a row without one keeps
	// it. A link created through the API is joined.
	other, err := s.CreateNode(ctx, a, keyline.KindCommsDevice, op, map[string]any{"kind": "MOBILE", "number": "+447700900402"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateLink(ctx, a, "CONTACTED", device, other.ID(), map[string]any{"confidence": 0.9, "count": 3,
		"firstSeen": at("2025-05-01T00:00:00Z"), "lastSeen": at("2025-05-02T00:00:00Z")}, []string{firstSource}); err != nil {
		t.Fatal(err)
	}
	call := func(count any, first, last string) map[string]any {
		r := map[string]any{"fromNumber": "07700900401", "toNumber": "07700900402", "sourceUrn": srcA, "firstSeen": first, "lastSeen": last}
		if count != nil {
			r["count"] = count
		}
		return r
	}
	for i, st := range []struct {
		row              map[string]any
		updated, version int
		count            any
	}{
		{call(3, "2025-05-01T00:00:00Z", "2025-05-02T00:00:00Z"), 0, 1, 3},
		{call(7, "2025-05-01T00:00:00Z", "2025-05-02T00:00:00Z"), 1, 2, 7},
		{call(nil, "2025-05-01T00:00:00Z", "2025-05-02T00:00:00Z"), 0, 2, 7},
		{call(nil, "", ""), 0, 2, 7},
	} {
		sum, err := ImportRows(ctx, s, a, op, "contacts", []map[string]any{st.row})
		if err != nil || sum.LinksCreated != 0 || sum.LinksUpdated != st.updated || sum.Created != 0 {
			t.Fatalf("call %d: %+v %v %v", i, sum.Stats, sum.Rejects, err)
		}
		check(link(other.ID(), "CONTACTED"), st.version, 1, "2025-05-01T00:00:00Z", "2025-05-02T00:00:00Z", st.count)
	}
}
