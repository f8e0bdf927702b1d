package importer

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/keyline/keyline"
)

func fixture(name string) string { return filepath.Join("..", "testdata", "import", name) }

// mapRow validates and maps one row of kind as the importer does.
func mapRow(t *testing.T, kind string, vals map[string]any) (Row, string, error) {
	t.Helper()
	k := kinds[kind]
	clean, lerr := jsonValues(k, vals)
	if lerr != nil {
		t.Fatalf("jsonValues: %v", lerr)
	}
	r := &row{vals: clean}
	out, key := k.build(r, &mapCtx{now: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)})
	return out, key, r.err
}

type mapCase struct {
	name  string
	vals  map[string]any
	field string // the field at fault; "" when the row is valid
	check func(t *testing.T, out Row, key string)
}

func runCases(t *testing.T, kind string, cases []mapCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, key, err := mapRow(t, kind, c.vals)
			if c.field == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if c.check != nil {
					c.check(t, out, key)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted; want an error on %s", c.field)
			}
			if f, _ := errText(err); f != c.field {
				t.Fatalf("error on %q (%v); want %q", f, err, c.field)
			}
		})
	}
}

func props(t *testing.T, out Row) map[string]any {
	t.Helper()
	if len(out.Nodes) == 0 {
		t.Fatal("no records")
	}
	return out.Nodes[0].Props
}

func TestNominalMapping(t *testing.T) {
	ok := map[string]any{"sourceRef": "N1", "givenNames": "Daniel", "familyName": "SHAW"}
	with := func(k string, v any) vals {
		m := vals{}
		for a, b := range ok {
			m[a] = b
		}
		m[k] = v
		return m
	}
	runCases(t, "nominals", []mapCase{
		{name: "minimal", vals: ok, check: func(t *testing.T, out Row, key string) {
			n := out.Nodes[0]
			if key != "N1" || n.Key != "N1" || n.Kind != keyline.KindPerson {
				t.Fatalf("key %q node %+v", key, n)
			}
			if _, set := n.Props["aliases"]; set {
				t.Fatal("an absent column must not be written (an import never clears a field)")
			}
			if !reflect.DeepEqual(n.CreateOnly["aliases"], []string{}) {
				t.Fatalf("new persons need empty lists: %v", n.CreateOnly)
			}
		}},
		{name: "full", vals: with("aliases", "Danny; DJ ;Danny").with("dateOfBirth", "1994-02-11").with("pncId", "94/123456k").with("warningMarkers", "violent;Self harm"),
			check: func(t *testing.T, out Row, _ string) {
				p := props(t, out)
				if !reflect.DeepEqual(p["aliases"], []string{"Danny", "DJ"}) {
					t.Errorf("aliases %v", p["aliases"])
				}
				if d := p["dateOfBirth"].(keyline.Date); d.String() != "1994-02-11" {
					t.Errorf("dob %v", d)
				}
				if p["pncId"] != "94/123456K" {
					t.Errorf("pnc %v", p["pncId"])
				}
				if !reflect.DeepEqual(p["warningMarkers"], []string{"VIOLENT", "SELF_HARM"}) {
					t.Errorf("markers %v", p["warningMarkers"])
				}
			}},
		{name: "aliases as a JSON list", vals: with("aliases", []any{"Danny", "DJ"}), check: func(t *testing.T, out Row, _ string) {
			if !reflect.DeepEqual(props(t, out)["aliases"], []string{"Danny", "DJ"}) {
				t.Fatal(props(t, out)["aliases"])
			}
		}},
		{name: "no source ref", vals: with("sourceRef", ""), field: "sourceRef"},
		{name: "no family name", vals: with("familyName", nil), field: "familyName"},
		{name: "bad date", vals: with("dateOfBirth", "11/02/1994"), field: "dateOfBirth"},
		{name: "future birth", vals: with("dateOfBirth", "2030-01-01"), field: "dateOfBirth"},
		{name: "bad PNC", vals: with("pncId", "85-4471"), field: "pncId"},
		{name: "unknown marker", vals: with("warningMarkers", "KNIFE"), field: "warningMarkers"},
		{name: "long name", vals: with("givenNames", strings.Repeat("x", maxName+1)), field: "givenNames"},
		{name: "ref with separator", vals: with("sourceRef", "N1;N2"), field: "sourceRef"},
	})
}

