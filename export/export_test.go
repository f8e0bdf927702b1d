package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/keyline/keyline"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/export")

const goldenDir = "../testdata/export"

func ts(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return &t
}

const condText = "Not to be disclosed outside the SOCU without the authority of the originating DI"

// fixture is a small network: three persons, a phone and a vehicle, and
// four links whose sources carry different grades, one of them C-coded.
// Nodes, edges and sources are deliberately out of order.
func fixture() keyline.Graph {
	return keyline.Graph{
		Nodes: []keyline.GraphNode{
			{ID: "veh_01", Kind: keyline.KindVehicle, Label: "AB12 CDE silver Ford Focus", Props: map[string]any{"vrm": "AB12 CDE", "make": "Ford"}},
			{ID: "per_02", Kind: keyline.KindPerson, Label: "OKAFOR, Grace (1990-07-23)", Props: map[string]any{"dob": "1990-07-23", "aliases": []string{"Gee", "G-Money"}}},
			{ID: "com_01", Kind: keyline.KindCommsDevice, Label: "07700 900123", Props: map[string]any{"msisdn": "07700900123", "burner": true}},
			{ID: "per_01", Kind: keyline.KindPerson, Label: "SHAW, Daniel (1994-02-11)", Props: map[string]any{"dob": "1994-02-11", "height_cm": 183}},
			{ID: "per_03", Kind: keyline.KindPerson, Label: "REID, Callum (1988-12-01)"},
		},
		Edges: []keyline.GraphEdge{
			{
				ID: "lnk_04", Type: "CONTACTED", From: "com_01", To: "per_03", Confidence: 0.3,
				Sources: []keyline.SourceRef{
					{ID: "exh_02", Kind: keyline.KindExhibit, Reference: "JS/7"},
				},
			},
			{
				ID: "lnk_02", Type: "USES", From: "per_01", To: "com_01", Confidence: 0.7,
				FirstSeen: ts("2024-02-10T14:30:00Z"), LastSeen: ts("2024-05-01T00:00:00Z"),
				Sources: []keyline.SourceRef{
					{ID: "exh_01", Kind: keyline.KindExhibit, Reference: "JS/3"},
					{ID: "int_03", Kind: keyline.KindIntelligenceItem, Reference: "URN INT/2024/0103",
						Grading: keyline.Grading{Source: "2", Assessment: "C", Handling: "C", Conditions: condText}},
				},
			},
			{
				ID: "lnk_01", Type: "ASSOCIATE_OF", From: "per_01", To: "per_02", Confidence: 0.9,
				FirstSeen: ts("2023-11-03T00:00:00Z"), LastSeen: ts("2024-04-20T00:00:00Z"),
				Sources: []keyline.SourceRef{
					{ID: "int_02", Kind: keyline.KindIntelligenceItem, Reference: "URN INT/2024/0102",
						Grading: keyline.Grading{Source: "2", Assessment: "B", Handling: "P"}},
					{ID: "int_01", Kind: keyline.KindIntelligenceItem, Reference: "URN INT/2023/0091",
						Grading: keyline.Grading{Source: "1", Assessment: "B", Handling: "P"}},
				},
			},
			{
				ID: "lnk_03", Type: "DRIVES", From: "per_03", To: "veh_01", Confidence: 0.5,
				FirstSeen: ts("2024-03-15T08:05:00Z"),
				Sources: []keyline.SourceRef{
					{ID: "int_04", Kind: keyline.KindIntelligenceItem, Reference: "URN INT/2024/0150",
						Grading: keyline.Grading{Source: "3", Assessment: "D", Handling: "P"}},
				},
			},
		},
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if *update {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./export/ -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test ./export/ -update if the change is intended)\n--- got ---\n%s", name, got)
	}
}

func render(t *testing.T, format string, g keyline.Graph) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := Write(&buf, format, g); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	g := fixture()
	for _, f := range Formats {
		t.Run(f, func(t *testing.T) { golden(t, "graph"+FileExtension(f), render(t, f, g)) })
	}
	t.Run("anx cards", func(t *testing.T) {
		var buf bytes.Buffer
		if err := ANX(&buf, g, ANXOptions{SourceCards: true}); err != nil {
			t.Fatal(err)
		}
		golden(t, "graph_cards.anx", buf.Bytes())
	})
}

