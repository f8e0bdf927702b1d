package cypher_test

import (
	"context"
	"strings"
	"testing"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/internal/neo4jtest"
)

// Migration 0008 re-describes persons written before: their search text
// gains the family-first order and the date of birth, so a search by
// either finds them; a person already described is left the same.
func TestPersonsRedescribedByMigration(t *testing.T) {
	s := neo4jtest.Store(t)
	ctx := context.Background()
	sio := &keyline.Actor{Subject: "person-search-test", Roles: []keyline.Role{keyline.RoleSIO}, Clearance: keyline.Secret}
	op, err := s.CreateNode(ctx, sio, keyline.KindOperation, "", map[string]any{
		"reference": "OP-PSM-" + keyline.NewID(keyline.KindOperation)[3:12], "name": "Person search", "status": "OPEN",
		"classification": "OFFICIAL", "opened": keyline.Date{}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	sio.Operations = []string{op.ID()}
	dob, _ := keyline.ParseDate("dateOfBirth", "1984-10-14")
	person, err := s.CreateNode(ctx, sio, keyline.KindPerson, op.ID(), map[string]any{
		"givenNames": "Jake", "familyName": "Carroll", "dateOfBirth": dob}, nil)
	if err != nil {
		t.Fatal(err)
	}
	searchText := func() string {
		rows, err := s.ReadForTest(ctx, `MATCH (p:Person {id: $id}) RETURN p.searchText AS s, p.label AS l`, cypher.ScopeOf(sio), map[string]any{"id": person.ID()})
		if err != nil || len(rows) != 1 {
			t.Fatalf("%v %v", rows, err)
		}
		return rows[0]["s"].(string)
	}
	written := searchText()
	// As persons were written before the migration.
	if err := s.WriteForTest(ctx, func(run func(string, map[string]any) error) error {
		return run(`MATCH (p:Person {id: $id}) SET p.searchText = 'jake carroll'`, map[string]any{"id": person.ID()})
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.RedescribePersonsForTest(ctx); err != nil {
		t.Fatal(err)
	}
	got := searchText()
	if got != written || !strings.Contains(got, "carroll jake") || !strings.Contains(got, "1984-10-14") || !strings.Contains(got, "14/10/1984") {
		t.Fatalf("after the migration %q, written now %q", got, written)
	}
}