// with lets the table above chain column overrides.
type vals map[string]any

func (m vals) with(k string, v any) vals { m[k] = v; return m }

func TestAddressMapping(t *testing.T) {
	base := func() vals {
		return vals{"sourceRef": "L1", "address": "14 Claremont Road, Manchester", "postcode": "m14 4rn"}
	}
	runCases(t, "addresses", []mapCase{
		{name: "no link", vals: base(), check: func(t *testing.T, out Row, _ string) {
			p := props(t, out)
			if p["postcode"] != "M14 4RN" || len(out.Links) != 0 {
				t.Fatalf("%v %v", p, out.Links)
			}
			if out.Nodes[0].CreateOnly["kind"] != "OTHER" {
				t.Fatal("a location without a kind is created as OTHER")
			}
		}},
		{name: "resident", vals: base().with("personRef", "N1").with("sourceUrn", "INT/1").with("kind", "Residential").with("latitude", "53.4571").with("longitude", "-2.229"),
			check: func(t *testing.T, out Row, _ string) {
				p := props(t, out)
				if p["kind"] != "RESIDENTIAL" || p["latitude"] != 53.4571 {
					t.Fatalf("%v", p)
				}
				l := out.Links[0]
				if l.Type != "RESIDES_AT" || l.From.Key != "N1" || l.To.Key != "L1" || l.Source != "INT/1" || l.Props["confidence"] != 1.0 {
					t.Fatalf("%+v", l)
				}
			}},
		{name: "trap house with a space", vals: base().with("kind", "trap house"), check: func(t *testing.T, out Row, _ string) {
			if props(t, out)["kind"] != "TRAP_HOUSE" {
				t.Fatal(props(t, out))
			}
		}},
		{name: "bad postcode", vals: base().with("postcode", "NOT A POSTCODE"), field: "postcode"},
		{name: "latitude alone", vals: base().with("latitude", "53.4"), field: "longitude"},
		{name: "latitude out of range", vals: base().with("latitude", "95").with("longitude", "0"), field: "latitude"},
		{name: "unknown kind", vals: base().with("kind", "CASTLE"), field: "kind"},
		{name: "link without source", vals: base().with("personRef", "N1"), field: "sourceUrn"},
		{name: "source without link", vals: base().with("sourceUrn", "INT/1"), field: "sourceUrn"},
		{name: "confidence out of range", vals: base().with("personRef", "N1").with("sourceUrn", "INT/1").with("confidence", "1.5"), field: "confidence"},
		{name: "no address", vals: vals{"sourceRef": "L1"}, field: "address"},
	})
}

func TestVehicleMapping(t *testing.T) {
	runCases(t, "vehicles", []mapCase{
		{name: "normalised vrm is the key", vals: vals{"vrm": "ma19 xyz", "make": "Audi", "keeperRef": "N1", "sourceUrn": "INT/1"},
			check: func(t *testing.T, out Row, key string) {
				if key != "MA19XYZ" || props(t, out)["vrm"] != "MA19XYZ" || props(t, out)["make"] != "Audi" {
					t.Fatalf("%q %v", key, props(t, out))
				}
				if l := out.Links[0]; l.Type != "REGISTERED_KEEPER" || l.From.Key != "N1" || l.To.Key != "MA19XYZ" {
					t.Fatalf("%+v", l)
				}
			}},
		{name: "bad vrm", vals: vals{"vrm": "NOT-A-VRM!"}, field: "vrm"},
		{name: "no vrm", vals: vals{"make": "Ford"}, field: "vrm"},
		{name: "long colour", vals: vals{"vrm": "BD51SMR", "colour": strings.Repeat("x", 31)}, field: "colour"},
	})
}

