package keyline

import (
	"fmt"
	"slices"
	"strings"
)

// ActionStatus is where an action is in its HOLMES2-style lifecycle.
type ActionStatus string

const (
	ActionRaised     ActionStatus = "RAISED"
	ActionAllocated  ActionStatus = "ALLOCATED"
	ActionInProgress ActionStatus = "IN_PROGRESS"
	ActionResulted   ActionStatus = "RESULTED"
	ActionCompleted  ActionStatus = "COMPLETED"
	ActionReferred   ActionStatus = "REFERRED"
	ActionCancelled  ActionStatus = "CANCELLED"
)

// ActionStep is something done to an action.
type ActionStep string

const (
	StepAllocate  ActionStep = "ALLOCATE"  // allocate or reallocate to an officer
	StepStart     ActionStep = "START"     // the officer starts work
	StepResult    ActionStep = "RESULT"    // the officer submits the result
	StepReturn    ActionStep = "RETURN"    // the action manager returns a result for more work
	StepComplete  ActionStep = "COMPLETE"  // the action manager files it
	StepRefer     ActionStep = "REFER"     // judged no longer relevant: referred to the SIO
	StepReinstate ActionStep = "REINSTATE" // the SIO declines to cancel a referred action
	StepCancel    ActionStep = "CANCEL"    // cancelled with the SIO's authority
)

// actionRule says from which states a step may be taken, the state it
// leads to, and who may take it.
type actionRule struct {
	from  []ActionStatus
	to    ActionStatus
	roles []Role
	// allocatedMayAct lets the officer the action is allocated to take the
	// step whatever their role.
	allocatedMayAct bool
	needsReason     bool
	needsResult     bool
	needsOfficer    bool
}

var openStatuses = []ActionStatus{ActionRaised, ActionAllocated, ActionInProgress}

var actionRules = map[ActionStep]actionRule{
	StepAllocate:  {from: []ActionStatus{ActionRaised, ActionAllocated, ActionInProgress}, to: ActionAllocated, roles: []Role{RoleActionManager, RoleSIO, RoleDeputySIO}, needsOfficer: true},
	StepStart:     {from: []ActionStatus{ActionAllocated}, to: ActionInProgress, roles: []Role{RoleActionManager}, allocatedMayAct: true},
	StepResult:    {from: []ActionStatus{ActionAllocated, ActionInProgress}, to: ActionResulted, roles: []Role{RoleActionManager}, allocatedMayAct: true, needsResult: true},
	StepReturn:    {from: []ActionStatus{ActionResulted}, to: ActionInProgress, roles: []Role{RoleActionManager, RoleSIO, RoleDeputySIO}, needsReason: true},
	StepComplete:  {from: []ActionStatus{ActionResulted}, to: ActionCompleted, roles: []Role{RoleActionManager, RoleSIO, RoleDeputySIO}},
	StepRefer:     {from: openStatuses, to: ActionReferred, roles: []Role{RoleActionManager, RoleSIO, RoleDeputySIO}, allocatedMayAct: true, needsReason: true},
	StepReinstate: {from: []ActionStatus{ActionReferred}, to: ActionRaised, roles: []Role{RoleSIO, RoleDeputySIO}, needsReason: true},
	StepCancel:    {from: []ActionStatus{ActionReferred, ActionRaised, ActionAllocated, ActionInProgress}, to: ActionCancelled, roles: []Role{RoleSIO, RoleDeputySIO}, needsReason: true},
}

// ActionChange is a requested step with what it carries.
type ActionChange struct {
	Step   ActionStep
	Reason string
	Result string
	// OfficerID is the officer to allocate to (StepAllocate).
	OfficerID string
}

// NextActionStatus checks a step against the lifecycle and the actor, and
// returns the state it leads to. allocatedTo is the officer the action is
// currently allocated to ("" if none).
func NextActionStatus(a *Actor, current ActionStatus, allocatedTo string, c ActionChange) (ActionStatus, error) {
	rule, ok := actionRules[c.Step]
	if !ok {
		return "", FieldErrorf("step", "unknown step %q", c.Step)
	}
	if !slices.Contains(rule.from, current) {
		return "", &Error{Code: CodeConflict, Field: "step",
			Message: fmt.Sprintf("an action that is %s cannot be %s", current, stepPast(c.Step))}
	}
	allowed := false
	for _, r := range rule.roles {
		allowed = allowed || a.Has(r)
	}
	if rule.allocatedMayAct && allocatedTo != "" && a != nil && a.OfficerID == allocatedTo {
		allowed = true
	}
	if !allowed {
		return "", Errorf(CodeForbidden, "your role may not %s this action", stepVerb(c.Step))
	}
	switch {
	case rule.needsReason && strings.TrimSpace(c.Reason) == "":
		return "", FieldErrorf("reason", "a reason is required to %s an action", stepVerb(c.Step))
	case rule.needsResult && strings.TrimSpace(c.Result) == "":
		return "", FieldErrorf("result", "the result must be recorded")
	case rule.needsOfficer && c.OfficerID == "":
		return "", FieldErrorf("officerId", "name the officer to allocate to")
	}
	return rule.to, nil
}

// ActionOpen reports whether an action still needs work (it counts
// towards workload, queues and overdue figures).
func ActionOpen(s ActionStatus) bool { return slices.Contains(openStatuses, s) }

func stepVerb(s ActionStep) string {
	return map[ActionStep]string{StepAllocate: "allocate", StepStart: "start", StepResult: "result", StepReturn: "return",
		StepComplete: "complete", StepRefer: "refer", StepReinstate: "reinstate", StepCancel: "cancel"}[s]
}

func stepPast(s ActionStep) string {
	return map[ActionStep]string{StepAllocate: "allocated", StepStart: "started", StepResult: "resulted", StepReturn: "returned",
		StepComplete: "completed", StepRefer: "referred", StepReinstate: "reinstated", StepCancel: "cancelled"}[s]
}