func TestDeterministicAndInputUntouched(t *testing.T) {
	g := fixture()
	before := fixture()
	// Reverse everything: output must not depend on input order.
	r := fixture()
	for i, j := 0, len(r.Nodes)-1; i < j; i, j = i+1, j-1 {
		r.Nodes[i], r.Nodes[j] = r.Nodes[j], r.Nodes[i]
	}
	for i, j := 0, len(r.Edges)-1; i < j; i, j = i+1, j-1 {
		r.Edges[i], r.Edges[j] = r.Edges[j], r.Edges[i]
	}
	for _, e := range r.Edges {
		for i, j := 0, len(e.Sources)-1; i < j; i, j = i+1, j-1 {
			e.Sources[i], e.Sources[j] = e.Sources[j], e.Sources[i]
		}
	}
	for _, f := range Formats {
		a, b, c := render(t, f, g), render(t, f, r), render(t, f, g)
		if !bytes.Equal(a, b) || !bytes.Equal(a, c) {
			t.Errorf("%s: output depends on input order or varies between runs", f)
		}
	}
	if !reflect.DeepEqual(g, before) {
		t.Error("exporting modified the caller's graph")
	}
}

// anxDoc is just enough of an ANX chart to check what was written.
type anxDoc struct {
	XMLName     xml.Name            `xml:"Chart"`
	GradeOne    anxStrings          `xml:"GradeOne"`
	GradeTwo    anxStrings          `xml:"GradeTwo"`
	GradeThree  anxStrings          `xml:"GradeThree"`
	EntityTypes []anxEntityType     `xml:"EntityTypeCollection>EntityType"`
	LinkTypes   []anxLinkType       `xml:"LinkTypeCollection>LinkType"`
	Classes     []anxAttributeClass `xml:"AttributeClassCollection>AttributeClass"`
	Items       []anxChartItem      `xml:"ChartItemCollection>ChartItem"`
}

func parseANX(t *testing.T, b []byte) anxDoc {
	t.Helper()
	var d anxDoc
	if err := xml.Unmarshal(b, &d); err != nil {
		t.Fatalf("ANX does not parse: %v\n%s", err, b)
	}
	return d
}

func text(s anxStrings, i int) string {
	if i < 0 || i >= len(s.Strings) {
		return "<out of range " + strconv.Itoa(i) + ">"
	}
	return s.Strings[i].Text
}