func TestPhoneMapping(t *testing.T) {
	runCases(t, "phones", []mapCase{
		{name: "UK mobile", vals: vals{"number": "07700 900123", "userRef": "N1", "sourceUrn": "INT/1"},
			check: func(t *testing.T, out Row, key string) {
				n := out.Nodes[0]
				if key != "+447700900123" || n.Props["number"] != "+447700900123" || n.CreateOnly["kind"] != "MOBILE" {
					t.Fatalf("%q %+v", key, n)
				}
				if _, given := n.Props["kind"]; given {
					t.Fatal("an inferred kind must not overwrite one set in Keyline")
				}
				if l := out.Links[0]; l.Type != "USES" || l.From.Key != "N1" || l.To.Key != "+447700900123" {
					t.Fatalf("%+v", l)
				}
			}},
		{name: "landline", vals: vals{"number": "0161 496 0000"}, check: func(t *testing.T, out Row, _ string) {
			if out.Nodes[0].CreateOnly["kind"] != "LANDLINE" {
				t.Fatal(out.Nodes[0])
			}
		}},
		{name: "handset by IMEI", vals: vals{"imei": "356938035643809"}, check: func(t *testing.T, out Row, key string) {
			if key != "IMEI:356938035643809" || out.Nodes[0].CreateOnly["kind"] != "HANDSET" {
				t.Fatalf("%q %+v", key, out.Nodes[0])
			}
		}},
		{name: "neither", vals: vals{"lineName": "X"}, field: "number"},
		{name: "bad number", vals: vals{"number": "12345"}, field: "number"},
		{name: "bad IMEI check digit", vals: vals{"imei": "356938035643808"}, field: "imei"},
		{name: "email is not a phone", vals: vals{"number": "07700900789", "kind": "EMAIL"}, field: "kind"},
		{name: "handset without IMEI", vals: vals{"number": "07700900789", "kind": "HANDSET"}, field: "imei"},
	})
}

func TestIntelligenceMapping(t *testing.T) {
	base := func() vals {
		return vals{"urn": "INT/2026/1", "receivedAt": "2026-01-14T09:30:00+01:00", "sourceType": "chis",
			"classification": "SECRET", "sanitisedText": "text"}
	}
	graded := func() vals {
		return base().with("gradeSource", "2").with("gradeAssessment", "b").with("gradeHandling", "P")
	}
	runCases(t, "intelligence", []mapCase{
		{name: "3x5x2", vals: graded().with("mentions", "N1:SUBJECT; VEHICLE:ma19 xyz:USED ;PHONE:07700 900123:USED"),
			check: func(t *testing.T, out Row, key string) {
				n := out.Nodes[0]
				if key != "INT/2026/1" || n.Kind != keyline.KindIntelligenceItem {
					t.Fatal(key, n)
				}
				if got := n.Props["receivedAt"].(time.Time); !got.Equal(time.Date(2026, 1, 14, 8, 30, 0, 0, time.UTC)) {
					t.Errorf("receivedAt %v", got)
				}
				want := map[string]any{"gradeSource": "2", "gradeAssessment": "B", "gradeHandling": "P", "gradeConditions": nil,
					"legacySource": nil, "legacyInformation": nil, "legacyHandling": nil}
				if !reflect.DeepEqual(n.Fixed, want) {
					t.Errorf("fixed %v", n.Fixed)
				}
				if n.Props["sourceType"] != "CHIS" {
					t.Errorf("%v", n.Props)
				}
				if len(out.Rels) != 3 {
					t.Fatalf("%+v", out.Rels)
				}
				if r := out.Rels[0]; r.To.Key != "N1" || len(r.To.Kinds) != 4 || r.Props["role"] != "SUBJECT" {
					t.Errorf("%+v", r)
				}
				if r := out.Rels[1]; r.To.Key != "MA19XYZ" || r.To.Kinds[0] != keyline.KindVehicle {
					t.Errorf("%+v", r)
				}
				if r := out.Rels[2]; r.To.Key != "+447700900123" || r.To.Kinds[0] != keyline.KindCommsDevice {
					t.Errorf("%+v", r)
				}
			}},
		{name: "handling C with conditions", vals: base().with("gradeSource", "1").with("gradeAssessment", "A").with("gradeHandling", "C").with("gradeConditions", "SOCU only"),
			check: func(t *testing.T, out Row, _ string) {
				if out.Nodes[0].Fixed["gradeConditions"] != "SOCU only" {
					t.Fatal(out.Nodes[0].Fixed)
				}
			}},
		{name: "legacy mapped and kept", vals: base().with("legacySource", "b").with("legacyInformation", "2").with("legacyHandling", "3"),
			check: func(t *testing.T, out Row, _ string) {
				f := out.Nodes[0].Fixed
				if f["legacySource"] != "B" || f["legacyInformation"] != "2" || f["legacyHandling"] != "3" {
					t.Errorf("legacy %v", f)
				}
				if f["gradeSource"] != "1" || f["gradeAssessment"] != "A" || f["gradeHandling"] != "C" || f["gradeConditions"] == nil {
					t.Errorf("mapped %v", f)
				}
			}},
		{name: "date-only receivedAt", vals: graded().with("receivedAt", "2019-05-02"), check: func(t *testing.T, out Row, _ string) {
			if got := props(t, out)["receivedAt"].(time.Time); !got.Equal(time.Date(2019, 5, 2, 0, 0, 0, 0, time.UTC)) {
				t.Fatal(got)
			}
		}},
		{name: "both gradings", vals: graded().with("legacySource", "A"), field: "legacySource"},
		{name: "ungraded", vals: base(), field: "gradeSource"},
		{name: "C without conditions", vals: base().with("gradeSource", "1").with("gradeAssessment", "A").with("gradeHandling", "C"), field: "gradeConditions"},
		{name: "P with conditions", vals: graded().with("gradeConditions", "x"), field: "gradeConditions"},
		{name: "bad source evaluation", vals: graded().with("gradeSource", "4"), field: "gradeSource"},
		{name: "bad legacy information", vals: base().with("legacySource", "A").with("legacyInformation", "6").with("legacyHandling", "1"), field: "legacyInformation"},
		{name: "bad classification", vals: graded().with("classification", "RESTRICTED"), field: "classification"},
		{name: "bad source type", vals: graded().with("sourceType", "PSYCHIC"), field: "sourceType"},
		{name: "no receivedAt", vals: graded().with("receivedAt", nil), field: "receivedAt"},
		{name: "bad receivedAt", vals: graded().with("receivedAt", "14/01/2026"), field: "receivedAt"},
		{name: "no text", vals: graded().with("sanitisedText", " "), field: "sanitisedText"},
		{name: "bad review date", vals: graded().with("reviewDate", "2027"), field: "reviewDate"},
		{name: "mention without role", vals: graded().with("mentions", "N1"), field: "mentions"},
		{name: "mention of a bad VRM", vals: graded().with("mentions", "VEHICLE:???:USED"), field: "mentions"},
	})
}

