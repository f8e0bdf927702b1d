package importer

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/oklog/ulid/v2"
	"golang.org/x/sync/errgroup"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/internal/neo4jtest"
)

// newOperation opens a fresh operation so tests sharing the database do
// not see each other's records.
func newOperation(tb testing.TB, s *cypher.Store) *keyline.Actor {
	tb.Helper()
	a := &keyline.Actor{Subject: "import-test", Roles: keyline.Roles, Clearance: keyline.TopSecret}
	ref := "OP-IMP-" + strings.ToUpper(ulid.Make().String()[16:])
	rec, err := s.CreateNode(context.Background(), a, keyline.KindOperation, "", map[string]any{
		"reference": ref, "name": "Import test " + ref, "status": "OPEN", "classification": "OFFICIAL_SENSITIVE",
		"opened": keyline.Date{Time: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)},
	}, nil)
	if err != nil {
		tb.Fatal(err)
	}
	a.Operations = []string{rec.ID()}
	return a
}

func opOf(a *keyline.Actor) string { return a.Operations[0] }

type fileWant struct {
	file                         string
	rows, loaded, created, links int
	rejected                     []int // lines
}

// The fixtures, loaded in the documented order, load their good rows and
// report every bad one, including those only the graph can judge (an
// unknown person, an unknown source item, a mention of nobody).
func TestImportFixturesAndRerun(t *testing.T) {
	s := neo4jtest.Store(t)
	a := newOperation(t, s)
	ctx := context.Background()
	wants := []fileWant{
		{file: "nominals.csv", rows: 9, loaded: 4, created: 4, rejected: []int{5, 6, 7, 8, 9}},
		{file: "intelligence.jsonl", rows: 8, loaded: 4, created: 4, rejected: []int{3, 4, 6, 7}},
		{file: "addresses.csv", rows: 7, loaded: 3, created: 3, links: 2, rejected: []int{4, 5, 6, 7}},
		{file: "vehicles.jsonl", rows: 6, loaded: 2, created: 2, links: 1, rejected: []int{3, 4, 5, 6}},
		{file: "phones.csv", rows: 7, loaded: 4, created: 4, links: 2, rejected: []int{6, 7, 8}},
		// One number in the call data was not in the phones file.
		{file: "contacts.csv", rows: 8, loaded: 3, created: 1, links: 3, rejected: []int{5, 6, 7, 8, 9}},
		{file: "actions.csv", rows: 5, loaded: 2, created: 2, rejected: []int{4, 5, 6}},
	}
	// URNs are unique across Keyline, so each run gets its own copy of the
	// fixtures with URNs no other run uses.
	dir := t.TempDir()
	sfx := strings.ToUpper(ulid.Make().String()[18:])
	for _, w := range wants {
		b, err := os.ReadFile(fixture(w.file))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, w.file), []byte(strings.ReplaceAll(string(b), "INT/", "INT-"+sfx+"/")), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	path := func(f string) string { return filepath.Join(dir, f) }
	batches := 0
	for _, w := range wants {
		sum, err := ImportFile(ctx, s, a, Options{Path: path(w.file), OperationID: opOf(a)})
		if err != nil {
			t.Fatalf("%s: %v", w.file, err)
		}
		batches += sum.Batches
		var lines []int
		for _, j := range sum.Rejects {
			lines = append(lines, j.Line)
		}
		slices.Sort(lines)
		if sum.Rows != w.rows || sum.Loaded != w.loaded || sum.Created != w.created || sum.LinksCreated != w.links ||
			sum.Rejected != len(w.rejected) || !slices.Equal(lines, w.rejected) || !sum.Done {
			t.Errorf("%s: %+v\nrejects %v", w.file, sum.Stats, sum.Rejects)
		}
	}
	first, err := s.ImportState(ctx, opOf(a))
	if err != nil {
		t.Fatal(err)
	}
	want := map[keyline.Kind]int{keyline.KindPerson: 4, keyline.KindIntelligenceItem: 4, keyline.KindLocation: 3,
		keyline.KindVehicle: 2, keyline.KindCommsDevice: 5, keyline.KindAction: 2}
	for k, n := range want {
		if first.ByKind[k] != n {
			t.Errorf("%s: %d records; want %d", k, first.ByKind[k], n)
		}
	}
	// 3 mentions, 2 RESIDES_AT, 1 REGISTERED_KEEPER, 2 USES, 3 CONTACTED, 2 RAISED_FROM.
	if first.Rels != 13 || first.NodeVersions != first.Nodes {
		t.Errorf("after the first load: %+v", first)
	}

	// Running every file again changes nothing: no record or link created
	// or changed, no version advanced.
	for _, w := range wants {
		sum, err := ImportFile(ctx, s, a, Options{Path: path(w.file), OperationID: opOf(a)})
		if err != nil {
			t.Fatalf("%s again: %v", w.file, err)
		}
		batches += sum.Batches
		if sum.Created != 0 || sum.Updated != 0 || sum.LinksCreated != 0 || sum.LinksUpdated != 0 || sum.Loaded != w.loaded || sum.Rejected != len(w.rejected) {
			t.Errorf("%s again: %+v", w.file, sum.Stats)
		}
	}
	again, err := s.ImportState(ctx, opOf(a))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(again) != fmt.Sprint(first) {
		t.Errorf("a re-run changed the graph:\n%+v\n%+v", first, again)
	}

	// What was stored is what the API would have stored.
	page, err := s.ListByOperation(ctx, cypher.ScopeOf(a), keyline.KindPerson, []string{opOf(a)}, cypher.ListQuery{Search: "danny", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if p := page[opOf(a)]; p.Total != 1 || p.Items[0].Props["label"] != "SHAW, Daniel James (1994-02-11)" || p.Items[0].Props["importRef"] != "N1001" {
		t.Errorf("person: %+v", p)
	}
	acts, err := s.ListByOperation(ctx, cypher.ScopeOf(a), keyline.KindAction, []string{opOf(a)}, cypher.ListQuery{OrderBy: "seq", Limit: 10,
		Filters: map[string]any{"statuses": nil, "priority": nil, "allocatedTo": nil}})
	if err != nil {
		t.Fatal(err)
	}
	if p := acts[opOf(a)]; p.Total != 2 || p.Items[0].Props["number"] != "A1" || p.Items[0].Props["status"] != "RAISED" ||
		!strings.HasPrefix(p.Items[0].Props["searchText"].(string), "a1 identify") {
		t.Errorf("actions: %+v", p)
	}

	// One audit event per batch, naming the file and its lines.
	events, total, err := s.AuditTrail(ctx, cypher.ScopeOf(a), cypher.AuditFilter{OperationID: opOf(a), Actions: []string{"IMPORT"}, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if total != batches || !strings.Contains(events[0]["after"].(string), `"file":"`) || !strings.Contains(events[0]["after"].(string), `"lines":"`) {
		t.Errorf("%d import audit events for %d batches: %v", total, batches, events[0])
	}
}

// A changed row changes only its record, once; unchanged rows are left
// alone; a legacy grade is never overwritten; an item of another operation
// is not reachable by its URN.
func TestImportRowsChangesOnlyWhatChanged(t *testing.T) {
	s := neo4jtest.Store(t)
	a := newOperation(t, s)
	ctx := context.Background()
	rows := []map[string]any{
		{"sourceRef": "P1", "givenNames": "Kerry", "familyName": "ASHWORTH"},
		{"sourceRef": "P2", "givenNames": "Marcus", "familyName": "OKAFOR", "aliases": []any{"Marky"}},
	}
	sum, err := ImportRows(ctx, s, a, opOf(a), "nominals", rows)
	if err != nil || sum.Created != 2 {
		t.Fatalf("%+v %v", sum, err)
	}
	before, _ := s.ImportState(ctx, opOf(a))
	rows[1]["dateOfBirth"] = "2001-11-02"
	sum, err = ImportRows(ctx, s, a, opOf(a), "nominals", rows)
	if err != nil || sum.Created != 0 || sum.Updated != 1 || sum.Unchanged != 1 {
		t.Fatalf("%+v %v", sum.Stats, err)
	}
	after, _ := s.ImportState(ctx, opOf(a))
	if after.Nodes != before.Nodes || after.NodeVersions != before.NodeVersions+1 {
		t.Fatalf("versions: %+v -> %+v", before, after)
	}
	page, _ := s.ListByOperation(ctx, cypher.ScopeOf(a), keyline.KindPerson, []string{opOf(a)}, cypher.ListQuery{Search: "okafor", Limit: 1})
	if got := page[opOf(a)].Items[0].Props; got["label"] != "OKAFOR, Marcus (2001-11-02)" || got["version"] != int64(2) {
		t.Fatalf("label not re-derived: %v", got)
	}

	legacy := map[string]any{"urn": "INT/T/" + opOf(a), "receivedAt": "2019-05-02", "sourceType": "PUBLIC",
		"legacySource": "B", "legacyInformation": "2", "legacyHandling": "1", "classification": "OFFICIAL", "sanitisedText": "x"}
	if sum, err := ImportRows(ctx, s, a, opOf(a), "intelligence", []map[string]any{legacy}); err != nil || sum.Created != 1 {
		t.Fatalf("%+v %v", sum.Stats, err)
	}
	regraded := map[string]any{"urn": legacy["urn"], "receivedAt": "2019-05-02", "sourceType": "PUBLIC",
		"gradeSource": "1", "gradeAssessment": "A", "gradeHandling": "P", "classification": "OFFICIAL", "sanitisedText": "x"}
	sum, err = ImportRows(ctx, s, a, opOf(a), "intelligence", []map[string]any{regraded})
	if err != nil || sum.Rejected != 1 || !strings.Contains(sum.Rejects[0].Reason, "does not change it") {
		t.Fatalf("a legacy grade was overwritten: %+v %v", sum, err)
	}

	other := newOperation(t, s)
	sum, err = ImportRows(ctx, s, other, opOf(other), "intelligence", []map[string]any{legacy})
	if err != nil || sum.Rejected != 1 || sum.Rejects[0].Reason != "a record with the same URN already exists" {
		t.Fatalf("another operation's item was reachable: %+v %v", sum, err)
	}
	link := map[string]any{"vrm": "AB12CDE", "keeperRef": "P1", "sourceUrn": legacy["urn"]}
	sum, err = ImportRows(ctx, s, other, opOf(other), "vehicles", []map[string]any{link})
	if err != nil || sum.Rejected != 1 || !strings.Contains(sum.Rejects[0].Reason, "no person") {
		t.Fatalf("another operation's person was reachable: %+v %v", sum, err)
	}
}

func TestImportRowsRefuses(t *testing.T) {
	s := neo4jtest.Store(t)
	a := newOperation(t, s)
	ctx := context.Background()
	many := make([]map[string]any, MaxAPIRows+1)
	if _, err := ImportRows(ctx, s, a, opOf(a), "nominals", many); keyline.ErrorCode(err) != keyline.CodeLimit {
		t.Errorf("oversized: %v", err)
	}
	if _, err := ImportRows(ctx, s, a, opOf(a), "parking-tickets", nil); keyline.ErrorCode(err) != keyline.CodeInvalid {
		t.Errorf("unknown kind: %v", err)
	}
	outsider := &keyline.Actor{Subject: "x", Roles: []keyline.Role{keyline.RoleAnalyst}, Clearance: keyline.Secret}
	if _, err := ImportRows(ctx, s, outsider, opOf(a), "nominals", nil); keyline.ErrorCode(err) != keyline.CodeForbidden {
		t.Errorf("non-member: %v", err)
	}
	auditor := &keyline.Actor{Subject: "y", Roles: []keyline.Role{keyline.RoleAuditor}, Clearance: keyline.TopSecret, Operations: a.Operations}
	if _, err := ImportRows(ctx, s, auditor, opOf(a), "nominals", nil); keyline.ErrorCode(err) != keyline.CodeForbidden {
		t.Errorf("auditor: %v", err)
	}
	cleared := &keyline.Actor{Subject: "z", Roles: []keyline.Role{keyline.RoleAnalyst}, Clearance: keyline.OfficialSensitive, Operations: a.Operations}
	sum, err := ImportRows(ctx, s, cleared, opOf(a), "intelligence", []map[string]any{{"urn": "INT/S/" + opOf(a), "receivedAt": "2026-01-01",
		"sourceType": "CHIS", "gradeSource": "2", "gradeAssessment": "B", "gradeHandling": "P", "classification": "SECRET", "sanitisedText": "x"}})
	if err != nil || sum.Rejected != 1 || sum.Rejects[0].Field != "classification" {
		t.Errorf("above clearance: %+v %v", sum, err)
	}
}

// writeNominals writes n generated nominal rows.
func writeNominals(tb testing.TB, path string, n int) {
	tb.Helper()
	given := []string{"Daniel", "Kerry", "Marcus", "Leanne", "Tomasz", "Aaron", "Shannon", "Jamal"}
	family := []string{"SHAW", "ASHWORTH", "OKAFOR", "PRICE", "NOWAK", "HUGHES", "REID", "BAKER"}
	writeCSV(tb, path, "sourceRef,givenNames,familyName,aliases,dateOfBirth,pncId,warningMarkers", n, func(w io.Writer, i int) {
		fmt.Fprintf(w, "N%07d,%s,%s,%s,19%02d-%02d-%02d,%02d/%06dX,%s\n", i, given[i%8], family[(i/8)%8],
			"Alias"+fmt.Sprint(i%97), 60+i%40, 1+i%12, 1+i%28, i%100, i, []string{"", "DRUGS", "VIOLENT;WEAPONS"}[i%3])
	})
}

// writeCSV writes a CSV file: the header, then rows lines written by row.
func writeCSV(tb testing.TB, path, header string, rows int, row func(w io.Writer, i int)) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, header)
	for i := range rows {
		row(w, i)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	f.Close()
}

// writeContacts writes n call data rows between `numbers` numbers (the
// ones writePhones writes), each pair once.
func writeContacts(tb testing.TB, path string, n, numbers int) {
	tb.Helper()
	writeCSV(tb, path, "fromNumber,toNumber,count,firstSeen,lastSeen", n, func(w io.Writer, i int) {
		from := i % numbers
		to := (from + 1 + i/numbers) % numbers
		fmt.Fprintf(w, "07%09d,07%09d,%d,2026-01-%02dT08:00:00Z,2026-02-%02dT20:00:00Z\n", from, to, 1+i%50, 1+i%28, 1+i%28)
	})
}

// An import interrupted part-way and run again ends exactly where an
// uninterrupted import does: committed batches are found unchanged and
// the rest is created.
func TestImportResumesAfterInterruption(t *testing.T) {
	s := neo4jtest.Store(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nominals.csv")
	const rows, batch = 5000, 500
	writeNominals(t, path, rows)

	clean := newOperation(t, s)
	if _, err := ImportFile(ctx, s, clean, Options{Path: path, OperationID: opOf(clean), BatchSize: batch}); err != nil {
		t.Fatal(err)
	}
	want, _ := s.ImportState(ctx, opOf(clean))

	a := newOperation(t, s)
	cctx, cancel := context.WithCancel(ctx)
	stop := func(p Stats) {
		if p.Batches == 3 {
			cancel()
		}
	}
	sum, err := ImportFile(cctx, s, a, Options{Path: path, OperationID: opOf(a), BatchSize: batch, Progress: stop})
	// The batches already being written when the import was cancelled
	// finish and are reported; no other starts.
	if !errors.Is(err, context.Canceled) || sum.Loaded < 3*batch || sum.Loaded > (3+DefaultWorkers)*batch || sum.Loaded%batch != 0 {
		t.Fatalf("interrupted run: %+v %v", sum.Stats, err)
	}
	mid, _ := s.ImportState(ctx, opOf(a))
	if mid.Nodes != sum.Loaded {
		t.Fatalf("%d records after %d rows were reported loaded", mid.Nodes, sum.Loaded)
	}
	done := sum.Loaded
	sum, err = ImportFile(ctx, s, a, Options{Path: path, OperationID: opOf(a), BatchSize: batch})
	if err != nil || sum.Unchanged != done || sum.Created != rows-done {
		t.Fatalf("resumed run: %+v %v", sum.Stats, err)
	}
	got, _ := s.ImportState(ctx, opOf(a))
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("resumed %+v; clean %+v", got, want)
	}
}

// callDataSource records the intelligence item (a communications data
// return) that call data and phone files cite as their links' source.
func callDataSource(tb testing.TB, s *cypher.Store, a *keyline.Actor, urn string) {
	tb.Helper()
	if _, err := ImportRows(context.Background(), s, a, opOf(a), "intelligence", []map[string]any{{"urn": urn, "receivedAt": "2026-02-01",
		"sourceType": "COMMS_DATA", "gradeSource": "1", "gradeAssessment": "A", "gradeHandling": "P", "classification": "OFFICIAL", "sanitisedText": "call data"}}); err != nil {
		tb.Fatal(err)
	}
}

func benchRows(b *testing.B, def int) int {
	if v := os.Getenv("IMPORT_BENCH_ROWS"); v != "" {
		var n int
		fmt.Sscan(v, &n)
		return n
	}
	return def
}

// benchOptions are the import's settings under test: IMPORT_BENCH_BATCH
// rows per transaction and IMPORT_BENCH_WORKERS batches at once (the
// defaults when unset).
func benchOptions(o Options) Options {
	fmt.Sscan(os.Getenv("IMPORT_BENCH_BATCH"), &o.BatchSize)
	fmt.Sscan(os.Getenv("IMPORT_BENCH_WORKERS"), &o.Workers)
	return o
}

// BenchmarkImportNominals loads generated nominals (50,000 by default,
// IMPORT_BENCH_ROWS to change) into a fresh operation per iteration.
func BenchmarkImportNominals(b *testing.B) {
	s := neo4jtest.Store(b)
	n := benchRows(b, 50_000)
	path := filepath.Join(b.TempDir(), "nominals.csv")
	writeNominals(b, path, n)
	var elapsed time.Duration
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		a := newOperation(b, s)
		b.StartTimer()
		start := time.Now()
		sum, err := ImportFile(context.Background(), s, a, benchOptions(Options{Path: path, OperationID: opOf(a)}))
		elapsed += time.Since(start)
		if err != nil || sum.Created != n {
			b.Fatalf("%+v %v", sum.Stats, err)
		}
	}
	b.ReportMetric(float64(n*b.N)/elapsed.Seconds(), "nodes/s")
}

// BenchmarkImportContacts loads generated call data (200,000 rows between
// 20,000 numbers by default): every number is created on first sight, so
// it measures both node and relationship rates.
func BenchmarkImportContacts(b *testing.B) {
	s := neo4jtest.Store(b)
	n := benchRows(b, 200_000)
	numbers := max(n/10, 10)
	path := filepath.Join(b.TempDir(), "contacts.csv")
	writeContacts(b, path, n, numbers)
	var elapsed time.Duration
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		a := newOperation(b, s)
		urn := "INT/BENCH/" + opOf(a)
		callDataSource(b, s, a, urn)
		b.StartTimer()
		start := time.Now()
		sum, err := ImportFile(context.Background(), s, a, benchOptions(Options{Path: path, OperationID: opOf(a), SourceURN: urn}))
		elapsed += time.Since(start)
		if err != nil || sum.LinksCreated != n || sum.Created != numbers {
			b.Fatalf("%+v %v", sum.Stats, err)
		}
	}
	b.ReportMetric(float64(n*b.N)/elapsed.Seconds(), "rels/s")
	b.ReportMetric(float64(numbers*b.N)/elapsed.Seconds(), "nodes/s")
}

// Batches written at the same time race to create the same records (call
// data names each number in many batches, and a number is created on first
// sight): the losing batch's transaction fails on the uniqueness
// constraint, changes nothing, and is written again. The result is exactly
// what one writer gives: every number once, every pair once.
func TestConcurrentBatchesRaceForTheSameRecords(t *testing.T) {
	s := neo4jtest.Store(t)
	ctx := context.Background()
	const rows, numbers = 1200, 40
	path := filepath.Join(t.TempDir(), "contacts.csv")
	writeContacts(t, path, rows, numbers)
	a := newOperation(t, s)
	urn := "INT/RACE/" + opOf(a)
	callDataSource(t, s, a, urn)
	opts := Options{Path: path, OperationID: opOf(a), SourceURN: urn, BatchSize: 50, Workers: 4}
	sum, err := ImportFile(ctx, s, a, opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != numbers || sum.LinksCreated != rows || sum.Loaded != rows || sum.Batches != rows/50 {
		t.Fatalf("created %d numbers (want %d), %d links (want %d), loaded %d in %d batches", sum.Created, numbers, sum.LinksCreated, rows, sum.Loaded, sum.Batches)
	}
	st, err := s.ImportState(ctx, opOf(a))
	if err != nil {
		t.Fatal(err)
	}
	if st.ByKind[keyline.KindCommsDevice] != numbers || st.Rels != rows {
		t.Fatalf("stored %d devices and %d links, want %d and %d", st.ByKind[keyline.KindCommsDevice], st.Rels, numbers, rows)
	}
	again, err := ImportFile(ctx, s, a, opts)
	if err != nil {
		t.Fatal(err)
	}
	if again.Created != 0 || again.LinksCreated != 0 || again.LinksUpdated != 0 || again.LinksUnchanged != rows {
		t.Fatalf("re-run: %+v", again.Stats)
	}
	if st2, _ := s.ImportState(ctx, opOf(a)); st2.NodeVersions != st.NodeVersions || st2.RelVersions != st.RelVersions || st2.Rels != st.Rels {
		t.Fatalf("re-run changed the graph: %+v then %+v", st, st2)
	}
}

// A batch reuses the ids earlier batches resolved; if one of them no longer
// names a record (deleted meanwhile), the batch fails as a whole with
// CONFLICT and is written again with every reference looked up afresh.
func TestStaleKnownIDIsLookedUpAgain(t *testing.T) {
	s := neo4jtest.Store(t)
	ctx := context.Background()
	a := newOperation(t, s)
	urn := "INT/STALE/" + opOf(a)
	callDataSource(t, s, a, urn)
	if _, err := ImportRows(ctx, s, a, opOf(a), "phones", []map[string]any{{"number": "07700900123"}, {"number": "07700900124"}}); err != nil {
		t.Fatal(err)
	}
	r := newRun(s, a, kinds["contacts"], "api", Options{OperationID: opOf(a), BatchSize: 10, Workers: 1})
	r.ctx.sourceURN = urn
	// What an earlier batch would have resolved, had the record been
	// deleted and re-created since.
	stale := keyline.NewID(keyline.KindCommsDevice)
	r.known.add(map[keyline.Kind]map[string]string{keyline.KindCommsDevice: {"+447700900123": stale}})
	sum, err := r.all(ctx, &sliceSource{k: kinds["contacts"], rows: []map[string]any{{"fromNumber": "07700900123", "toNumber": "07700900124"}}})
	if err != nil {
		t.Fatal(err)
	}
	if sum.LinksCreated != 1 || sum.Created != 0 {
		t.Fatalf("%+v", sum.Stats)
	}
	if id, _ := r.known.get(keyline.KindCommsDevice, "+447700900123"); id == stale || !strings.HasPrefix(id, "com_") {
		t.Fatalf("known id after the retry: %q", id)
	}
}

// writePhones writes one mobile per row, numbered from 0, each used by
// one of the persons writeNominals writes (persons cycle, so some use
// several).
func writePhones(tb testing.TB, path string, phones, persons int) {
	tb.Helper()
	writeCSV(tb, path, "number,userRef,firstSeen,lastSeen,confidence", phones, func(w io.Writer, i int) {
		fmt.Fprintf(w, "07%09d,N%07d,2025-%02d-01T00:00:00Z,2026-%02d-01T00:00:00Z,0.6\n", i, i%persons, 1+i%12, 1+i%10)
	})
}

// BenchmarkImportDataset loads a force's export at the scale of the
// link-analysis dataset into one fresh operation, in the documented order:
// N nominals (IMPORT_BENCH_PERSONS, 100,000 by default; 1,000,000 for the
// regional scale), 1.3 N phones each with its user (a node and a USES link
// per row) and 2 N rows of call data between those numbers (a CONTACTED
// link per row). It reports the overall rates and each file's.
func BenchmarkImportDataset(b *testing.B) {
	s := neo4jtest.Store(b)
	persons := 100_000
	fmt.Sscan(os.Getenv("IMPORT_BENCH_PERSONS"), &persons)
	phones, calls := persons*13/10, persons*2
	dir := b.TempDir()
	files := []struct {
		name         string
		nodes, links int
	}{{"nominals.csv", persons, 0}, {"phones.csv", phones, phones}, {"contacts.csv", 0, calls}}
	writeNominals(b, filepath.Join(dir, files[0].name), persons)
	writePhones(b, filepath.Join(dir, files[1].name), phones, persons)
	writeContacts(b, filepath.Join(dir, files[2].name), calls, phones)
	var elapsed time.Duration
	perFile := make([]time.Duration, len(files))
	meters := []*cpuMeter{newCPUMeter(), newCPUMeter(), newCPUMeter()}
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		a := newOperation(b, s)
		urn := "INT/BENCH/" + opOf(a)
		callDataSource(b, s, a, urn)
		b.StartTimer()
		for i, f := range files {
			start := time.Now()
			meters[i].start()
			before := statementTimes(s)
			sum, err := ImportFile(context.Background(), s, a, benchOptions(Options{Path: filepath.Join(dir, f.name), OperationID: opOf(a), SourceURN: urn}))
			meters[i].stop()
			logStatementTimes(b, f.name, before, statementTimes(s))
			took := time.Since(start)
			elapsed += took
			perFile[i] += took
			if err != nil || sum.Created != f.nodes || sum.LinksCreated != f.links {
				b.Fatalf("%s: %+v %v %v", f.name, sum.Stats, err, sum.Rejects[:min(len(sum.Rejects), 3)])
			}
			b.Logf("%s: %d records, %d links in %s", f.name, sum.Created, sum.LinksCreated, took.Round(time.Millisecond))
		}
	}
	nodes, links := persons+phones, phones+calls
	b.ReportMetric(float64(nodes*b.N)/elapsed.Seconds(), "nodes/s")
	b.ReportMetric(float64(links*b.N)/elapsed.Seconds(), "rels/s")
	b.ReportMetric(float64(persons*b.N)/perFile[0].Seconds(), "nominal-nodes/s")
	b.ReportMetric(float64(phones*b.N)/perFile[1].Seconds(), "phone-rows/s")
	b.ReportMetric(float64(calls*b.N)/perFile[2].Seconds(), "call-rels/s")
	for i, name := range []string{"nominals", "phones", "calls"} {
		meters[i].report(b, name)
	}
}

// BenchmarkImportFloor is what Neo4j's write path allows on this machine
// for the records BenchmarkImportDataset's nominals and call data create:
// the same rows (as the importer plans them: fields, bookkeeping, label,
// search text, import key; link provenance), the same batch size and the
// same number of concurrent writers, sent through the store's bulk path
// (cypher.Store.BulkNodes and BulkLinks: `UNWIND ... CREATE`, no read
// before the write, no planning, no audit event, no idempotence). The
// importer cannot beat it; the gap is what idempotence, validation and
// the audit trail cost. IMPORT_BENCH_PERSONS sets N (N persons, then 2 N
// links between 1.3 N phones).
func BenchmarkImportFloor(b *testing.B) {
	s := neo4jtest.Store(b)
	persons := 100_000
	fmt.Sscan(os.Getenv("IMPORT_BENCH_PERSONS"), &persons)
	phones, calls := persons*13/10, persons*2
	o := benchOptions(Options{})
	batch, workers := cmp.Or(o.BatchSize, DefaultBatchSize), cmp.Or(o.Workers, DefaultWorkers)
	dir := b.TempDir()
	writeNominals(b, filepath.Join(dir, "nominals.csv"), persons)
	ctx := context.Background()
	actor := &keyline.Actor{Subject: "import-floor"}
	// parallel sends rows in batches to workers writers at once.
	parallel := func(rows []map[string]any, write func([]map[string]any) error) {
		var g errgroup.Group
		g.SetLimit(workers)
		for lo := 0; lo < len(rows); lo += batch {
			chunk := rows[lo:min(lo+batch, len(rows))]
			g.Go(func() error { return write(chunk) })
		}
		if err := g.Wait(); err != nil {
			b.Fatal(err)
		}
	}
	var nodeTime, linkTime time.Duration
	nodeCPU, linkCPU := newCPUMeter(), newCPUMeter()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		op := opOf(newOperation(b, s))
		now := time.Now().UTC()
		// The nominals as the importer maps and plans them.
		f, err := os.Open(filepath.Join(dir, "nominals.csv"))
		if err != nil {
			b.Fatal(err)
		}
		src, err := newCSV(f, kinds["nominals"])
		if err != nil {
			b.Fatal(err)
		}
		r := newRun(nil, actor, kinds["nominals"], "nominals.csv", Options{})
		people := make([]map[string]any, 0, persons)
		for {
			rc, err := src.next()
			if err == io.EOF {
				break
			}
			row, ok := r.add(rc)
			if err != nil || !ok {
				b.Fatalf("row %d: %v %v", rc.line, err, r.sum.Rejects)
			}
			n := row.Nodes[0]
			p := maps.Clone(n.Props)
			maps.Copy(p, n.CreateOnly)
			p["id"], p["operationId"], p["importRef"] = keyline.NewID(keyline.KindPerson), op, n.Key
			p["createdAt"], p["updatedAt"], p["updatedBy"], p["version"] = now, now, actor.Subject, 1
			p["label"], p["searchText"] = keyline.Describe(keyline.KindPerson, p)
			people = append(people, p)
		}
		f.Close()
		devices := make([]map[string]any, phones)
		for i := range devices {
			number := fmt.Sprintf("+447%09d", i)
			devices[i] = map[string]any{"id": keyline.NewID(keyline.KindCommsDevice), "operationId": op, "importRef": number, "number": number, "kind": "MOBILE",
				"label": number, "searchText": number, "createdAt": now, "updatedAt": now, "updatedBy": actor.Subject, "version": 1}
		}
		parallel(devices, func(rows []map[string]any) error { return s.BulkNodes(ctx, keyline.KindCommsDevice, rows) })
		links := make([]map[string]any, calls)
		for i := range links {
			from := i % phones
			to := (from + 1 + i/phones) % phones
			links[i] = map[string]any{"fromId": devices[from]["id"], "toId": devices[to]["id"], "id": keyline.NewLinkID(), "operationId": op,
				"sources": []string{"int_floor"}, "count": 1 + i%50, "firstSeen": now, "lastSeen": now,
				"createdAt": now, "updatedAt": now, "updatedBy": actor.Subject, "version": 1}
		}
		b.StartTimer()
		start := time.Now()
		nodeCPU.start()
		parallel(people, func(rows []map[string]any) error { return s.BulkNodes(ctx, keyline.KindPerson, rows) })
		nodeCPU.stop()
		nodeTime += time.Since(start)
		start = time.Now()
		linkCPU.start()
		parallel(links, func(rows []map[string]any) error { return s.BulkLinks(ctx, "CONTACTED", rows) })
		linkCPU.stop()
		linkTime += time.Since(start)
	}
	nodeCPU.report(b, "nodes")
	linkCPU.report(b, "links")
	b.ReportMetric(float64(persons*b.N)/nodeTime.Seconds(), "nodes/s")
	b.ReportMetric(float64(calls*b.N)/linkTime.Seconds(), "rels/s")
}