func TestANXStructure(t *testing.T) {
	var buf bytes.Buffer
	if err := ANX(&buf, fixture(), ANXOptions{SourceCards: true}); err != nil {
		t.Fatal(err)
	}
	d := parseANX(t, buf.Bytes())

	// All XML ids unique.
	allIDs := map[string]bool{}
	dec := xml.NewDecoder(bytes.NewReader(buf.Bytes()))
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				if a.Name.Local == "Id" {
					if allIDs[a.Value] {
						t.Errorf("duplicate Id %q", a.Value)
					}
					allIDs[a.Value] = true
				}
			}
		}
	}

	if len(d.GradeOne.Strings) != 4 || len(d.GradeTwo.Strings) != 6 || len(d.GradeThree.Strings) != 3 {
		t.Fatalf("grade collections: %d/%d/%d entries", len(d.GradeOne.Strings), len(d.GradeTwo.Strings), len(d.GradeThree.Strings))
	}
	icons := map[string]string{}
	for _, et := range d.EntityTypes {
		icons[et.Name] = et.IconFile
	}
	for name, icon := range map[string]string{"Person": "Person", "Organisation": "Organisation", "Location": "House", "Vehicle": "Car", "Comms Device": "Mobile Phone", "Event": "Event"} {
		if icons[name] != icon {
			t.Errorf("entity type %s has icon %q, want %q", name, icons[name], icon)
		}
	}
	if len(d.LinkTypes) != len(LinkTypes) {
		t.Errorf("%d link types, want %d", len(d.LinkTypes), len(LinkTypes))
	}

	entities := map[string]anxChartItem{} // by Identity (Keyline id)
	links := map[string]anxChartItem{}    // by Keyline ID attribute
	for _, it := range d.Items {
		switch {
		case it.End != nil:
			entities[it.End.Entity.Identity] = it
			if it.End.Entity.EntityID != it.ID {
				t.Errorf("entity %s: EntityId %q != chart item Id %q", it.Label, it.End.Entity.EntityID, it.ID)
			}
		case it.Link != nil:
			for _, a := range it.Attributes.Attributes {
				if a.Class == attrKeylineID {
					links[a.Value] = it
				}
			}
		}
	}
	if len(entities) != 5 || len(links) != 4 {
		t.Fatalf("%d entities and %d links, want 5 and 4", len(entities), len(links))
	}
	if got := entities["com_01"].End.Entity.Icon.Style.Type; got != "Comms Device" {
		t.Errorf("phone icon style type %q", got)
	}

	// Grade indices point at the right strings: the strongest source's
	// evaluation and assessment; handling C if any source is C.
	for id, want := range map[string][3]string{
		"lnk_01": {"1 - Reliable", "B - Known indirectly but corroborated", "P - Lawful sharing permitted"},
		"lnk_02": {"2 - Untested", "C - Known indirectly", "C - Lawful sharing permitted subject to conditions"},
		"lnk_03": {"3 - Not reliable", "D - Not known", "P - Lawful sharing permitted"},
		"lnk_04": {"- Not graded", "- Not graded", "- Not graded"},
	} {
		it := links[id]
		got := [3]string{text(d.GradeOne, it.GradeOneIndex), text(d.GradeTwo, it.GradeTwoIndex), text(d.GradeThree, it.GradeThreeIndex)}
		if got != want {
			t.Errorf("%s grades %q, want %q", id, got, want)
		}
	}

	l1 := links["lnk_01"]
	if l1.SourceReference != "URN INT/2023/0091; URN INT/2024/0102" || l1.SourceType != "Intelligence item" {
		t.Errorf("lnk_01 sources %q / %q", l1.SourceReference, l1.SourceType)
	}
	if !l1.DateSet || l1.TimeSet || l1.DateTime != "2023-11-03T00:00:00.000" {
		t.Errorf("lnk_01 date %v %v %q", l1.DateSet, l1.TimeSet, l1.DateTime)
	}
	if l1.Link.End1ID != entities["per_01"].ID || l1.Link.End2ID != entities["per_02"].ID {
		t.Errorf("lnk_01 ends %s-%s", l1.Link.End1ID, l1.Link.End2ID)
	}
	if l1.Link.Style.ArrowStyle != "ArrowNone" || links["lnk_03"].Link.Style.ArrowStyle != "ArrowOnHead" {
		t.Error("arrow styles: ASSOCIATE_OF should have none, DRIVES one on the head")
	}
	if !strings.Contains(l1.Description, "Confidence: 0.9") {
		t.Errorf("lnk_01 description lacks its confidence:\n%s", l1.Description)
	}

	// C-coded conditions travel in the description and on the source's card.
	l2 := links["lnk_02"]
	if !strings.HasPrefix(l2.Description, "HANDLING CODE C") || !strings.Contains(l2.Description, "URN INT/2024/0103: "+condText) {
		t.Errorf("lnk_02 description does not lead with the handling conditions:\n%s", l2.Description)
	}
	if l2.SourceReference != "URN INT/2024/0103; JS/3" || l2.SourceType != "Intelligence item; Exhibit" {
		t.Errorf("lnk_02 sources %q / %q", l2.SourceReference, l2.SourceType)
	}
	if l2.Link.Cards == nil || len(l2.Link.Cards.Cards) != 2 {
		t.Fatalf("lnk_02 cards %+v, want 2", l2.Link.Cards)
	}
	card := l2.Link.Cards.Cards[0]
	if card.SourceReference != "URN INT/2024/0103" || text(d.GradeThree, card.GradeThreeIndex) != gradeThree[2] || !strings.Contains(card.Text, condText) {
		t.Errorf("C-coded card %+v", card)
	}
	if ex := l2.Link.Cards.Cards[1]; ex.GradeOneIndex != 0 || ex.SourceType != "Exhibit" {
		t.Errorf("exhibit card %+v", ex)
	}
	if !l2.TimeSet || l2.DateTime != "2024-02-10T14:30:00.000" {
		t.Errorf("lnk_02 time %v %q", l2.TimeSet, l2.DateTime)
	}

	// Entity attributes declared with fitting types.
	types := map[string]string{}
	for _, c := range d.Classes {
		types[c.Name] = c.Type
	}
	for name, typ := range map[string]string{"height_cm": "AttNumber", "burner": "AttFlag", "dob": "AttText", attrConfidence: "AttNumber", attrLastSeen: "AttTime"} {
		if types[name] != typ {
			t.Errorf("attribute class %s is %q, want %q", name, types[name], typ)
		}
	}
	var aliases string
	for _, a := range entities["per_02"].Attributes.Attributes {
		if a.Class == "aliases" {
			aliases = a.Value
		}
	}
	if aliases != "Gee; G-Money" {
		t.Errorf("aliases attribute %q", aliases)
	}
}

