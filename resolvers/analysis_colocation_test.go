package resolvers_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// coLocationCase is testdata/analysis/colocation.json: a hand-made graph
// and the answers worked out in colocation.md.
type coLocationCase struct {
	Entities map[string]string `json:"entities"`
	EventAt  map[string]string `json:"eventAt"`
	Links    []struct {
		Type, From, To      string
		FirstSeen, LastSeen string
	} `json:"links"`
	Questions []struct {
		Name          string
		WindowMinutes int
		EntityIDs     []string `json:"entityIds"`
		From          string
		Want          []struct {
			Place               string
			Entities            []string
			FirstSeen, LastSeen string
		}
	} `json:"questions"`
}

// Co-location times are the window in which every entity listed was
// there together, computed from all of them (issue 13, defect 1): two and
// three entities with staggered presence at locations, presence only
// within the tolerance, a link with one date and one with none, an event,
// the entityIds filter and the period. Before the fix one row per place
// listed everyone who overlapped anyone, dated from one entity's link.
func TestCoLocationTimesFromEveryEntity(t *testing.T) {
	var tc coLocationCase
	readAnalysisCase(t, "colocation.json", &tc)
	w := newWorld(t)
	item := w.create(t, w.analyst, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "SURVEILLANCE", "grading": map[string]any{"source": "1", "assessment": "B", "handling": "P"}, "sanitisedText": "Observed"})
	id, name := map[string]string{}, map[string]string{}
	for n, kind := range tc.Entities {
		switch kind {
		case "PERSON":
			id[n] = w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": n, "familyName": "Colocated"})
		case "LOCATION":
			id[n] = w.create(t, w.analyst, "createLocation", "CreateLocationInput", map[string]any{"address": n + " Test Street"})
		case "EVENT":
			id[n] = w.create(t, w.analyst, "createEvent", "CreateEventInput", map[string]any{"kind": "MEETING", "occurredAt": tc.EventAt[n], "summary": n})
		default:
			t.Fatalf("kind %q", kind)
		}
		name[id[n]] = n
	}
	for _, l := range tc.Links {
		in := map[string]any{"type": l.Type, "fromId": id[l.From], "toId": id[l.To], "confidence": 0.8, "sourceIds": []string{item}}
		if l.FirstSeen != "" {
			in["firstSeen"] = l.FirstSeen
		}
		if l.LastSeen != "" {
			in["lastSeen"] = l.LastSeen
		}
		w.env.Do(w.analyst, `mutation($in: LinkInput!) { link(input: $in) { id } }`, map[string]any{"in": in}).NoErrors()
	}
	instant := func(s string) string {
		at, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		return at.UTC().Format("15:04")
	}
	for _, q := range tc.Questions {
		t.Run(q.Name, func(t *testing.T) {
			in := map[string]any{"operationId": w.op, "from": "2026-03-01T00:00:00Z", "to": "2026-03-02T00:00:00Z", "windowMinutes": q.WindowMinutes}
			if q.From != "" {
				in["from"] = q.From
			}
			if q.EntityIDs != nil {
				var ids []string
				for _, n := range q.EntityIDs {
					ids = append(ids, id[n])
				}
				in["entityIds"] = ids
			}
			res := w.env.Do(w.analyst, `query($in: CoLocationInput!) { coLocation(input: $in) { place { id } entities { id } firstSeen lastSeen } }`,
				map[string]any{"in": in}).NoErrors()
			var got, want []string
			var firsts []string
			for i := range res.Path("coLocation").([]any) {
				var who []string
				for j := range res.Path("coLocation", i, "entities").([]any) {
					who = append(who, name[res.Str("coLocation", i, "entities", j, "id")])
				}
				slices.Sort(who)
				first := res.Str("coLocation", i, "firstSeen")
				firsts = append(firsts, first)
				got = append(got, fmt.Sprintf("%s %s %s-%s", name[res.Str("coLocation", i, "place", "id")], strings.Join(who, ","),
					instant(first), instant(res.Str("coLocation", i, "lastSeen"))))
			}
			for _, m := range q.Want {
				want = append(want, fmt.Sprintf("%s %s %s-%s", m.Place, strings.Join(m.Entities, ","), instant(m.FirstSeen), instant(m.LastSeen)))
			}
			if !slices.IsSortedFunc(firsts, func(a, b string) int { return strings.Compare(instant(a), instant(b)) }) {
				t.Errorf("not in order of firstSeen: %v", got)
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("co-location\n got  %v\n want %v", got, want)
			}
		})
	}
}