// A vehicle or phone entered in Keyline by hand is joined by an import
// naming the same VRM or number (it is given its import key and the
// file's fields), not duplicated; call data joins a hand-entered number
// too. A key that matches several hand-entered records (cloned plates
// recorded as two vehicles) is ambiguous: its rows are rejected, and
// nothing is guessed.
func TestImportJoinsRecordsEnteredByHand(t *testing.T) {
	s := neo4jtest.Store(t)
	ctx := context.Background()
	a := newOperation(t, s)
	op := opOf(a)
	byHand := func(k keyline.Kind, props map[string]any) string {
		t.Helper()
		rec, err := s.CreateNode(ctx, a, k, op, props, nil)
		if err != nil {
			t.Fatal(err)
		}
		return rec.ID()
	}
	van := byHand(keyline.KindVehicle, map[string]any{"vrm": "MA19XYZ", "make": "Ford"})
	phone := byHand(keyline.KindCommsDevice, map[string]any{"kind": "MOBILE", "number": "+447700900777"})
	byHand(keyline.KindVehicle, map[string]any{"vrm": "KX66ABC", "colour": "Silver"})
	byHand(keyline.KindVehicle, map[string]any{"vrm": "KX66ABC", "colour": "Black"})
	urn := "INT/HAND/" + op
	callDataSource(t, s, a, urn)

	vehicles := []map[string]any{{"vrm": "MA19 XYZ", "model": "Transit"}, {"vrm": "KX66ABC", "make": "Audi"}, {"vrm": "YT70LMN"}}
	sum, err := ImportRows(ctx, s, a, op, "vehicles", vehicles)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Updated != 1 || sum.Created != 1 || sum.Rejected != 1 || sum.Rejects[0].Line != 2 || !strings.Contains(sum.Rejects[0].Reason, `2 vehicle records with "KX66ABC"`) {
		t.Fatalf("vehicles: %+v %v", sum.Stats, sum.Rejects)
	}
	recs, err := s.NodesByID(ctx, cypher.ScopeOf(a), []string{van})
	if err != nil {
		t.Fatal(err)
	}
	if p := recs[van].Props; p["importRef"] != "MA19XYZ" || p["make"] != "Ford" || p["model"] != "Transit" || asInt(p["version"]) != 2 {
		t.Fatalf("the hand-entered van after the import: %v", p)
	}

	calls := []map[string]any{{"fromNumber": "07700 900777", "toNumber": "07700900778", "sourceUrn": urn}}
	if sum, err = ImportRows(ctx, s, a, op, "contacts", calls); err != nil || sum.Created != 1 || sum.LinksCreated != 1 {
		t.Fatalf("contacts: %+v %v %v", sum.Stats, sum.Rejects, err)
	}
	links, err := s.LinksOf(ctx, cypher.ScopeOf(a), []string{phone}, cypher.LinkQuery{Types: []string{"CONTACTED"}, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if links[phone].Total != 1 {
		t.Fatalf("the hand-entered phone has %d CONTACTED links", links[phone].Total)
	}

	// Now keyed, the van is found by its import key: a re-run changes nothing.
	before, _ := s.ImportState(ctx, op)
	if sum, err = ImportRows(ctx, s, a, op, "vehicles", vehicles); err != nil || sum.Unchanged != 2 || sum.Updated != 0 || sum.Created != 0 {
		t.Fatalf("re-run: %+v %v", sum.Stats, err)
	}
	if after, _ := s.ImportState(ctx, op); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("re-run changed the graph: %+v then %+v", before, after)
	}
}

func asInt(v any) int {
	switch x := v.(type) {
	case int64:
		return int(x)
	case int:
		return x
	}
	return -1
}
