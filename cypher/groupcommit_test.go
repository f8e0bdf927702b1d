package cypher

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// Concurrent events share commits; every caller hears its own commit's
// outcome; a lone caller is written at once.
func TestGroupCommit(t *testing.T) {
	var mu sync.Mutex
	var batches [][]any
	fail := errors.New("database down")
	g := &groupCommit{flush: func(_ context.Context, events []any) error {
		time.Sleep(5 * time.Millisecond) // a commit takes a while
		mu.Lock()
		defer mu.Unlock()
		batches = append(batches, events)
		for _, e := range events {
			if e == "bad" {
				return fail
			}
		}
		return nil
	}}
	ctx := context.Background()
	if err := g.record(ctx, "alone"); err != nil || len(batches) != 1 || len(batches[0]) != 1 {
		t.Fatalf("a lone event: %v %v", err, batches)
	}

	batches = nil
	var wg sync.WaitGroup
	errs := make([]error, 32)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = g.record(ctx, i)
		}()
	}
	wg.Wait()
	written := 0
	for _, b := range batches {
		written += len(b)
	}
	if written != 32 || len(batches) >= 32 {
		t.Errorf("32 concurrent events in %d commits (%d written): they should share", len(batches), written)
	}
	for i, err := range errs {
		if err != nil {
			t.Errorf("event %d: %v", i, err)
		}
	}

	// A failed commit fails every event in it, and only those.
	if err := g.record(ctx, "bad"); !errors.Is(err, fail) {
		t.Errorf("a failed commit answered %v", err)
	}
	if err := g.record(ctx, "good"); err != nil {
		t.Errorf("the next commit: %v", err)
	}

	// A caller that gives up does not stop the others' commit.
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := g.record(cancelled, "late"); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled caller: %v", err)
	}
	time.Sleep(20 * time.Millisecond)
	mu.Lock()
	last := batches[len(batches)-1]
	mu.Unlock()
	if len(last) != 1 || last[0] != "late" {
		t.Errorf("the cancelled caller's event was still written once: %v", last)
	}
}
