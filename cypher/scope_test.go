package cypher_test

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/internal/neo4jtest"
)

func asList(v any) []any { l, _ := v.([]any); return l }

// The scope parameters appear only inside the fragments of scope.go: a
// query file that spells one out has copied the rule instead of naming it.
func TestNoQueryCopiesTheScopeRule(t *testing.T) {
	copied := regexp.MustCompile(`\$(allOps|ops|cleared|handling|linkLevelKey|linkLevel)\b`)
	for _, dir := range []string{"queries", "migrations"} {
		names, _ := fs.Glob(cypher.QueryFiles, dir+"/*.cypher")
		for _, n := range names {
			b, _ := cypher.QueryFiles.ReadFile(n)
			for i, line := range strings.Split(string(b), "\n") {
				if strings.HasPrefix(strings.TrimSpace(line), "//") {
					continue
				}
				if m := copied.FindString(line); m != "" {
					t.Errorf("%s:%d spells out %s: name a scope fragment (__VISIBLE(x)__, __MARKED(x)__, __MEMBER(x)__, __LINK_VISIBLE(r)__) instead", n, i+1, m)
				}
			}
		}
	}
}

// linkWrites are the statements that read links to change them, not to
// show them: every other statement naming a link type must apply
// __LINK_VISIBLE__, so a link resting only on hidden material is hidden
// in every answer.
var linkWrites = map[string]bool{
	"link_marks_refresh": true, "link_guard": true, "link_pair_lock": true, "link_delete": true,
	"link_create": true, "link_update": true, "import_links": true, "bulk_links": true, "link_levels_backfill": true,
}

func TestEveryLinkReadAppliesTheLinkRule(t *testing.T) {
	names, _ := fs.Glob(cypher.QueryFiles, "queries/*.cypher")
	for _, n := range names {
		name := strings.TrimSuffix(path.Base(n), ".cypher")
		b, _ := cypher.QueryFiles.ReadFile(n)
		text := string(b)
		readsLinks := false
		for _, typ := range cypher.LinkTypes {
			if strings.Contains(text, ":"+typ) || strings.Contains(text, "|"+typ) {
				readsLinks = true
			}
		}
		if readsLinks && !linkWrites[name] && !strings.Contains(text, "__LINK_VISIBLE(") {
			t.Errorf("%s reads links without __LINK_VISIBLE__", n)
		}
	}
}