func TestContactMapping(t *testing.T) {
	runCases(t, "contacts", []mapCase{
		{name: "call data", vals: vals{"fromNumber": "07700900123", "toNumber": "+44 7700 900456", "count": "42",
			"firstSeen": "2026-01-02T08:15:00Z", "lastSeen": "2026-01-30", "sourceUrn": "INT/1"},
			check: func(t *testing.T, out Row, key string) {
				if key != "+447700900123>+447700900456" || len(out.Nodes) != 2 || !out.Nodes[0].Ensure || !out.Nodes[1].Ensure {
					t.Fatalf("%q %+v", key, out.Nodes)
				}
				l := out.Links[0]
				if l.Type != "CONTACTED" || l.Props["count"] != 42 || l.From.Key != "+447700900123" || l.To.Key != "+447700900456" {
					t.Fatalf("%+v", l)
				}
				if !l.Props["lastSeen"].(time.Time).Equal(time.Date(2026, 1, 30, 0, 0, 0, 0, time.UTC)) {
					t.Fatal(l.Props)
				}
			}},
		{name: "self", vals: vals{"fromNumber": "07700900123", "toNumber": "07700900123", "sourceUrn": "INT/1"}, field: "toNumber"},
		{name: "negative count", vals: vals{"fromNumber": "07700900123", "toNumber": "07700900456", "count": "-1", "sourceUrn": "INT/1"}, field: "count"},
		{name: "count not a number", vals: vals{"fromNumber": "07700900123", "toNumber": "07700900456", "count": "lots", "sourceUrn": "INT/1"}, field: "count"},
		{name: "period backwards", vals: vals{"fromNumber": "07700900123", "toNumber": "07700900456", "firstSeen": "2026-01-20", "lastSeen": "2026-01-10", "sourceUrn": "INT/1"}, field: "lastSeen"},
		{name: "no source", vals: vals{"fromNumber": "07700900123", "toNumber": "07700900456"}, field: "sourceUrn"},
		{name: "bad number", vals: vals{"fromNumber": "999", "toNumber": "07700900456", "sourceUrn": "INT/1"}, field: "fromNumber"},
	})
	t.Run("file default source", func(t *testing.T) {
		k := kinds["contacts"]
		r := &row{vals: map[string]any{"fromNumber": "07700900123", "toNumber": "07700900456"}}
		out, _ := k.build(r, &mapCtx{sourceURN: "INT/DEFAULT"})
		if r.err != nil || out.Links[0].Source != "INT/DEFAULT" {
			t.Fatalf("%v %+v", r.err, out.Links)
		}
	})
}

