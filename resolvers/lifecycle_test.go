package resolvers_test

import (
	"testing"
	"time"

	"github.com/keyline/keyline"
)

// An action runs raised → allocated → in progress → resulted → completed,
// every step recorded with who and when; referral and cancellation need
// the SIO and a reason; the queues and dashboard follow.
func TestActionLifecycleThroughTheAPI(t *testing.T) {
	w := newWorld(t)
	manager := w.env.Officer(keyline.RoleActionManager, keyline.Secret)
	dc := w.env.Officer(keyline.RoleInvestigator, keyline.Secret)
	stranger := w.env.Officer(keyline.RoleInvestigator, keyline.Secret)
	for _, m := range []*keyline.Actor{manager, dc} {
		w.env.Do(w.sio, `mutation($op: ID!, $o: ID!) { addOperationMember(operationId: $op, officerId: $o) { id } }`, map[string]any{"op": w.op, "o": m.OfficerID}).NoErrors()
	}
	opVersion := w.env.Do(w.sio, `query($op: ID!) { operation(id: $op) { version } }`, map[string]any{"op": w.op}).NoErrors().Int("operation", "version")
	if r := w.env.Do(w.sio, `mutation($op: ID!, $v: Int!) { setActionPolicy(operationId: $op, expectedVersion: $v, input: {highHours: 48, mediumDays: 5, lowDays: 3}) { id } }`,
		map[string]any{"op": w.op, "v": opVersion}); r.Code() != "BAD_USER_INPUT" {
		t.Fatalf("timescales that shorten as priority falls: %s", r)
	}
	w.env.Do(w.sio, `mutation($op: ID!, $v: Int!) { setActionPolicy(operationId: $op, expectedVersion: $v, input: {highHours: 48, mediumDays: 10, lowDays: 30}) { actionPolicy { highHours } } }`,
		map[string]any{"op": w.op, "v": opVersion}).NoErrors()

	raised := w.env.Do(manager, `mutation($op: ID!) { raiseAction(input: {operationId: $op, title: "Download phone", priority: MEDIUM, requiredSkills: ["phone_download"]}) {
		id number status dueDate history { step to actor } allocationSuggestions { officer { id } skillsMissing reasons } } }`,
		map[string]any{"op": w.op}).NoErrors()
	id := raised.Str("raiseAction", "id")
	wantDue := time.Now().UTC().AddDate(0, 0, 10).Format("2006-01-02")
	if raised.Str("raiseAction", "dueDate") != wantDue {
		t.Errorf("due date from the SIO's 10-day Medium timescale: got %s want %s", raised.Str("raiseAction", "dueDate"), wantDue)
	}
	if raised.Str("raiseAction", "history", 0, "step") != "RAISE" {
		t.Errorf("history: %s", raised)
	}

	step := func(a *keyline.Actor, version int, in map[string]any) *struct {
		code, field string
		version     int
	} {
		res := w.env.Do(a, `mutation($id: ID!, $v: Int!, $in: ProgressActionInput!) { progressAction(id: $id, expectedVersion: $v, input: $in) { version status } }`,
			map[string]any{"id": id, "v": version, "in": in})
		out := &struct {
			code, field string
			version     int
		}{code: res.Code(), field: res.Field()}
		if out.code == "" {
			out.version = res.Int("progressAction", "version")
		}
		return out
	}
	if r := step(manager, 1, map[string]any{"step": "ALLOCATE", "officerId": stranger.OfficerID}); r.code != "BAD_USER_INPUT" || r.field != "input.officerId" {
		t.Fatalf("allocation to a non-member must be refused: %+v", r)
	}
	if r := step(dc, 1, map[string]any{"step": "ALLOCATE", "officerId": dc.OfficerID}); r.code != "FORBIDDEN" {
		t.Fatalf("an investigator cannot allocate: %+v", r)
	}
	v := step(manager, 1, map[string]any{"step": "ALLOCATE", "officerId": dc.OfficerID}).version
	if r := step(dc, v, map[string]any{"step": "COMPLETE"}); r.code != "CONFLICT" {
		t.Fatalf("an allocated action cannot be completed: %+v", r)
	}
	if r := step(dc, v-1, map[string]any{"step": "START"}); r.code != "CONFLICT" {
		t.Fatalf("stale version: %+v", r)
	}
	v = step(dc, v, map[string]any{"step": "START"}).version
	if r := step(dc, v, map[string]any{"step": "RESULT"}); r.field != "input.result" {
		t.Fatalf("result needs text: %+v", r)
	}
	v = step(dc, v, map[string]any{"step": "RESULT", "result": "Phone downloaded; report JS/4"}).version

	queue := func(q string) int {
		return w.env.Do(manager, `query($op: ID!, $q: ActionQueue!) { operation(id: $op) { actionQueue(queue: $q) { totalCount } } }`,
			map[string]any{"op": w.op, "q": q}).NoErrors().Int("operation", "actionQueue", "totalCount")
	}
	if queue("RESULTED") != 1 || queue("OUTSTANDING") != 0 {
		t.Fatalf("queues after result: resulted %d outstanding %d", queue("RESULTED"), queue("OUTSTANDING"))
	}
	if r := step(manager, v, map[string]any{"step": "COMPLETE"}); r.code != "" {
		t.Fatalf("complete: %+v", r)
	}

	done := w.env.Do(manager, `query($id: ID!) { node(id: $id) { ... on Action { status resultedAt allocatedTo { id } history { step from to actor officerId } } } }`,
		map[string]any{"id": id}).NoErrors()
	steps := []string{"RAISE", "ALLOCATE", "START", "RESULT", "COMPLETE"}
	for i, s := range steps {
		if done.Str("node", "history", i, "step") != s {
			t.Fatalf("history step %d: %s", i, done)
		}
	}
	if done.Str("node", "history", 1, "officerId") != dc.OfficerID || done.Str("node", "history", 2, "actor") != dc.Subject ||
		done.Str("node", "allocatedTo", "id") != dc.OfficerID {
		t.Fatalf("history records who: %s", done)
	}

	// Referral and cancellation.
	other := w.env.Do(manager, `mutation($op: ID!) { raiseAction(input: {operationId: $op, title: "Trace vehicle", priority: HIGH, dueDate: "2026-01-01"}) { id } }`,
		map[string]any{"op": w.op}).NoErrors().Str("raiseAction", "id")
	if queue("OVERDUE") != 1 {
		t.Fatalf("an open action past its due date is overdue")
	}
	id = other
	w.env.Do(manager, `mutation($id: ID!) { chaseAction(id: $id, expectedVersion: 1, note: "Chased by email") { chaseCount } }`, map[string]any{"id": id}).NoErrors()
	if r := step(manager, 2, map[string]any{"step": "REFER"}); r.field != "input.reason" {
		t.Fatalf("referral needs a reason: %+v", r)
	}
	v = step(manager, 2, map[string]any{"step": "REFER", "reason": "Vehicle already traced under A1"}).version
	if queue("REFERRED") != 1 {
		t.Fatal("referred queue")
	}
	if r := step(manager, v, map[string]any{"step": "CANCEL", "reason": "Duplicate"}); r.code != "FORBIDDEN" {
		t.Fatalf("only the SIO cancels: %+v", r)
	}
	step(w.sio, v, map[string]any{"step": "CANCEL", "reason": "Duplicate of A1"})

	dash := w.env.Do(w.sio, `query($op: ID!) { operation(id: $op) { actionDashboard { open overdue overdueRate medianHoursToResult
		byStatus { key count } openByPriority { key count } loadPerOfficer { officer { id } openActions } } } }`, map[string]any{"op": w.op}).NoErrors()
	if dash.Int("operation", "actionDashboard", "open") != 0 || dash.Path("operation", "actionDashboard", "medianHoursToResult") == nil {
		t.Fatalf("dashboard: %s", dash)
	}
	byStatus := map[string]int{}
	for _, c := range dash.Path("operation", "actionDashboard", "byStatus").([]any) {
		m := c.(map[string]any)
		byStatus[m["key"].(string)] = int(m["count"].(float64))
	}
	if byStatus["COMPLETED"] != 1 || byStatus["CANCELLED"] != 1 {
		t.Fatalf("by status: %v", byStatus)
	}
	trail := w.env.Do(w.sio, `query($id: ID!) { auditTrail(filter: {entityId: $id}) { totalCount } }`, map[string]any{"id": id}).NoErrors()
	if trail.Int("auditTrail", "totalCount") != 4 { // raise, chase, refer, cancel
		t.Fatalf("every change audited: %s", trail)
	}
}