// The Cypher fragments and keyline.Actor's rule must agree for every
// marking and every kind of actor: records of two operations and an
// officer, at every classification (and none, and a corrupt one), with
// every handling code (and none, and a corrupt one); links with every
// combination of source marks; actors of each role at each clearance,
// member of one operation, of none, or an auditor.
func TestScopeFragmentsMatchGo(t *testing.T) {
	s := neo4jtest.Store(t)
	ctx := context.Background()
	tag := strings.ToLower(keyline.NewID(keyline.KindPerson)[4:14])
	opA, opB := "op_twinA"+tag, "op_twinB"+tag

	type rec struct {
		id    string
		kind  keyline.Kind
		props map[string]any
	}
	var recs []rec
	classes := append([]string{"", "CORRUPT"}, func() []string {
		var out []string
		for _, c := range keyline.Classifications {
			out = append(out, string(c))
		}
		return out
	}()...)
	i := 0
	for _, op := range []string{opA, opB, ""} {
		for _, c := range classes {
			for _, h := range []string{"", "P", "C", "X"} {
				props := map[string]any{"id": fmt.Sprintf("int_twin%s_%d", tag, i)}
				i++
				if op != "" {
					props["operationId"] = op
				}
				if c != "" {
					props["classification"] = c
				}
				if h != "" {
					props["gradeHandling"] = h
				}
				recs = append(recs, rec{props["id"].(string), keyline.KindIntelligenceItem, props})
			}
		}
	}
	officer := rec{"off_twin" + tag, keyline.KindOfficer, map[string]any{"id": "off_twin" + tag}}
	recs = append(recs, officer)
	// Entities carry no marking: __ENTITY_VISIBLE__ is their rule.
	for j, op := range []string{opA, opB} {
		id := fmt.Sprintf("per_twin%s_%d", tag, j)
		recs = append(recs, rec{id, keyline.KindPerson, map[string]any{"id": id, "operationId": op}})
	}

	markSets := [][]string{nil, {}, {"CORRUPT"}}
	for _, c := range keyline.Classifications {
		for _, h := range []string{"P", "C"} {
			markSets = append(markSets, []string{keyline.SourceMark(c, h)})
		}
	}
	markSets = append(markSets, []string{"TOP_SECRET/C", "OFFICIAL/C"}, []string{"SECRET/C", "OFFICIAL/P"})

	err := s.WriteForTest(ctx, func(run func(string, map[string]any) error) error {
		for _, r := range recs {
			label := string(r.kind)
			if err := run("CREATE (n:Keyed:"+label+") SET n = $props", map[string]any{"props": r.props}); err != nil {
				return err
			}
		}
		for j, m := range markSets {
			props := map[string]any{"id": fmt.Sprintf("lnk_twin%s_%d", tag, j)}
			if m != nil {
				props["sourceMarks"] = m
			}
			// Levels as the writers keep them (__LEVEL__), from the marks.
			if err := run(cypher.ExpandScope("MATCH (o:Officer {id: $o}) CREATE (o)-[r:TWIN_TEST]->(o) SET r = $props, r.sourceLevel = __LEVEL($m)__, r.sourceLevelP = __LEVEL_P($m)__"),
				map[string]any{"o": officer.id, "props": props, "m": m}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = s.WriteForTest(ctx, func(run func(string, map[string]any) error) error {
			return run("MATCH (n:Keyed) WHERE n.id CONTAINS $tag DETACH DELETE n", map[string]any{"tag": "twin" + tag})
		})
	})

	nodeRule := `UNWIND $ids AS id MATCH (n:Keyed {id: id})
		RETURN n.id AS id, n:Person AS entity, coalesce(__ENTITY_VISIBLE(n)__, false) AS entityVisible, coalesce(__VISIBLE(n)__, false) AS visible, coalesce(__MARKED(n)__, false) AS marked, coalesce(__MEMBER(n.operationId)__, false) AS member`
	linkRule := `MATCH (:Officer {id: $o})-[r:TWIN_TEST]->()
		RETURN r.id AS id, r.sourceMarks AS marks, coalesce(__LINK_VISIBLE(r)__, false) AS visible, r.sourceLevel AS level, r.sourceLevelP AS levelP`
	ids := make([]string, len(recs))
	byID := map[string]rec{}
	for j, r := range recs {
		ids[j], byID[r.id] = r.id, r
	}

	var actors []*keyline.Actor
	for _, role := range keyline.Roles {
		for _, c := range keyline.Classifications {
			for _, ops := range [][]string{nil, {opA}} {
				actors = append(actors, &keyline.Actor{Subject: "twin", Roles: []keyline.Role{role}, Clearance: c, Operations: ops})
			}
		}
	}
	actors = append(actors, &keyline.Actor{Subject: "twin", Roles: []keyline.Role{keyline.RoleExternalSystem, keyline.RoleAnalyst}, Clearance: keyline.Secret, Operations: []string{opA}},
		&keyline.Actor{Subject: "twin", Roles: []keyline.Role{keyline.RoleAnalyst}, Clearance: "CORRUPT", Operations: []string{opA}}, nil)

	for _, a := range actors {
		name := "nil"
		if a != nil {
			name = fmt.Sprintf("%v/%s/%v", a.Roles, a.Clearance, a.Operations)
		}
		sc := cypher.ScopeOf(a)
		rows, err := s.ReadForTest(ctx, nodeRule, sc, map[string]any{"ids": ids})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(recs) {
			t.Fatalf("read %d of %d records", len(rows), len(recs))
		}
		for _, row := range rows {
			r := byID[row["id"].(string)]
			m := keyline.MarkingOf(r.kind, r.props)
			if got, want := row["visible"].(bool), a.Sees(m); got != want {
				t.Errorf("%s: __VISIBLE__ of %v = %v, Sees = %v", name, r.props, got, want)
			}
			if got, want := row["entityVisible"].(bool), a.Sees(m); row["entity"].(bool) && got != want {
				t.Errorf("%s: __ENTITY_VISIBLE__ of %v = %v, Sees = %v", name, r.props, got, want)
			}
			if got, want := row["marked"].(bool), a.SeesMarking(m.Classification, m.Handling); got != want {
				t.Errorf("%s: __MARKED__ of %v = %v, SeesMarking = %v", name, r.props, got, want)
			}
			if got, want := row["member"].(bool), a.Sees(keyline.Marking{OperationID: m.OperationID}); got != want {
				t.Errorf("%s: __MEMBER__ of %v = %v, Sees(its operation) = %v", name, r.props, got, want)
			}
		}
		rows, err = s.ReadForTest(ctx, linkRule, sc, map[string]any{"o": officer.id})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(markSets) {
			t.Fatalf("read %d of %d links", len(rows), len(markSets))
		}
		for _, row := range rows {
			var marks []string
			for _, m := range asList(row["marks"]) {
				marks = append(marks, m.(string))
			}
			if got, want := row["visible"].(bool), a.SeesLink(marks); got != want {
				t.Errorf("%s: __LINK_VISIBLE__ of %v = %v, SeesLink = %v", name, marks, got, want)
			}
			if l, lp := keyline.LinkLevels(marks); row["level"] != int64(l) || row["levelP"] != int64(lp) {
				t.Errorf("levels of %v: Cypher %v/%v, Go %d/%d", marks, row["level"], row["levelP"], l, lp)
			}
		}
	}
}
