package cypher_test

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/keyline/keyline/cypher"
)

var typeAlternation = regexp.MustCompile(`[A-Z][A-Z_]*(\|[A-Z][A-Z_]*)+`)

// copiedLinkTypes reports how a query's text copies the link-type list:
// an alternation of three or more link types, or every link type named
// one by one (as one index seek per type once was). Two types joined by
// | are a query's own choice (PRESENT_AT|INVOLVED_IN), not a copy.
func copiedLinkTypes(text string) []string {
	text = uncommented(text)
	var out []string
	for _, alt := range typeAlternation.FindAllString(text, -1) {
		n := 0
		for _, t := range strings.Split(alt, "|") {
			if slices.Contains(cypher.LinkTypes, t) {
				n++
			}
		}
		if n >= 3 {
			out = append(out, alt)
		}
	}
	named := 0
	for _, t := range cypher.LinkTypes {
		if regexp.MustCompile(`:` + t + `\b`).MatchString(text) {
			named++
		}
	}
	if named == len(cypher.LinkTypes) {
		out = append(out, "every link type named one by one")
	}
	return out
}

// The link types are written once, in cypher.LinkTypes, and named in the
// query files as __LINK_TYPES__, __LIFESTYLE_LINK_TYPES__ or
// __EACH_LINK_TYPE__: a copy would miss the next type added. Migrations
// are history (0002 created one index per type of its day) and may name
// each type, but not copy the list into an alternation.
func TestNoQuerySpellsTheLinkTypes(t *testing.T) {
	for _, dir := range []string{"queries", "migrations"} {
		names, _ := fs.Glob(cypher.QueryFiles, dir+"/*.cypher")
		for _, n := range names {
			b, _ := cypher.QueryFiles.ReadFile(n)
			for _, c := range copiedLinkTypes(string(b)) {
				if dir == "migrations" && !strings.Contains(c, "|") {
					continue
				}
				t.Errorf("%s copies the link types (%s): name __LINK_TYPES__ or another list of linktypes.go", n, c)
			}
		}
	}
}

// The check above can fail, and passes the choices it should.
func TestCopiedLinkTypesAreDetected(t *testing.T) {
	all := strings.Join(cypher.LinkTypes, "|")
	var each []string
	for _, typ := range cypher.LinkTypes {
		each = append(each, "MATCH (a)-[r:"+typ+" {id: $id}]->(b) RETURN r")
	}
	for _, c := range []struct {
		text   string
		copied bool
	}{
		{"MATCH (a)-[r:" + all + "]-(b) RETURN r", true},
		{"MATCH (a)-[r:RESIDES_AT|FREQUENTS|OPERATES_FROM]->(b) RETURN r", true},
		{"MATCH (a)-[r:MENTIONS|RESIDES_AT|FREQUENTS|USES]->(b) RETURN r", true},
		{strings.Join(each, "\nUNION "), true},
		{"MATCH (a)-[r:__LINK_TYPES__]-(b) RETURN r", false},
		{"MATCH (a)-[r:PRESENT_AT|INVOLVED_IN]->(b) RETURN r", false},
		{"MATCH (i)<-[:OBTAINED_BY|RAISED_FROM|DERIVED_FROM*1..6]-(:Exhibit) RETURN i", false},
		{"// " + all + "\nMATCH (a)-[r:__LINK_TYPES__]-(b) RETURN r", false},
	} {
		if got := len(copiedLinkTypes(c.text)) > 0; got != c.copied {
			t.Errorf("%q: copied %v, want %v", c.text, got, c.copied)
		}
	}
}

// The lists expand to literal relationship types, so Neo4j plans typed
// expansions from them exactly as from the hand-written lists they
// replace.
func TestLinkTypeListsExpand(t *testing.T) {
	all := strings.Join(cypher.LinkTypes, "|")
	if got := cypher.ExpandScope("MATCH (a)-[r:__LINK_TYPES__]-(b)"); got != "MATCH (a)-[r:"+all+"]-(b)" {
		t.Errorf("__LINK_TYPES__ expands to %q", got)
	}
	// The types a subject's lifestyle section showed when they were
	// listed by hand; a new type from a person or organisation to a
	// place, vehicle or device joins them, and this list with it.
	lifestyle := cypher.ExpandScope("__LIFESTYLE_LINK_TYPES__")
	got := strings.Split(lifestyle, "|")
	slices.Sort(got)
	if want := []string{"DRIVES", "FREQUENTS", "OPERATES_FROM", "REGISTERED_KEEPER", "RESIDES_AT", "USES"}; !slices.Equal(got, want) {
		t.Errorf("__LIFESTYLE_LINK_TYPES__ expands to %v, want %v", got, want)
	}
	each := cypher.ExpandScope("CALL {\n  MATCH (a)-[r:__EACH_LINK_TYPE__ {id: $id}]->(b) RETURN r\n}")
	var want []string
	for i, typ := range cypher.LinkTypes {
		u := "UNION "
		if i == 0 {
			u = ""
		}
		want = append(want, "  "+u+"MATCH (a)-[r:"+typ+" {id: $id}]->(b) RETURN r")
	}
	if w := "CALL {\n" + strings.Join(want, "\n") + "\n}"; each != w {
		t.Errorf("__EACH_LINK_TYPE__ expands to\n%s\nwant\n%s", each, w)
	}
	defer func() {
		if recover() == nil {
			t.Error("an unknown link-type list expanded without a panic")
		}
	}()
	cypher.ExpandScope("[r:__LINK_TYPOS_LINK_TYPES__]")
}
