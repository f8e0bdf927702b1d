package linkanalysis

import (
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

func TestPathsTruncated(t *testing.T) {
	for _, c := range []struct {
		name     string
		mode     cypher.PathMode
		found    cypher.PathsFound
		k, limit int
		want     bool
	}{
		{"shortest never", cypher.PathsShortest, cypher.PathsFound{Found: 5, Capped: true}, 3, 1, false},
		{"k found within the limit", cypher.PathsKShortest, cypher.PathsFound{Found: 3}, 3, 10, false},
		{"k found beyond the limit", cypher.PathsKShortest, cypher.PathsFound{Found: 3}, 3, 2, true},
		{"more found than k, k within the limit", cypher.PathsKShortest, cypher.PathsFound{Found: 9}, 3, 3, false},
		{"fewer than k because capped", cypher.PathsKShortest, cypher.PathsFound{Found: 2, Capped: true}, 3, 10, true},
		{"k reached though capped", cypher.PathsKShortest, cypher.PathsFound{Found: 3, Capped: true}, 3, 10, false},
		{"all within the limit", cypher.PathsAllShortest, cypher.PathsFound{Found: 4}, 3, 4, false},
		{"all beyond the limit", cypher.PathsAllShortest, cypher.PathsFound{Found: 5}, 3, 4, true},
		{"all capped", cypher.PathsAllShortest, cypher.PathsFound{Found: 2, Capped: true}, 3, 4, true},
	} {
		if got := pathsTruncated(c.mode, c.found, c.k, c.limit); got != c.want {
			t.Errorf("%s: truncated %v, want %v", c.name, got, c.want)
		}
	}
}

func rec(kind keyline.Kind, id string, props map[string]any) cypher.Record {
	p := map[string]any{"id": id}
	maps.Copy(p, props)
	return cypher.Record{Kind: kind, Props: p}
}

func TestRoutePairsListsEachStepOnce(t *testing.T) {
	a, b, c := rec(keyline.KindPerson, "per_a", nil), rec(keyline.KindPerson, "per_b", nil), rec(keyline.KindPerson, "per_c", nil)
	got := routePairs([]Route{{Entities: []cypher.Record{a, b, c}}, {Entities: []cypher.Record{a, b}}, {Entities: []cypher.Record{c, b}}})
	want := [][2]string{{"per_a", "per_b"}, {"per_b", "per_c"}, {"per_c", "per_b"}}
	if !slices.Equal(got, want) {
		t.Fatalf("pairs %v, want %v", got, want)
	}
}

func TestChartPropsKeepOnlyWhatAChartShows(t *testing.T) {
	got := chartProps(map[string]any{"id": "per_a", "label": "A", "familyName": "SHAW", "createdAt": 1, "occurredAt": 2,
		"searchText": "shaw", "version": 3, "updatedBy": "x", "operationId": "op"})
	want := map[string]any{"familyName": "SHAW", "occurredAt": 2}
	if !maps.Equal(got, want) {
		t.Fatalf("chart props %v, want %v", got, want)
	}
}

func TestLinkPropertiesReadForTheChart(t *testing.T) {
	seen := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	lr := cypher.LinkRecord{Type: "USES", Props: map[string]any{"id": "lnk_1", "confidence": 0.8, "firstSeen": seen,
		"sources": []any{"int_1", "exh_2"}}}
	if linkID(lr) != "lnk_1" || confidence(lr) != 0.8 || !slices.Equal(sourceIDs(lr), []string{"int_1", "exh_2"}) {
		t.Fatalf("link read as %q %v %v", linkID(lr), confidence(lr), sourceIDs(lr))
	}
	if f := timeProp(lr.Props, "firstSeen"); f == nil || !f.Equal(seen) || timeProp(lr.Props, "lastSeen") != nil {
		t.Fatalf("times read as %v", f)
	}
	if confidence(cypher.LinkRecord{Props: map[string]any{"confidence": int64(1)}}) != 1 {
		t.Fatal("a whole-number confidence is read as a number")
	}
	// A lean link has no sources.
	if sourceIDs(cypher.LinkRecord{Props: map[string]any{"id": "lnk_2"}}) != nil {
		t.Fatal("a link without sources lists some")
	}
	g := grading(map[string]any{"gradeSource": "2", "gradeAssessment": "B", "gradeHandling": "C", "gradeConditions": "no onward"})
	if g != (keyline.Grading{Source: "2", Assessment: "B", Handling: "C", Conditions: "no onward"}) {
		t.Fatalf("grading read as %+v", g)
	}
}

func TestItemReadsRecordEachItemOnce(t *testing.T) {
	it1 := rec(keyline.KindIntelligenceItem, "int_1", map[string]any{"operationId": "op_a"})
	it2 := rec(keyline.KindIntelligenceItem, "int_2", map[string]any{"operationId": "op_b"})
	got := itemReads([]cypher.Record{it1, it2, it1})
	want := []cypher.Read{{Kind: keyline.KindIntelligenceItem, ID: "int_1", OperationID: "op_a"}, {Kind: keyline.KindIntelligenceItem, ID: "int_2", OperationID: "op_b"}}
	if !slices.Equal(got, want) {
		t.Fatalf("reads %v, want %v", got, want)
	}
}

// The network of a key-player question counts each linked pair once,
// whichever way and however often the links join it.
func TestLinkedPairsCountsPairsNotLinks(t *testing.T) {
	link := func(id, from, to string) cypher.LinkRecord {
		return cypher.LinkRecord{Props: map[string]any{"id": id}, From: rec("", from, nil), To: rec("", to, nil)}
	}
	net := Network{Entities: []cypher.Record{rec(keyline.KindPerson, "a", nil), rec(keyline.KindPerson, "b", nil), rec(keyline.KindPerson, "c", nil)},
		Links: []cypher.LinkRecord{link("l1", "a", "b"), link("l2", "b", "a"), link("l3", "b", "c"), link("l4", "c", "c")}}
	if got := linkedPairs(graphOf(net)); got != 2 {
		t.Fatalf("linked pairs %d, want 2", got)
	}
}
