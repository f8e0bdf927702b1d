package resolvers_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/internal/apitest"
	"github.com/keyline/keyline/internal/latency"
)

// benchOperation builds an operation with n actions (a tenth overdue,
// spread over priorities and states) and one exhibit at the end of a
// six-step chain from intelligence, for the action benchmarks.
func benchOperation(b *testing.B, n int) (*apitest.Env, *keyline.Actor, string, string) {
	b.Helper()
	env := apitest.New(b)
	sio := env.Officer(keyline.RoleSIO, keyline.Secret)
	op := env.Operation(sio)
	a := *sio
	_, a.Operations, _ = env.Store.Membership(context.Background(), sio.Subject)
	ctx := context.Background()
	prios := []string{"HIGH", "MEDIUM", "LOW"}
	states := []string{"RAISED", "ALLOCATED", "IN_PROGRESS", "RESULTED", "COMPLETED"}
	for i := 0; i < n; i++ {
		props := map[string]any{"title": fmt.Sprint("Bench action ", i), "priority": prios[i%3], "status": states[i%5],
			"requiredSkills": []string{}, "chaseCount": 0}
		if i%10 == 0 {
			props["dueDate"] = keyline.Date{Time: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
		}
		if _, err := env.Store.RaiseAction(ctx, &a, op, props, nil); err != nil {
			b.Fatal(err)
		}
	}
	item := env.Do(sio, `mutation($op: ID!) { createIntelligenceItem(input: {operationId: $op, sourceType: CHIS, sanitisedText: "start",
		grading: {source: "2", assessment: "B", handling: "P"}}) { id } }`, map[string]any{"op": op}).NoErrors().Str("createIntelligenceItem", "id")
	from := item
	for i := 0; i < 6; i++ {
		from = env.Do(sio, `mutation($op: ID!, $f: ID!) { raiseAction(input: {operationId: $op, title: "Chain", raisedFromIds: [$f]}) { id } }`,
			map[string]any{"op": op, "f": from}).NoErrors().Str("raiseAction", "id")
	}
	exh := env.Do(sio, `mutation($op: ID!, $a: ID!) { createExhibit(input: {operationId: $op, reference: "BX/1", kind: "DOCUMENT", description: "End of chain", obtainedById: $a}) { id } }`,
		map[string]any{"op": op, "a": from}).NoErrors().Str("createExhibit", "id")
	return env, sio, op, exh
}

// BenchmarkActionQueue: the outstanding queue (first page) of an operation
// with 5,000 actions, through the GraphQL API. Target p95 ≤ 50 ms.
func BenchmarkActionQueue(b *testing.B) {
	env, sio, op, _ := benchOperation(b, 5000)
	q := `query($op: ID!) { operation(id: $op) { actionQueue(queue: OUTSTANDING, first: 25) { totalCount edges { node { number title priority dueDate overdue allocatedTo { name } } } } } }`
	var rec latency.Recorder
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rec.Time(func() { env.Do(sio, q, map[string]any{"op": op}).NoErrors() })
	}
	rec.Report(b)
}

// BenchmarkExhibitTrace: trace of an exhibit back through a six-action
// chain to its intelligence. Target p95 ≤ 50 ms.
func BenchmarkExhibitTrace(b *testing.B) {
	env, sio, _, exh := benchOperation(b, 5000)
	q := `query($e: ID!) { node(id: $e) { ... on Exhibit { traceBack { steps { from to relation } nodes { id ... on IntelligenceItem { grading { code } } } } } } }`
	var rec latency.Recorder
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rec.Time(func() { env.Do(sio, q, map[string]any{"e": exh}).NoErrors() })
	}
	rec.Report(b)
}
