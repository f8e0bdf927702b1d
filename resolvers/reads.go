package resolvers

import (
	"context"
	"sync"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
)

// readLog gathers the intelligence items (and, later, target packages) a
// response returns, so they are audited in one write before it is sent.
type readLog struct {
	mu    sync.Mutex
	seen  map[string]bool
	reads []cypher.Read
}

type readLogKey struct{}
type purposeKey struct{}

func withReadLog(ctx context.Context) context.Context {
	return context.WithValue(ctx, readLogKey{}, &readLog{seen: map[string]bool{}})
}

func withPurpose(ctx context.Context, p string) context.Context {
	return context.WithValue(ctx, purposeKey{}, p)
}

// noteItemsRead records that intelligence items are being returned.
func noteItemsRead(ctx context.Context, items ...*model.IntelligenceItem) {
	rl, ok := ctx.Value(readLogKey{}).(*readLog)
	if !ok {
		return
	}
	rl.mu.Lock()
	defer rl.mu.Unlock()
	for _, it := range items {
		if it == nil || rl.seen[it.ID] {
			continue
		}
		rl.seen[it.ID] = true
		rl.reads = append(rl.reads, cypher.Read{Kind: keyline.KindIntelligenceItem, ID: it.ID, OperationID: it.OperationID})
	}
}

// recorded marks items whose READ events were already written (with the
// read itself), so noting them again does not record them twice.
func (rl *readLog) recorded(ids []string) {
	rl.mu.Lock()
	defer rl.mu.Unlock()
	for _, id := range ids {
		rl.seen[id] = true
	}
}

// noteRead records that any audited record (e.g. a target package) is
// being returned.
func noteRead(ctx context.Context, kind keyline.Kind, id, operationID string) {
	rl, ok := ctx.Value(readLogKey{}).(*readLog)
	if !ok {
		return
	}
	rl.mu.Lock()
	defer rl.mu.Unlock()
	if rl.seen[id] {
		return
	}
	rl.seen[id] = true
	rl.reads = append(rl.reads, cypher.Read{Kind: kind, ID: id, OperationID: operationID})
}

func flushReads(ctx context.Context, store *cypher.Store) error {
	rl, ok := ctx.Value(readLogKey{}).(*readLog)
	if !ok {
		return nil
	}
	rl.mu.Lock()
	reads := rl.reads
	rl.reads = nil
	rl.mu.Unlock()
	if len(reads) == 0 {
		return nil
	}
	purpose, _ := ctx.Value(purposeKey{}).(string)
	return store.RecordReads(ctx, keyline.ActorFrom(ctx), reads, purpose)
}