func TestActionMapping(t *testing.T) {
	runCases(t, "actions", []mapCase{
		{name: "raised", vals: vals{"sourceRef": "A-1", "title": "Identify the user", "priority": "high", "dueDate": "2026-03-01",
			"requiredSkills": "comms;analysis", "raisedFromUrn": "INT/1;INT/2"},
			check: func(t *testing.T, out Row, key string) {
				n := out.Nodes[0]
				if key != "A-1" || n.Props["priority"] != "HIGH" || n.CreateOnly["status"] != "RAISED" {
					t.Fatalf("%+v", n)
				}
				if _, moves := n.Props["status"]; moves {
					t.Fatal("status must be create-only: actions move on in Keyline")
				}
				if !reflect.DeepEqual(n.Props["requiredSkills"], []string{"COMMS", "ANALYSIS"}) {
					t.Error(n.Props["requiredSkills"])
				}
				if len(out.Rels) != 2 || out.Rels[1].Type != "RAISED_FROM" || out.Rels[1].To.Key != "INT/2" {
					t.Errorf("%+v", out.Rels)
				}
			}},
		{name: "status RAISED accepted", vals: vals{"sourceRef": "A-1", "title": "t", "priority": "LOW", "status": "raised"}},
		{name: "other status refused", vals: vals{"sourceRef": "A-1", "title": "t", "priority": "LOW", "status": "ALLOCATED"}, field: "status"},
		{name: "bad priority", vals: vals{"sourceRef": "A-1", "title": "t", "priority": "URGENT"}, field: "priority"},
		{name: "no priority", vals: vals{"sourceRef": "A-1", "title": "t"}, field: "priority"},
		{name: "no title", vals: vals{"sourceRef": "A-1", "priority": "LOW"}, field: "title"},
	})
}

// Each fixture holds good rows and bad ones; the importer reports each bad
// one by line with the field at fault, before anything reaches the store.
func TestFixturesValidate(t *testing.T) {
	cases := []struct {
		file   string
		good   int
		reject map[int]string // line -> field ("" for a row-level reason)
	}{
		{"nominals.csv", 4, map[int]string{5: "dateOfBirth", 6: "pncId", 7: "familyName", 8: "warningMarkers", 9: ""}},
		{"intelligence.jsonl", 5, map[int]string{3: "legacySource", 4: "gradeConditions", 7: ""}},
		{"addresses.csv", 4, map[int]string{4: "longitude", 5: "postcode", 7: "sourceUrn"}},
		{"vehicles.jsonl", 3, map[int]string{3: "vrm", 5: "", 6: "owner"}},
		{"phones.csv", 4, map[int]string{6: "number", 7: "imei", 8: "kind"}},
		{"contacts.csv", 3, map[int]string{5: "toNumber", 6: "count", 7: "lastSeen", 8: "", 9: "sourceUrn"}},
		{"actions.csv", 3, map[int]string{4: "priority", 5: "status"}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			good, rejects := validateOnly(t, fixture(c.file), "")
			if good != c.good {
				t.Errorf("%d good rows; want %d", good, c.good)
			}
			got := map[int]string{}
			for _, j := range rejects {
				got[j.Line] = j.Field
				if j.File != c.file || j.Reason == "" {
					t.Errorf("reject without file or reason: %+v", j)
				}
			}
			if !reflect.DeepEqual(got, c.reject) {
				t.Errorf("rejects %v; want %v\n%v", got, c.reject, rejects)
			}
		})
	}
}

