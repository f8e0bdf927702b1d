package resolvers_test

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
)

// Actions are numbered A1, A2, ... per operation with no gaps and no
// duplicates, also when many clients raise them at once: 1,000 actions
// raised by 16 concurrent clients get 1,000 distinct consecutive numbers.
func TestConcurrentRaisesGetConsecutiveNumbers(t *testing.T) {
	w := newWorld(t)
	const clients, total = 16, 1000
	var next atomic.Int64
	var mu sync.Mutex
	seen := map[int]bool{}
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for next.Add(1) <= total {
				res := w.env.Do(w.analyst, `mutation($op: ID!) { raiseAction(input: {operationId: $op, title: "Concurrent raise", priority: HIGH}) { number } }`,
					map[string]any{"op": w.op})
				if len(res.Errors) > 0 {
					t.Errorf("raise: %s", res)
					return
				}
				var n int
				fmt.Sscanf(res.Str("raiseAction", "number"), "A%d", &n)
				mu.Lock()
				if seen[n] {
					t.Errorf("duplicate number A%d", n)
				}
				seen[n] = true
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(seen) != total {
		t.Fatalf("got %d distinct numbers, want %d", len(seen), total)
	}
	for i := 1; i <= total; i++ {
		if !seen[i] {
			t.Fatalf("numbers have a gap at A%d", i)
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

// Every exhibit traces back to the graded intelligence that started it,
// and every item forward to what it produced.
func TestTraceIntelligenceIntoEvidence(t *testing.T) {
	w := newWorld(t)
	inv := w.env.Officer("INVESTIGATOR", "SECRET")
	w.env.Do(w.sio, `mutation($op: ID!, $o: ID!) { addOperationMember(operationId: $op, officerId: $o) { id } }`, map[string]any{"op": w.op, "o": inv.OfficerID}).NoErrors()
	item := func(text string) string {
		return w.create(t, w.analyst, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
			"sourceType": "CHIS", "grading": map[string]any{"source": "2", "assessment": "B", "handling": "P"}, "sanitisedText": text})
	}
	raise := func(title string, from ...string) string {
		return w.env.Do(w.analyst, `mutation($op: ID!, $t: String!, $f: [ID!]) { raiseAction(input: {operationId: $op, title: $t, raisedFromIds: $f}) { id } }`,
			map[string]any{"op": w.op, "t": title, "f": from}).NoErrors().Str("raiseAction", "id")
	}
	i1 := item("Lock-up used as a stash")
	idle := item("Unactioned report")
	a1 := raise("Observe lock-up", i1)
	i2 := w.create(t, w.analyst, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "SURVEILLANCE", "grading": map[string]any{"source": "1", "assessment": "A", "handling": "P"}, "sanitisedText": "Subject seen entering", "derivedFromActionId": a1})
	a2 := raise("Search lock-up", i2, a1)
	exh := w.env.Do(inv, `mutation($op: ID!, $a: ID!) { createExhibit(input: {operationId: $op, reference: "TH/1", kind: "DRUGS", description: "Wraps", obtainedById: $a}) { id } }`,
		map[string]any{"op": w.op, "a": a2}).NoErrors().Str("createExhibit", "id")

	back := w.env.Do(w.analyst, `query($e: ID!) { node(id: $e) { ... on Exhibit { traceBack { truncated steps { from to relation }
		nodes { id ... on IntelligenceItem { grading { code } } } } } } }`, map[string]any{"e": exh}).NoErrors()
	ids := map[string]bool{}
	for _, n := range back.Path("node", "traceBack", "nodes").([]any) {
		ids[n.(map[string]any)["id"].(string)] = true
	}
	for _, want := range []string{exh, a2, i2, a1, i1} {
		if !ids[want] {
			t.Fatalf("trace back misses %s: %s", want, back)
		}
	}
	if ids[idle] || len(back.Path("node", "traceBack", "steps").([]any)) != 5 {
		t.Fatalf("trace back: %s", back)
	}
	fwd := w.env.Do(w.analyst, `query($i: ID!) { node(id: $i) { ... on IntelligenceItem { actions { id } traceForward { nodes { id __typename } } } } }`,
		map[string]any{"i": i1}).NoErrors()
	found := false
	for _, n := range fwd.Path("node", "traceForward", "nodes").([]any) {
		found = found || n.(map[string]any)["id"] == exh
	}
	if !found || fwd.Str("node", "actions", 0, "id") != a1 {
		t.Fatalf("trace forward must reach the exhibit: %s", fwd)
	}
	gaps := w.env.Do(w.analyst, `query($op: ID!) { operation(id: $op) { undevelopedIntelligence { totalCount edges { node { id } } }
		uncorroboratedIntelligence { totalCount } intelligenceConversion { items developed evidenced conversionRate } } }`,
		map[string]any{"op": w.op}).NoErrors()
	if gaps.Int("operation", "undevelopedIntelligence", "totalCount") != 1 || gaps.Str("operation", "undevelopedIntelligence", "edges", 0, "node", "id") != idle ||
		gaps.Int("operation", "uncorroboratedIntelligence", "totalCount") != 1 || gaps.Int("operation", "intelligenceConversion", "evidenced") != 2 ||
		gaps.Int("operation", "intelligenceConversion", "items") != 3 {
		t.Fatalf("gaps and conversion: %s", gaps)
	}
}

// CPIA schedules number unused material consecutively; MG6D is restricted
// and carries reasons. MOPI reviews are queued and decided with rationale.
func TestDisclosureSchedulesAndMOPI(t *testing.T) {
	w := newWorld(t)
	inv := w.env.Officer("INVESTIGATOR", "SECRET")
	w.env.Do(w.sio, `mutation($op: ID!, $o: ID!) { addOperationMember(operationId: $op, officerId: $o) { id } }`, map[string]any{"op": w.op, "o": inv.OfficerID}).NoErrors()
	exhibit := func(ref, status, reason string) string {
		in := map[string]any{"operationId": w.op, "reference": ref, "kind": "DOCUMENT", "description": "Item " + ref, "disclosureStatus": status, "reviewDate": "2026-01-31"}
		if reason != "" {
			in["sensitivityReason"] = reason
		}
		return w.env.Do(inv, `mutation($in: CreateExhibitInput!) { createExhibit(input: $in) { id } }`, map[string]any{"in": in}).NoErrors().Str("createExhibit", "id")
	}
	exhibit("TH/1", "UNUSED_NON_SENSITIVE", "")
	exhibit("TH/2", "USED", "")
	exhibit("TH/3", "UNUSED_NON_SENSITIVE", "")
	sens := exhibit("TH/4", "UNUSED_SENSITIVE", "Reveals a covert technique")

	q := `query($op: ID!, $k: ScheduleKind!) { operation(id: $op) { disclosureSchedule(kind: $k) { kind entries { number description reason exhibit { reference } } } } }`
	c := w.env.Do(w.analyst, q, map[string]any{"op": w.op, "k": "MG6C"}).NoErrors()
	if len(c.Path("operation", "disclosureSchedule", "entries").([]any)) != 2 || c.Int("operation", "disclosureSchedule", "entries", 1, "number") != 2 ||
		c.Str("operation", "disclosureSchedule", "entries", 1, "exhibit", "reference") != "TH/3" {
		t.Fatalf("MG6C: %s", c)
	}
	if d := w.env.Do(w.analyst, q, map[string]any{"op": w.op, "k": "MG6D"}); d.Code() != "FORBIDDEN" {
		t.Fatalf("MG6D is for the SIO: %s", d)
	}
	d := w.env.Do(w.sio, q, map[string]any{"op": w.op, "k": "MG6D"}).NoErrors()
	if d.Str("operation", "disclosureSchedule", "entries", 0, "reason") != "Reveals a covert technique" {
		t.Fatalf("MG6D: %s", d)
	}

	due := w.env.Do(w.sio, `query($op: ID!) { operation(id: $op) { reviewsDue { overdue record { id } } } }`, map[string]any{"op": w.op}).NoErrors()
	if len(due.Path("operation", "reviewsDue").([]any)) != 4 || due.Path("operation", "reviewsDue", 0, "overdue") != true {
		t.Fatalf("reviews due: %s", due)
	}
	retain := `mutation($id: ID!, $in: RetentionInput!) { recordRetention(id: $id, expectedVersion: 1, input: $in) { ... on Exhibit { disposed reviewDate retention { decision decidedBy } } } }`
	if r := w.env.Do(w.sio, retain, map[string]any{"id": sens, "in": map[string]any{"decision": "RETAIN", "rationale": "Trial pending"}}); r.Field() != "input.nextReviewDate" {
		t.Fatalf("retain needs a next review: %s", r)
	}
	if r := w.env.Do(w.analyst, retain, map[string]any{"id": sens, "in": map[string]any{"decision": "DISPOSE", "rationale": "x"}}); r.Code() != "FORBIDDEN" {
		t.Fatalf("only the SIO decides retention: %s", r)
	}
	kept := w.env.Do(w.sio, retain, map[string]any{"id": sens, "in": map[string]any{"decision": "RETAIN", "rationale": "Trial pending", "nextReviewDate": "2031-01-31"}}).NoErrors()
	if kept.Str("recordRetention", "reviewDate") != "2031-01-31" || kept.Str("recordRetention", "retention", 0, "decidedBy") != w.sio.Subject {
		t.Fatalf("retain: %s", kept)
	}
	after := w.env.Do(w.sio, `query($op: ID!) { operation(id: $op) { reviewsDue { record { id } } } }`, map[string]any{"op": w.op}).NoErrors()
	if len(after.Path("operation", "reviewsDue").([]any)) != 3 {
		t.Fatalf("a retained item leaves the queue until its next review: %s", after)
	}
}
