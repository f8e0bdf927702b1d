package cypher_test

import (
	"context"
	"testing"

	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/internal/neo4jtest"
)

func TestMigrateIsIdempotentAndReady(t *testing.T) {
	s := neo4jtest.Store(t)
	ctx := context.Background()
	again, err := s.Migrate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 0 {
		t.Fatalf("second migrate applied %v; want nothing", again)
	}
	if err := s.Ready(ctx); err != nil {
		t.Fatalf("ready: %v", err)
	}
}

func TestCreateReadUpdateWithScope(t *testing.T) {
	s := neo4jtest.Store(t)
	ctx := context.Background()
	sio := &keyline.Actor{Subject: "store-test", Roles: []keyline.Role{keyline.RoleSIO}, Clearance: keyline.Secret}
	op, err := s.CreateNode(ctx, sio, keyline.KindOperation, "", map[string]any{
		"reference": "OP-STORE-" + keyline.NewID(keyline.KindOperation)[3:12], "name": "Store test", "status": "OPEN",
		"classification": "OFFICIAL", "opened": keyline.Date{},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	sio.Operations = []string{op.ID()}
	p, err := s.CreateNode(ctx, sio, keyline.KindPerson, op.ID(), map[string]any{"givenNames": "Ann", "familyName": "Lee"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Props["label"] != "LEE, Ann" || p.Props["version"] != int64(1) {
		t.Fatalf("unexpected props %v", p.Props)
	}
	outsider := &keyline.Actor{Subject: "outsider", Roles: []keyline.Role{keyline.RoleAnalyst}, Clearance: keyline.Secret, Operations: []string{"op_other"}}
	got, err := s.NodesByID(ctx, cypher.ScopeOf(outsider), []string{p.ID()})
	if err != nil || len(got) != 0 {
		t.Fatalf("outsider must not see the person: %v %v", got, err)
	}
	if _, err := s.UpdateNode(ctx, outsider, keyline.KindPerson, p.ID(), 1, map[string]any{"givenNames": "X"}, nil); keyline.ErrorCode(err) != keyline.CodeNotFound {
		t.Fatalf("outsider update: want NOT_FOUND, got %v", err)
	}
	up, err := s.UpdateNode(ctx, sio, keyline.KindPerson, p.ID(), 1, map[string]any{"givenNames": "Anne"}, nil)
	if err != nil || up.Props["label"] != "LEE, Anne" || up.Props["version"] != int64(2) {
		t.Fatalf("update: %v %v", up.Props, err)
	}
	if _, err := s.UpdateNode(ctx, sio, keyline.KindPerson, p.ID(), 1, map[string]any{"givenNames": "B"}, nil); keyline.ErrorCode(err) != keyline.CodeConflict {
		t.Fatalf("stale update: want CONFLICT, got %v", err)
	}
}

// make test runs Neo4j with authentication on: the right credentials work
// (every other test uses them) and wrong ones are refused.
func TestNeo4jCredentialsAreEnforcedWhenAuthIsOn(t *testing.T) {
	neo4jtest.Store(t)
	cfg, _ := neo4jtest.Config()
	if cfg.Password == "" {
		t.Skip("the test Neo4j runs without auth (NEO4J_PASSWORD unset)")
	}
	cfg.Password += "-wrong"
	s, err := cypher.Open(context.Background(), cfg, zerolog.Nop())
	if err == nil {
		s.Close(context.Background())
		t.Fatal("a wrong password was accepted")
	}
}