func TestGradeIndex(t *testing.T) {
	for i, code := range []string{"1", "2", "3"} {
		if got := gradeIndex(gradeOne, code); got != i+1 || !strings.HasPrefix(gradeOne[got], code+" ") {
			t.Errorf("source %s -> %d", code, got)
		}
	}
	for i, code := range []string{"A", "B", "C", "D", "E"} {
		if got := gradeIndex(gradeTwo, code); got != i+1 || !strings.HasPrefix(gradeTwo[got], code+" ") {
			t.Errorf("assessment %s -> %d", code, got)
		}
	}
	for i, code := range []string{"P", "C"} {
		if got := gradeIndex(gradeThree, code); got != i+1 || !strings.HasPrefix(gradeThree[got], code+" ") {
			t.Errorf("handling %s -> %d", code, got)
		}
	}
	if gradeIndex(gradeOne, "") != 0 || gradeIndex(gradeOne, "9") != 0 {
		t.Error("unknown codes must map to not graded")
	}
}

// gmlDocIn reads GraphML back.
type gmlDocIn struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []gmlKey `xml:"key"`
	Graph   gmlGraph `xml:"graph"`
}

func parseGraphML(t *testing.T, b []byte) gmlDocIn {
	t.Helper()
	var d gmlDocIn
	if err := xml.Unmarshal(b, &d); err != nil {
		t.Fatalf("GraphML does not parse: %v\n%s", err, b)
	}
	return d
}

func data(ds []gmlData, key string) string {
	for _, d := range ds {
		if d.Key == key {
			return d.Value
		}
	}
	return ""
}

func TestGraphMLStructure(t *testing.T) {
	d := parseGraphML(t, render(t, "graphml", fixture()))
	keys := map[string]bool{}
	for _, k := range d.Keys {
		keys[k.ID] = true
	}
	for _, k := range []string{"kind", "label", "type", "confidence", "firstSeen", "lastSeen", "sources", "grade"} {
		if !keys[k] {
			t.Errorf("no <key id=%q>", k)
		}
	}
	if d.Graph.EdgeDefault != "undirected" || len(d.Graph.Nodes) != 5 || len(d.Graph.Edges) != 4 {
		t.Fatalf("graph %q with %d nodes, %d edges", d.Graph.EdgeDefault, len(d.Graph.Nodes), len(d.Graph.Edges))
	}
	for _, e := range d.Graph.Edges {
		if e.ID == "lnk_02" {
			if e.Source != "per_01" || e.Target != "com_01" {
				t.Errorf("lnk_02 runs %s->%s", e.Source, e.Target)
			}
			if data(e.Data, "grade") != "2C C" || !strings.Contains(data(e.Data, "conditions"), condText) {
				t.Errorf("lnk_02 grade %q conditions %q", data(e.Data, "grade"), data(e.Data, "conditions"))
			}
		}
	}
}

func TestJSONStructure(t *testing.T) {
	var d struct {
		Elements struct {
			Nodes []struct{ Data map[string]any }
			Edges []struct {
				Data struct {
					ID, Source, Target, Type, Grade string
					Confidence                      float64
					Conditions                      []string
					Sources                         []struct{ ID, Reference, Grade, Conditions string }
				}
			}
		}
	}
	b := render(t, "json", fixture())
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("JSON does not parse: %v\n%s", err, b)
	}
	if len(d.Elements.Nodes) != 5 || len(d.Elements.Edges) != 4 {
		t.Fatalf("%d nodes, %d edges", len(d.Elements.Nodes), len(d.Elements.Edges))
	}
	if n := d.Elements.Nodes[0].Data; n["id"] != "com_01" || n["kind"] != "CommsDevice" || n["label"] != "07700 900123" {
		t.Errorf("first node %v", n)
	}
	e := d.Elements.Edges[0].Data
	if e.ID != "lnk_01" || e.Source != "per_01" || e.Target != "per_02" || e.Type != "ASSOCIATE_OF" || e.Confidence != 0.9 || e.Grade != "1B P" {
		t.Errorf("first edge %+v", e)
	}
	if len(e.Sources) != 2 || e.Sources[0].Grade != "1B P" || e.Sources[0].Reference != "URN INT/2023/0091" || e.Sources[1].Grade != "2B P" {
		t.Errorf("first edge sources %+v", e.Sources)
	}
	c := d.Elements.Edges[1].Data
	if c.Sources[0].Grade != "2C C" || c.Sources[0].Conditions != condText || c.Sources[1].Grade != "" || len(c.Conditions) != 1 {
		t.Errorf("C-coded edge %+v", c)
	}
}

