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
		// The link types as the store runs them: most files name them as
		// __LINK_TYPES__ and the like.
		expanded := cypher.ExpandScope(text)
		readsLinks := false
		for _, typ := range cypher.LinkTypes {
			if strings.Contains(expanded, ":"+typ) || strings.Contains(expanded, "|"+typ) {
				readsLinks = true
			}
		}
		if readsLinks && !linkWrites[name] && !strings.Contains(text, "__LINK_VISIBLE(") {
			t.Errorf("%s reads links without __LINK_VISIBLE__", n)
		}
	}
}

// unscopedReads are the statements that read records without a scope
// fragment, each with the reason it needs none. Every other statement
// that reads (MATCH or MERGE), and each part of a top-level UNION, must
// apply __VISIBLE__, __ENTITY_VISIBLE__, __MARKED__, __MEMBER__,
// __OPERATION_VISIBLE__ or __LINK_VISIBLE__: a new read without one fails
// TestEveryReadAppliesTheScope until it applies the rule or is listed
// here with its reason.
var unscopedReads = map[string]string{
	// Changes to a record the same transaction has just locked with
	// node_guard and checked in Go (Store.guard: Actor.Sees, then
	// AuthoriseWrite), or reads of it for the change.
	"action_progress":      guarded,
	"action_state":         guarded,
	"exhibit_continuity":   guarded,
	"node_update":          guarded,
	"node_delete":          guarded,
	"record_retention":     guarded,
	"target_append_option": guarded,
	"target_review":        guarded,
	"unrelate_in":          guarded,
	"unrelate_out":         guarded,
	"node_guard":           "the guard itself: returns the record's marking so Go decides with Actor.Sees, answering a hidden record as a missing one",
	// Link writes: the link is first read through link_by_id (which
	// applies the rule) or its ends and sources checked in Go
	// (CreateLink, checkSources); these then lock or change it.
	"link_guard":         linkWrite,
	"link_pair_lock":     linkWrite,
	"link_create":        linkWrite,
	"link_update":        linkWrite,
	"link_delete":        linkWrite,
	"link_marks_refresh": "re-marks every link citing a regraded source, hidden or not, so that the rule reads current marks",
	// Writes into an operation Go has authorised (AuthoriseWrite), reading
	// only the operation's action counter or an allocation's officer.
	"action_raise":          "reads the operation's action counter after AuthoriseWrite",
	"import_actions_create": "reads the operation's action counter; the import authorised the operation in Go",
	"officer_is_member":     "checks an allocation's officer inside a guarded action write; officers are unit-wide",
	// Officers are unit-wide: __VISIBLE__ passes every Officer.
	"list_officers":         "officers are unit-wide",
	"allocation_candidates": "officers are unit-wide; of their actions only counts of open work are returned, never an action",
	// Before there is a scope.
	"membership": "builds the actor whose operations the scope is made of",
	"any_record": "startup check that the database is empty; its answer reaches no caller",
	// The import: the importer's plan checks every record against its
	// scope in Go (importer: stored.visible, taken) before these run.
	"import_operation":    "reads the operation's status and classification for the import to check in Go",
	"import_nodes_update": importWrite,
	"import_links":        importWrite,
	"import_relate":       importWrite,
	"import_state":        "fingerprint of an operation for the operator's CLI and tests, counts only",
	// Bulk loads for trusted generators, never reachable from the API
	// (bulk.go).
	"bulk_count":    bulkLoad,
	"bulk_links":    bulkLoad,
	"bulk_mentions": bulkLoad,
	// The audit writer marks an event with the markings of the records it
	// names; the trail is read through audit queries that apply the rule.
	"audit_record": "the audit writer, reading the markings of the records an event names to mark the event",
	// Migrations, their Go steps and backfills: run at startup, by no
	// actor, and answer no caller.
	"audit_source_text_pending": migration,
	"audit_source_text_scrub":   migration,
	"link_levels_backfill":      migration,
	"persons_describe_page":     migration,
	"persons_describe_set":      migration,
	"migration_applied":         migration,
	"migration_record":          migration,
	// Service accounts are not Keyed and never reachable through the API:
	// the authenticator and the operator's CLI read and write them.
	"service_account_get":    serviceAccount,
	"service_account_create": serviceAccount,
	"service_account_revoke": serviceAccount,
}

