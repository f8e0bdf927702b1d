package synth

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/internal/neo4jtest"
)

// TestGenerateWritesThePlan loads 5k persons into a fresh operation and
// checks the database holds exactly what the generator emitted.
func TestGenerateWritesThePlan(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := context.Background()
	actor := &keyline.Actor{Subject: "synth-test", Roles: keyline.Roles, Clearance: keyline.TopSecret}
	ref := fmt.Sprintf("OP-SYNTH-%d", time.Now().UnixNano())
	op, err := store.CreateNode(ctx, actor, keyline.KindOperation, "", map[string]any{
		"reference": ref, "name": "Synthetic network", "status": "OPEN",
		"classification": "OFFICIAL_SENSITIVE", "opened": keyline.Date{Time: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	opID := op.ID()

	cfg := Config{Persons: 5000, Seed: 99, OperationID: opID, BatchSize: 2000, Now: testNow}
	var stages []string
	cfg.Progress = func(stage string, done, total int) {
		if done > total {
			t.Errorf("%s: progress %d of %d", stage, done, total)
		}
		if len(stages) == 0 || stages[len(stages)-1] != stage {
			stages = append(stages, stage)
		}
	}
	stats, err := Generate(ctx, store, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d nodes, %d relationships in %v", stats.NodeCount(), stats.RelationshipCount(), stats.Elapsed)
	if len(stages) != len(nodeStages)+len(linkStages) {
		t.Errorf("progress reported stages %v", stages)
	}

	// The database must agree both with Stats and with a dry run.
	want := map[string]int{}
	_ = Rows(ctx, cfg, func(st *Stage, _ map[string]any) error {
		if st.Kind != "" {
			want[string(st.Kind)]++
		} else {
			want[st.Link]++
		}
		return nil
	})
	for k, c := range stats.Nodes {
		if want[string(k)] != c {
			t.Errorf("stats: %d %s, dry run %d", c, k, want[string(k)])
		}
	}
	for l, c := range stats.Links {
		if want[l] != c {
			t.Errorf("stats: %d %s, dry run %d", c, l, want[l])
		}
	}
	got, err := store.CountByOperation(ctx, opID)
	if err != nil {
		t.Fatal(err)
	}
	for k, c := range want {
		if got[k] != c {
			t.Errorf("database holds %d %s, generated %d", got[k], k, c)
		}
	}
	for k, c := range got {
		if want[k] == 0 {
			t.Errorf("database holds %d unexpected %s", c, k)
		}
	}

	// A generated record reads back through the ordinary, scoped store.
	actor.Operations = []string{opID}
	sc := cypher.ScopeOf(actor)
	tag := newGen(cfg).tag
	person := "per_syn" + tag + "_0"
	recs, err := store.NodesByID(ctx, sc, []string{person})
	if err != nil || recs[person].Props["label"] == nil {
		t.Fatalf("generated person 0: %v, %v", recs, err)
	}
	link, err := store.LinkByID(ctx, sc, "lnk_syn"+tag+"_0")
	if err != nil || link == nil || link.Type != "ASSOCIATE_OF" || len(link.Props["sources"].([]any)) == 0 {
		t.Fatalf("generated link 0: %+v, %v", link, err)
	}
	if _, ok := link.Props["firstSeen"].(time.Time); !ok {
		t.Errorf("firstSeen read back as %T", link.Props["firstSeen"])
	}
}
