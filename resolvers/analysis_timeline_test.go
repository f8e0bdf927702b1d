package resolvers_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"
)

// timelineCase is testdata/analysis/timeline_contacts.json, worked out in
// timeline_contacts.md.
type timelineCase struct {
	Rows          []map[string]any `json:"rows"`
	RejectedLines []int            `json:"rejectedLines"`
	Later         []map[string]any `json:"later"`
	Questions     []struct {
		Name       string
		From, To   string
		Limit      int
		AfterLater bool `json:"afterLater"`
		Want       []string
	} `json:"questions"`
	Link struct {
		Pair                string
		Count               int
		FirstSeen, LastSeen string
		CountAfterLater     int `json:"countAfterLater"`
	} `json:"link"`
}

// Call data imported as individual contacts appears as individual
// timeline entries, each at its own time (issue 13): several contacts
// between two phones in one file make one CONTACTED link holding each
// contact's time, and one entry per contact, in time order, within the
// window and the limit; a summary row stays one entry at its last-seen
// time; re-importing adds nothing; a later file adds its new contact in
// order. Before the fix the second and later contacts of a pair were
// rejected as the same key, and the pair was one entry at its last
// contact.
func TestTimelineListsEachImportedContact(t *testing.T) {
	var tc timelineCase
	readAnalysisCase(t, "timeline_contacts.json", &tc)
	w := newWorld(t)
	urn := "INT/CDR/" + strings.ToUpper(w.op[4:])
	w.create(t, w.analyst, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{"urn": urn,
		"sourceType": "COMMS_DATA", "classification": "OFFICIAL", "grading": map[string]any{"source": "1", "assessment": "A", "handling": "P"}, "sanitisedText": "Call data"})
	item := w.create(t, w.analyst, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "SURVEILLANCE", "grading": map[string]any{"source": "1", "assessment": "B", "handling": "P"}, "sanitisedText": "Observed"})
	x := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "X", "familyName": "Caller"})
	p1 := w.create(t, w.analyst, "createCommsDevice", "CreateCommsDeviceInput", map[string]any{"kind": "MOBILE", "number": "+447700900501"})
	w.env.Do(w.analyst, `mutation($a: ID!, $b: ID!, $i: ID!) { link(input: {type: USES, fromId: $a, toId: $b, confidence: 0.9, sourceIds: [$i]}) { id } }`,
		map[string]any{"a": x, "b": p1, "i": item}).NoErrors()
	phone := map[string]string{"+447700900501": "P1", "+447700900502": "P2", "+447700900503": "P3"}

	importRows := func(rows []map[string]any) *struct{ created, linksCreated, linksUpdated, linksUnchanged, rejected int } {
		t.Helper()
		for _, r := range rows {
			r["sourceUrn"] = urn
		}
		b, _ := json.Marshal(rows)
		res := w.env.Do(w.analyst, `mutation($op: ID!, $rows: String!) { importRecords(operationId: $op, kind: CONTACTS, rows: $rows) {
			loaded created linksCreated linksUpdated rejected rejects { line reason } } }`, map[string]any{"op": w.op, "rows": string(b)}).NoErrors()
		var lines []int
		for i := range res.Path("importRecords", "rejects").([]any) {
			lines = append(lines, res.Int("importRecords", "rejects", i, "line"))
		}
		if len(lines) > 0 && !slices.Equal(lines, tc.RejectedLines) {
			t.Fatalf("rejected lines %v, want %v: %s", lines, tc.RejectedLines, res)
		}
		return &struct{ created, linksCreated, linksUpdated, linksUnchanged, rejected int }{res.Int("importRecords", "created"),
			res.Int("importRecords", "linksCreated"), res.Int("importRecords", "linksUpdated"),
			// Each contacts row writes one link: what it neither created nor updated it left alone.
			res.Int("importRecords", "loaded") - res.Int("importRecords", "linksCreated") - res.Int("importRecords", "linksUpdated"),
			res.Int("importRecords", "rejected")}
	}
	type linkSeen struct {
		id                  string
		count               int
		firstSeen, lastSeen string
	}
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		return v.UTC()
	}
	timeline := func(t *testing.T, from, to string, limit int) ([]string, map[string]map[string]linkSeen) {
		t.Helper()
		in := map[string]any{"entityIds": []string{x}}
		if from != "" {
			in["from"] = from
		}
		if to != "" {
			in["to"] = to
		}
		if limit > 0 {
			in["limit"] = limit
		}
		res := w.env.Do(w.analyst, `query($in: TimelineInput!) { timeline(input: $in) { at entry link { id count firstSeen lastSeen
			from { ... on CommsDevice { number } } to { ... on CommsDevice { number } } } } }`, map[string]any{"in": in}).NoErrors()
		var out []string
		links := map[string]map[string]linkSeen{}
		for i := range res.Path("timeline").([]any) {
			if e := res.Str("timeline", i, "entry"); e != "CONTACT" {
				t.Fatalf("entry %d is %s: %s", i, e, res)
			}
			pair := phone[res.Str("timeline", i, "link", "from", "number")] + ">" + phone[res.Str("timeline", i, "link", "to", "number")]
			out = append(out, at(res.Str("timeline", i, "at")).Format(time.RFC3339)+" "+pair)
			if links[pair] == nil {
				links[pair] = map[string]linkSeen{}
			}
			id := res.Str("timeline", i, "link", "id")
			links[pair][id] = linkSeen{id, res.Int("timeline", i, "link", "count"), res.Str("timeline", i, "link", "firstSeen"), res.Str("timeline", i, "link", "lastSeen")}
		}
		return out, links
	}
	checkLink := func(t *testing.T, links map[string]map[string]linkSeen, count int) {
		t.Helper()
		if len(links[tc.Link.Pair]) != 1 {
			t.Fatalf("%s: one link for every contact of the pair, got %v", tc.Link.Pair, links[tc.Link.Pair])
		}
		for _, l := range links[tc.Link.Pair] {
			if l.count != count || !at(l.firstSeen).Equal(at(tc.Link.FirstSeen)) || !at(l.lastSeen).Equal(at(tc.Link.LastSeen)) {
				t.Fatalf("%s link: %+v, want count %d from %s to %s", tc.Link.Pair, l, count, tc.Link.FirstSeen, tc.Link.LastSeen)
			}
		}
	}
	ask := func(afterLater bool) {
		t.Helper()
		for _, q := range tc.Questions {
			if q.AfterLater != afterLater {
				continue
			}
			t.Run(q.Name, func(t *testing.T) {
				got, _ := timeline(t, q.From, q.To, q.Limit)
				if !slices.Equal(got, q.Want) {
					t.Fatalf("timeline\n got  %q\n want %q", got, q.Want)
				}
			})
		}
	}

	first := importRows(tc.Rows)
	if first.created != 2 || first.linksCreated != 3 || first.rejected != len(tc.RejectedLines) {
		t.Fatalf("first import: %+v (want P2 and P3 created, three links: P1>P2, P2>P1, P1>P3)", *first)
	}
	ask(false)
	_, links := timeline(t, "", "", 0)
	checkLink(t, links, tc.Link.Count)

	again := importRows(tc.Rows)
	if again.created != 0 || again.linksCreated != 0 || again.linksUpdated != 0 || again.linksUnchanged != len(tc.Rows)-len(tc.RejectedLines) {
		t.Fatalf("re-import must change nothing: %+v", *again)
	}
	ask(false)
	_, links = timeline(t, "", "", 0)
	checkLink(t, links, tc.Link.Count)

	// Both rows of the later file are on one link in one batch, so both
	// count as updating it (the summary counts rows, import_links.cypher);
	// the graph says what changed: one new contact (count 5 below).
	if later := importRows(tc.Later); later.linksCreated != 0 || later.linksUpdated == 0 || later.rejected != 0 {
		t.Fatalf("later file: one new contact, one already held: %+v", *later)
	}
	if again := importRows(tc.Later); again.linksCreated != 0 || again.linksUpdated != 0 {
		t.Fatalf("later file again must change nothing: %+v", *again)
	}
	ask(true)
	_, links = timeline(t, "", "", 0)
	checkLink(t, links, tc.Link.CountAfterLater)
}