const (
	guarded        = "changes (or reads for the change) a record Store.guard has locked and checked with Actor.Sees"
	linkWrite      = "locks or changes a link already read through link_by_id or checked in Go"
	importWrite    = "writes records and links the import has checked against the importer's scope in Go"
	bulkLoad       = "bulk load for trusted generators, never reachable from the API"
	migration      = "migration or backfill, run at startup by no actor"
	serviceAccount = "service accounts: the authenticator and the operator's CLI, not the API"
)

var (
	readsRecords = regexp.MustCompile(`\b(MATCH|MERGE)\b`)
	appliesScope = regexp.MustCompile(`__(VISIBLE|ENTITY_VISIBLE|MARKED|MEMBER|OPERATION_VISIBLE|LINK_VISIBLE)\(`)
	union        = regexp.MustCompile(`\bUNION( ALL)?\b`)
)

// uncommented returns a query file's text without its // comments, which
// describe the rule without applying it.
func uncommented(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if c := strings.Index(l, "//"); c >= 0 {
			lines[i] = l[:c]
		}
	}
	return strings.Join(lines, "\n")
}

// unionParts splits a statement at its top-level UNIONs (those outside
// any CALL { } subquery): each part reads on its own and needs the rule
// on its own.
func unionParts(text string) []string {
	var parts []string
	start := 0
	for _, m := range union.FindAllStringIndex(text, -1) {
		before := text[:m[0]]
		if strings.Count(before, "{") == strings.Count(before, "}") {
			parts = append(parts, text[start:m[0]])
			start = m[1]
		}
	}
	return append(parts, text[start:])
}

// unscopedParts returns the parts of a statement that read records without
// applying a scope fragment.
func unscopedParts(text string) []string {
	var out []string
	for _, p := range unionParts(uncommented(text)) {
		if readsRecords.MatchString(p) && !appliesScope.MatchString(p) {
			out = append(out, strings.TrimSpace(p))
		}
	}
	return out
}

func TestEveryReadAppliesTheScope(t *testing.T) {
	names, _ := fs.Glob(cypher.QueryFiles, "queries/*.cypher")
	files := map[string]bool{}
	for _, n := range names {
		name := strings.TrimSuffix(path.Base(n), ".cypher")
		files[name] = true
		b, _ := cypher.QueryFiles.ReadFile(n)
		parts := unscopedParts(string(b))
		if _, exempt := unscopedReads[name]; exempt {
			if len(parts) == 0 {
				t.Errorf("%s applies the scope: take it off unscopedReads", n)
			}
			continue
		}
		for _, p := range parts {
			t.Errorf("%s reads without a scope fragment (apply __VISIBLE__ or the like, or list it in unscopedReads with the reason):\n%s", n, p)
		}
	}
	for name := range unscopedReads {
		if !files[name] {
			t.Errorf("unscopedReads lists %s, which is no query file", name)
		}
	}
}

// The check above can fail: an unscoped part of a UNION, a fragment only
// in a comment and a read with no fragment are each caught, and a MERGE
// counts as a read.
func TestUnscopedReadsAreDetected(t *testing.T) {
	for _, c := range []struct {
		text     string
		unscoped int
	}{
		{"MATCH (n:Person {id: $id}) WHERE __ENTITY_VISIBLE(n)__ RETURN n", 0},
		{"MATCH (n:Person {id: $id}) RETURN n", 1},
		{"// __VISIBLE(n)__\nMATCH (n:Person {id: $id}) RETURN n", 1},
		{"MERGE (m:Migration {version: $v}) RETURN m", 1},
		{"CREATE (n:Keyed:Person) SET n = $props RETURN n", 0},
		{"MATCH (n:Person) WHERE __VISIBLE(n)__ RETURN n.id AS id\nUNION\nMATCH (n:Vehicle) RETURN n.id AS id", 1},
		{"CALL {\n  MATCH (n:Person) RETURN n\n  UNION MATCH (n:Vehicle) RETURN n\n}\nWITH n WHERE __VISIBLE(n)__ RETURN n", 0},
	} {
		if got := len(unscopedParts(c.text)); got != c.unscoped {
			t.Errorf("%q: %d unscoped parts, want %d", c.text, got, c.unscoped)
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
