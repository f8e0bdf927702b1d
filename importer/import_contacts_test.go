package importer

import (
	"context"
	"testing"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/internal/neo4jtest"
)

// A CONTACTED link keeps at most cypher.MaxContactTimes contact times,
// the most recent, and its count goes on counting: a newer contact pushes
// the oldest out (counted once), a contact before the link's first seen
// is counted but not kept, and a contact between the first seen and the
// oldest kept (it may be one that was pushed out) is neither; re-running
// any of them changes nothing.
func TestContactTimesKeepTheMostRecentAndCountOnce(t *testing.T) {
	s := neo4jtest.Store(t)
	ctx := context.Background()
	a := newOperation(t, s)
	op := opOf(a)
	urn := "INT/CAP/" + op
	callDataSource(t, s, a, urn)
	t0 := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	contact := func(at time.Time) map[string]any {
		return map[string]any{"fromNumber": "07700900601", "toNumber": "07700900602", "sourceUrn": urn, "firstSeen": at.Format(time.RFC3339)}
	}
	n := cypher.MaxContactTimes
	var rows []map[string]any
	for i := range n {
		rows = append(rows, contact(t0.Add(time.Duration(i)*time.Minute)))
	}
	if sum, err := ImportRows(ctx, s, a, op, "contacts", rows); err != nil || sum.Loaded != n || sum.LinksCreated != 1 {
		t.Fatalf("%d contacts: %+v %v %v", n, sum.Stats, sum.Rejects, err)
	}
	res, err := writeBatch(ctx, s, a, Batch{OperationID: op, RunID: "imp_t", File: "t", FileKind: "t", FirstLine: 1, LastLine: 1,
		Rows: []Row{{Line: 1, Nodes: []Node{{Kind: keyline.KindCommsDevice, Key: "+447700900601", Ensure: true}}}}})
	if err != nil {
		t.Fatal(err)
	}
	device := res.Resolved[keyline.KindCommsDevice]["+447700900601"]
	link := func() map[string]any {
		t.Helper()
		pages, err := s.LinksOf(ctx, cypher.ScopeOf(a), []string{device}, cypher.LinkQuery{Types: []string{"CONTACTED"}, Limit: 10})
		if err != nil || pages[device].Total != 1 {
			t.Fatalf("CONTACTED links of %s: %+v %v", device, pages[device], err)
		}
		return pages[device].Items[0].Props
	}
	check := func(step string, count int, first, oldest, newest time.Time) {
		t.Helper()
		p := link()
		times, _ := p["contactTimes"].([]any)
		f, _ := p["firstSeen"].(time.Time)
		if asInt(p["count"]) != count || len(times) != n || !f.Equal(first) ||
			!times[0].(time.Time).Equal(oldest) || !times[n-1].(time.Time).Equal(newest) {
			t.Fatalf("%s: count %v, %d times from %v to %v, first seen %v; want count %d, %d times from %v to %v, first seen %v",
				step, p["count"], len(times), times[0], times[len(times)-1], f, count, n, oldest, newest, first)
		}
	}
	last := t0.Add(time.Duration(n-1) * time.Minute)
	check("full", n, t0, t0, last)

	steps := []struct {
		name                  string
		at                    time.Time
		updated               int
		count                 int
		first, oldest, newest time.Time
	}{
		{"a newer contact pushes the oldest out", last.Add(time.Minute), 1, n + 1, t0, t0.Add(time.Minute), last.Add(time.Minute)},
		{"the contact pushed out may not be counted again", t0, 0, n + 1, t0, t0.Add(time.Minute), last.Add(time.Minute)},
		{"a contact before the first seen is new: counted, not kept", t0.Add(-time.Minute), 1, n + 2, t0.Add(-time.Minute), t0.Add(time.Minute), last.Add(time.Minute)},
		{"a contact already kept", t0.Add(5 * time.Minute), 0, n + 2, t0.Add(-time.Minute), t0.Add(time.Minute), last.Add(time.Minute)},
	}
	for _, st := range steps {
		sum, err := ImportRows(ctx, s, a, op, "contacts", []map[string]any{contact(st.at)})
		if err != nil || sum.LinksUpdated != st.updated || sum.LinksUnchanged != 1-st.updated {
			t.Fatalf("%s: %+v %v %v", st.name, sum.Stats, sum.Rejects, err)
		}
		check(st.name, st.count, st.first, st.oldest, st.newest)
	}
	// Everything again: nothing changes.
	before, _ := s.ImportState(ctx, op)
	for _, st := range steps {
		rows = append(rows, contact(st.at))
	}
	for i := 0; i < len(rows); i += MaxAPIRows {
		if sum, err := ImportRows(ctx, s, a, op, "contacts", rows[i:min(i+MaxAPIRows, len(rows))]); err != nil || sum.LinksUpdated != 0 || sum.LinksCreated != 0 {
			t.Fatalf("re-run: %+v %v %v", sum.Stats, sum.Rejects, err)
		}
	}
	if after, _ := s.ImportState(ctx, op); after.RelVersions != before.RelVersions {
		t.Fatalf("re-run changed the link: %+v then %+v", before, after)
	}
	check("re-run", n+2, t0.Add(-time.Minute), t0.Add(time.Minute), last.Add(time.Minute))
}