// validateOnly reads and maps a file without a store.
func validateOnly(t *testing.T, path, kind string) (int, []Reject) {
	t.Helper()
	k, err := kindOf(kind, path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var src source
	if strings.HasSuffix(path, ".csv") {
		if src, err = newCSV(f, k); err != nil {
			t.Fatal(err)
		}
	} else {
		src = newJSONL(f, k)
	}
	r := newRun(nil, nil, k, filepath.Base(path), Options{})
	accepted := 0
	for {
		rc, err := src.next()
		if err == io.EOF {
			break
		}
		if le, ok := err.(*lineError); ok {
			r.reject(Reject{File: r.file, Line: le.line, Field: le.field, Reason: le.reason})
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := r.add(rc); ok {
			accepted++
		}
	}
	return accepted, r.sum.Rejects
}

func TestCSVHeader(t *testing.T) {
	k := kinds["nominals"]
	if _, err := newCSV(strings.NewReader("Source Ref,GIVEN_NAMES,family-name\n"), k); err != nil {
		t.Fatalf("column names are matched loosely: %v", err)
	}
	if _, err := newCSV(strings.NewReader("\ufeffsourceRef,givenNames,familyName\n"), k); err != nil {
		t.Fatalf("a byte-order mark is ignored: %v", err)
	}
	for _, h := range []string{"sourceRef,givenNames\n", "sourceRef,givenNames,familyName,dob\n", "sourceRef,sourceRef,givenNames,familyName\n", ""} {
		if _, err := newCSV(strings.NewReader(h), k); err == nil {
			t.Errorf("header %q accepted", h)
		}
	}
}

func TestCSVRowShape(t *testing.T) {
	k := kinds["nominals"]
	src, err := newCSV(strings.NewReader("sourceRef,givenNames,familyName\nN1,A,B\nN2,A\n\"N3,A,B\n"), k)
	if err != nil {
		t.Fatal(err)
	}
	rc, err := src.next()
	if err != nil || rc.line != 2 || rc.vals["familyName"] != "B" {
		t.Fatalf("%+v %v", rc, err)
	}
	if _, err := src.next(); err == nil || err.(*lineError).line != 3 {
		t.Fatalf("short row: %v", err)
	}
	if _, err := src.next(); err == nil {
		t.Fatal("unterminated quote accepted")
	}
}

func TestKindFromName(t *testing.T) {
	for path, want := range map[string]string{
		"/x/nominals-2026-03.csv": "nominals", "Contacts_PO88.jsonl": "contacts", "intelligence.csv": "intelligence",
	} {
		k, err := kindOf("", path)
		if err != nil || k.name != want {
			t.Errorf("%s: %v %v", path, k, err)
		}
	}
	if _, err := kindOf("", "export.csv"); err == nil {
		t.Error("a name without a kind prefix was accepted")
	}
	if k, err := kindOf("phones", "export.csv"); err != nil || k.name != "phones" {
		t.Error("a given kind wins", err)
	}
}

func TestRejectsCSV(t *testing.T) {
	var b bytes.Buffer
	err := WriteRejects(&b, []Reject{{File: "n.csv", Line: 5, Field: "pncId", Reason: `"85-4471" is not a PNC id`}})
	if err != nil {
		t.Fatal(err)
	}
	want := "file,line,field,reason\nn.csv,5,pncId,\"\"\"85-4471\"\" is not a PNC id\"\n"
	if b.String() != want {
		t.Fatalf("%q", b.String())
	}
}

func TestProgressRendering(t *testing.T) {
	s := Stats{File: "nominals.csv", Kind: "nominals", Rows: 5000, Loaded: 4990, Rejected: 10, Created: 4990,
		BytesRead: 250, TotalBytes: 1000, Elapsed: 2 * time.Second}
	var tty bytes.Buffer
	TerminalProgress(&tty, true)(s)
	out := tty.String()
	for _, want := range []string{"\r", "25%", "2500 rows/s", "ETA 6s", "██████░"} {
		if !strings.Contains(out, want) {
			t.Errorf("tty line %q lacks %q", out, want)
		}
	}
	if strings.Contains(out, "\n") {
		t.Error("a running tty line must not end the line")
	}
	var plain bytes.Buffer
	p := TerminalProgress(&plain, false)
	p(s)
	p(s) // within plainEvery: not repeated
	s.Done = true
	p(s)
	lines := strings.Split(strings.TrimSpace(plain.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[1], "imported nominals.csv") || strings.Contains(plain.String(), "\033") {
		t.Fatalf("%q", plain.String())
	}
}

func TestPhoneRules(t *testing.T) {
	for in, want := range map[string]string{"07700 900123": "+447700900123", "0044 161 496 0000": "+441614960000", "+1 (202) 555-0143": "+12025550143"} {
		if got, err := normalisePhone("n", in); err != nil || got != want {
			t.Errorf("%s: %s %v", in, got, err)
		}
	}
	if !keyline.LuhnValid("356938035643809") || keyline.LuhnValid("356938035643808") {
		t.Error("luhn")
	}
}