const hostile = `<script>alert(1)</script>&"'` + "\x00\x1b]]>"

// hostileGraph puts markup and control characters everywhere text goes.
func hostileGraph() keyline.Graph {
	return keyline.Graph{
		Nodes: []keyline.GraphNode{
			{ID: "per_<a>&\"1", Kind: keyline.KindPerson, Label: hostile, Props: map[string]any{hostile: hostile}},
			{ID: "per 2", Kind: keyline.Kind(hostile), Label: "<b>"},
		},
		Edges: []keyline.GraphEdge{{
			ID: "lnk&1", Type: hostile, From: "per_<a>&\"1", To: "per 2", Confidence: 1,
			Sources: []keyline.SourceRef{{ID: hostile, Kind: keyline.KindIntelligenceItem, Reference: hostile,
				Grading: keyline.Grading{Source: "1", Assessment: "A", Handling: "C", Conditions: hostile}}},
		}},
	}
}

// clean is how the hostile text reads back: XML cannot carry NUL or ESC.
var clean = strings.NewReplacer("\x00", "\uFFFD", "\x1b", "\uFFFD").Replace(hostile)

func TestHostileTextIsEscaped(t *testing.T) {
	g := hostileGraph()
	for _, f := range Formats {
		b := render(t, f, g)
		if bytes.Contains(b, []byte("<script>")) || bytes.Contains(b, []byte("<b>")) {
			t.Errorf("%s: markup from the data reached the output unescaped", f)
		}
	}

	var buf bytes.Buffer
	if err := ANX(&buf, g, ANXOptions{SourceCards: true}); err != nil {
		t.Fatal(err)
	}
	d := parseANX(t, buf.Bytes())
	var labels []string
	for _, it := range d.Items {
		labels = append(labels, it.Label)
		if it.End != nil {
			for _, r := range it.ID {
				if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_-.", r)) {
					t.Errorf("chart item Id %q is not a valid XML id", it.ID)
					break
				}
			}
		}
		if it.Link != nil {
			if it.SourceReference != clean || !strings.Contains(it.Description, clean) || it.Link.Cards.Cards[0].Summary != clean {
				t.Errorf("ANX link text did not round-trip: %q", it.SourceReference)
			}
		}
	}
	if !containsStr(labels, clean) {
		t.Errorf("ANX labels %q lack the hostile label", labels)
	}

	gd := parseGraphML(t, render(t, "graphml", g))
	if got := data(gd.Graph.Nodes[1].Data, "label"); got != clean {
		t.Errorf("GraphML label %q", got)
	}
	if gd.Graph.Nodes[1].ID != "per_<a>&\"1" || gd.Graph.Edges[0].Source != "per_<a>&\"1" {
		t.Errorf("GraphML ids %q %q", gd.Graph.Nodes[1].ID, gd.Graph.Edges[0].Source)
	}

	var jd struct {
		Elements struct {
			Nodes []struct{ Data map[string]any }
		}
	}
	if err := json.Unmarshal(render(t, "json", g), &jd); err != nil {
		t.Fatal(err)
	}
	if jd.Elements.Nodes[1].Data["label"] != hostile {
		t.Errorf("JSON label %q", jd.Elements.Nodes[1].Data["label"])
	}
}

