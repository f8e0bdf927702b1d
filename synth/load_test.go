package synth

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/internal/neo4jtest"
)

// TestLoad is the benchmark load, run by hand against a scratch database:
//
//	SYNTH_PERSONS=100000 SYNTH_BATCH=5000 NEO4J_URI=bolt://... \
//	  go test -run TestLoad -v -timeout 0 ./synth
//
// It creates a fresh operation, generates into it and logs the write rates.
func TestLoad(t *testing.T) {
	persons, _ := strconv.Atoi(os.Getenv("SYNTH_PERSONS"))
	if persons == 0 {
		t.Skip("SYNTH_PERSONS not set: the benchmark load runs only by hand")
	}
	batch, _ := strconv.Atoi(os.Getenv("SYNTH_BATCH"))
	store := neo4jtest.Store(t)
	ctx := context.Background()
	actor := &keyline.Actor{Subject: "synth-load", Roles: keyline.Roles, Clearance: keyline.TopSecret}
	op, err := store.CreateNode(ctx, actor, keyline.KindOperation, "", map[string]any{
		"reference": fmt.Sprintf("OP-SYNTH-%d-%d", persons, time.Now().Unix()), "name": "Synthetic network",
		"status": "OPEN", "classification": "OFFICIAL_SENSITIVE", "opened": keyline.Date{Time: time.Now().UTC().Truncate(24 * time.Hour)},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var peakHeap uint64
	last := time.Now()
	stats, err := Generate(ctx, store, Config{
		Persons: persons, Seed: 1, OperationID: op.ID(), BatchSize: batch,
		Progress: func(stage string, done, total int) {
			var m runtime.MemStats
			if done == total || time.Since(last) > 10*time.Second {
				runtime.ReadMemStats(&m)
				peakHeap = max(peakHeap, m.HeapAlloc)
				last = time.Now()
				t.Logf("%-18s %9d / %9d  heap %4d MiB", stage, done, total, m.HeapAlloc>>20)
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("operation %s: %d nodes in %v (%.0f/s), %d relationships in %v (%.0f/s), total %v; peak Go heap seen %d MiB",
		op.ID(), stats.NodeCount(), stats.NodeTime.Round(time.Second), float64(stats.NodeCount())/stats.NodeTime.Seconds(),
		stats.RelationshipCount(), stats.LinkTime.Round(time.Second), float64(stats.RelationshipCount())/stats.LinkTime.Seconds(),
		stats.Elapsed.Round(time.Second), peakHeap>>20)
	t.Logf("nodes %v", stats.Nodes)
	t.Logf("links %v", stats.Links)
}
