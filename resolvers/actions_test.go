package resolvers_test

import (
	"fmt"
	"sort"
	"sync"
	"testing"
)

// Actions are numbered A1, A2, ... per operation with no gaps and no
// duplicates, also when many clients raise them at once.
func TestConcurrentRaisesGetConsecutiveNumbers(t *testing.T) {
	w := newWorld(t)
	const clients, each = 8, 15
	var mu sync.Mutex
	var numbers []string
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				res := w.env.Do(w.analyst, `mutation($op: ID!, $t: String!) { raiseAction(input: {operationId: $op, title: $t, priority: HIGH}) { number status dueDate } }`,
					map[string]any{"op": w.op, "t": fmt.Sprintf("Action from client %d #%d", c, i)})
				if len(res.Errors) > 0 {
					t.Errorf("raise: %s", res)
					return
				}
				mu.Lock()
				numbers = append(numbers, res.Str("raiseAction", "number"))
				mu.Unlock()
			}
		}(c)
	}
	wg.Wait()
	sort.Slice(numbers, func(i, j int) bool {
		var a, b int
		fmt.Sscanf(numbers[i], "A%d", &a)
		fmt.Sscanf(numbers[j], "A%d", &b)
		return a < b
	})
	if len(numbers) != clients*each {
		t.Fatalf("got %d numbers", len(numbers))
	}
	for i, n := range numbers {
		if n != fmt.Sprintf("A%d", i+1) {
			t.Fatalf("numbers are not A1..A%d without gaps or duplicates: %v", clients*each, numbers)
		}
	}
}

// The chain from intelligence to evidence is recorded: actions raised from
// items, exhibits obtained by actions, their continuity; decisions that
// supersede; targets with their subject.
func TestIntelligenceToEvidenceRecords(t *testing.T) {
	w := newWorld(t)
	per := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Ann", "familyName": "Lee"})
	item := w.create(t, w.analyst, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "CHIS", "grading": map[string]any{"source": "2", "assessment": "C", "handling": "P"}, "sanitisedText": "Stash at lock-up",
		"mentions": []map[string]any{{"entityId": per, "role": "SUBJECT"}}})
	act := w.env.Do(w.analyst, `mutation($op: ID!, $i: ID!) { raiseAction(input: {operationId: $op, title: "Search lock-up", raisedFromIds: [$i]}) {
		id number raisedFrom { id } } }`, map[string]any{"op": w.op, "i": item}).NoErrors()
	actID := act.Str("raiseAction", "id")
	if act.Str("raiseAction", "raisedFrom", 0, "id") != item {
		t.Fatalf("raisedFrom: %s", act)
	}
	inv := w.env.Officer("INVESTIGATOR", "SECRET")
	w.env.Do(w.sio, `mutation($op: ID!, $o: ID!) { addOperationMember(operationId: $op, officerId: $o) { id } }`, map[string]any{"op": w.op, "o": inv.OfficerID}).NoErrors()
	if res := w.env.Do(inv, `mutation($op: ID!, $a: ID!) { createExhibit(input: {operationId: $op, reference: "tx/1", kind: "drugs", description: "Wrap",
		obtainedById: $a, disclosureStatus: UNUSED_SENSITIVE}) { id } }`, map[string]any{"op": w.op, "a": actID}); res.Field() != "input.sensitivityReason" {
		t.Fatalf("sensitive material needs a reason: %s", res)
	}
	exh := w.env.Do(inv, `mutation($op: ID!, $a: ID!) { createExhibit(input: {operationId: $op, reference: "tx/1", kind: "drugs", description: "Wrap of white powder",
		obtainedById: $a, obtainedOn: "2026-03-02"}) { id reference obtainedBy { number } } }`, map[string]any{"op": w.op, "a": actID}).NoErrors()
	if exh.Str("createExhibit", "reference") != "TX/1" || exh.Str("createExhibit", "obtainedBy", "number") != "A1" {
		t.Fatalf("exhibit: %s", exh)
	}
	if dup := w.env.Do(inv, `mutation($op: ID!) { createExhibit(input: {operationId: $op, reference: "TX/1", kind: "CASH", description: "Cash"}) { id } }`,
		map[string]any{"op": w.op}); dup.Code() != "CONFLICT" {
		t.Fatalf("duplicate exhibit reference: %s", dup)
	}
	exhID := exh.Str("createExhibit", "id")
	cont := w.env.Do(inv, `mutation($e: ID!) { recordContinuity(exhibitId: $e, expectedVersion: 1, input: {heldBy: "DC Tom Hughes", location: "Property store", purpose: "Booked in"}) {
		version continuity { heldBy purpose } } }`, map[string]any{"e": exhID}).NoErrors()
	if cont.Int("recordContinuity", "version") != 2 || cont.Str("recordContinuity", "continuity", 0, "purpose") != "Booked in" {
		t.Fatalf("continuity: %s", cont)
	}
	back := w.env.Do(w.analyst, `query($a: ID!) { node(id: $a) { ... on Action { exhibits { reference } } } }`, map[string]any{"a": actID}).NoErrors()
	if back.Str("node", "exhibits", 0, "reference") != "TX/1" {
		t.Fatalf("action's exhibits: %s", back)
	}

	first := w.env.Do(w.sio, `mutation($op: ID!) { recordDecision(input: {operationId: $op, decision: "Search under warrant", rationale: "Grounds from item"}) { id } }`,
		map[string]any{"op": w.op}).NoErrors().Str("recordDecision", "id")
	second := w.env.Do(w.sio, `mutation($op: ID!, $d: ID!) { recordDecision(input: {operationId: $op, decision: "Search with consent", rationale: "Owner cooperating", supersedesId: $d}) {
		supersedes { id decision } } }`, map[string]any{"op": w.op, "d": first}).NoErrors()
	if second.Str("recordDecision", "supersedes", "id") != first {
		t.Fatalf("supersedes: %s", second)
	}

	tgt := w.env.Do(w.analyst, `mutation($op: ID!, $p: ID!) { nominateTarget(input: {operationId: $op, subjectId: $p, threatAreas: [DRUGS_SUPPLY]}) {
		status nimLevel subject { id label } } }`, map[string]any{"op": w.op, "p": per}).NoErrors()
	if tgt.Str("nominateTarget", "status") != "DRAFT" || tgt.Str("nominateTarget", "subject", "id") != per {
		t.Fatalf("target: %s", tgt)
	}
	if bad := w.env.Do(w.analyst, `mutation($op: ID!, $i: ID!) { nominateTarget(input: {operationId: $op, subjectId: $i, threatAreas: [FRAUD]}) { id } }`,
		map[string]any{"op": w.op, "i": item}); bad.Code() != "NOT_FOUND" || bad.Field() != "input.subjectId" {
		t.Fatalf("an intelligence item cannot be a target: %s", bad)
	}
}