func containsStr(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestWriteDispatch(t *testing.T) {
	for f, want := range map[string]string{"anx": "application/xml", "GraphML": "application/graphml+xml", " json ": "application/json"} {
		var buf bytes.Buffer
		ct, err := Write(&buf, f, fixture())
		if err != nil || !strings.HasPrefix(ct, want) || buf.Len() == 0 {
			t.Errorf("Write(%q) = %q, %v", f, ct, err)
		}
	}
	var buf bytes.Buffer
	ct, err := Write(&buf, "pdf", fixture())
	if err == nil || ct != "" || buf.Len() != 0 || keyline.ErrorCode(err) != keyline.CodeInvalid {
		t.Errorf("unknown format: %q, %v, %d bytes", ct, err, buf.Len())
	}
	for f, ext := range map[string]string{"anx": ".anx", "graphml": ".graphml", "JSON": ".json", "pdf": ""} {
		if got := FileExtension(f); got != ext {
			t.Errorf("FileExtension(%q) = %q", f, got)
		}
	}
}

func TestInvalidGraphsWriteNothing(t *testing.T) {
	n := func(id string) keyline.GraphNode { return keyline.GraphNode{ID: id, Kind: keyline.KindPerson} }
	for name, g := range map[string]keyline.Graph{
		"dangling link":  {Nodes: []keyline.GraphNode{n("a")}, Edges: []keyline.GraphEdge{{ID: "l", From: "a", To: "b"}}},
		"duplicate node": {Nodes: []keyline.GraphNode{n("a"), n("a")}},
		"duplicate link": {Nodes: []keyline.GraphNode{n("a")}, Edges: []keyline.GraphEdge{{ID: "l", From: "a", To: "a"}, {ID: "l", From: "a", To: "a"}}},
		"empty node id":  {Nodes: []keyline.GraphNode{n("")}},
		"NaN confidence": {Nodes: []keyline.GraphNode{n("a")}, Edges: []keyline.GraphEdge{{ID: "l", From: "a", To: "a", Confidence: math.NaN()}}},
	} {
		for _, f := range Formats {
			var buf bytes.Buffer
			if _, err := Write(&buf, f, g); err == nil || buf.Len() != 0 {
				t.Errorf("%s/%s: err %v, %d bytes written", name, f, err, buf.Len())
			}
		}
	}
}

func TestEmptyGraph(t *testing.T) {
	for _, f := range Formats {
		b := render(t, f, keyline.Graph{})
		if f == "json" && !bytes.Contains(b, []byte(`"nodes": []`)) {
			t.Errorf("empty JSON should have empty arrays:\n%s", b)
		}
	}
	parseANX(t, render(t, "anx", keyline.Graph{}))
	parseGraphML(t, render(t, "graphml", keyline.Graph{}))
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriterErrorsReturned(t *testing.T) {
	for _, f := range Formats {
		if _, err := Write(failWriter{}, f, fixture()); err == nil {
			t.Errorf("%s: writer error swallowed", f)
		}
	}
}

func TestProvenance(t *testing.T) {
	src := func(id, grade, cond string) keyline.SourceRef {
		s := keyline.SourceRef{ID: id, Reference: "URN " + id, Kind: keyline.KindIntelligenceItem}
		if grade != "" {
			s.Grading = keyline.Grading{Source: grade[:1], Assessment: grade[1:2], Handling: grade[3:], Conditions: cond}
		}
		return s
	}
	// A strong P source and a weak C source: the grade is the strong one's,
	// but handling is C and the weak source's conditions travel.
	_, edges, err := prepare(keyline.Graph{
		Nodes: []keyline.GraphNode{{ID: "a"}},
		Edges: []keyline.GraphEdge{{ID: "l", From: "a", To: "a", Sources: []keyline.SourceRef{
			src("weak", "3E C", "refer to DS Smith"), {ID: "exh", Kind: keyline.KindExhibit, Reference: "JS/1"}, src("strong", "1A P", ""),
		}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	ss := edges[0].Sources
	if ss[0].ID != "strong" || ss[1].ID != "weak" || ss[2].ID != "exh" {
		t.Errorf("source order %s, %s, %s", ss[0].ID, ss[1].ID, ss[2].ID)
	}
	p := summarise(ss)
	if p.Grade() != "1A C" || p.Handling() != "C" || len(p.Conditions) != 1 || p.Conditions[0] != "URN weak: refer to DS Smith" {
		t.Errorf("summary %+v grade %q", p, p.Grade())
	}
	// Handling C with no conditions recorded still warns.
	p = summarise([]keyline.SourceRef{src("x", "2B C", "")})
	if p.Handling() != "C" || len(p.Conditions) != 1 || !strings.Contains(p.Conditions[0], "not recorded") {
		t.Errorf("unrecorded conditions: %+v", p)
	}
	// Exhibits alone are not graded.
	if p := summarise([]keyline.SourceRef{{ID: "e", Kind: keyline.KindExhibit}}); p.Grade() != "" || p.Handling() != "" {
		t.Errorf("exhibit-only summary %+v", p)
	}
}

func TestANXOmitsEmptyCollections(t *testing.T) {
	b := render(t, "anx", fixture())
	if bytes.Contains(b, []byte("<CardCollection")) {
		t.Error("cards written without ANXOptions.SourceCards")
	}
	if bytes.Contains(b, []byte("<AttributeCollection></AttributeCollection>")) || bytes.Contains(b, []byte("<AttributeCollection/>")) {
		t.Error("empty AttributeCollection written")
	}
}
