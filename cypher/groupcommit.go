package cypher

import (
	"context"
	"sync"
)

// groupCommit writes the audit events of concurrent requests together:
// each caller waits until the statement holding its event has committed
// (an unrecorded question is never answered), but the events that arrive
// while one statement commits share the next one, so sixteen concurrent
// questions cost about two commits rather than sixteen. One caller alone
// waits for exactly its own commit, with no batching window.
type groupCommit struct {
	flush func(ctx context.Context, events []any) error

	mu    sync.Mutex
	queue []groupWaiter
	busy  bool
}

type groupWaiter struct {
	event any
	done  chan error
}

// record queues one event and waits for the commit that holds it.
func (g *groupCommit) record(ctx context.Context, event any) error {
	w := groupWaiter{event: event, done: make(chan error, 1)}
	g.mu.Lock()
	g.queue = append(g.queue, w)
	lead := !g.busy
	g.busy = true
	g.mu.Unlock()
	if lead {
		// The flushes outlive any one request: a caller that gives up
		// must not abort the statement holding others' events.
		go g.drain(context.WithoutCancel(ctx))
	}
	select {
	case err := <-w.done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// drain writes batches until the queue is empty.
func (g *groupCommit) drain(ctx context.Context) {
	for {
		g.mu.Lock()
		batch := g.queue
		g.queue = nil
		if len(batch) == 0 {
			g.busy = false
			g.mu.Unlock()
			return
		}
		g.mu.Unlock()
		events := make([]any, len(batch))
		for i, w := range batch {
			events[i] = w.event
		}
		err := g.flush(ctx, events)
		for _, w := range batch {
			w.done <- err
		}
	}
}
