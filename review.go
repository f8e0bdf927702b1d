package keyline

import (
	"fmt"
	"slices"
	"strings"
)

// TargetStatus is where a target is in the unit's review workflow.
type TargetStatus string

const (
	TargetDraft              TargetStatus = "DRAFT"
	TargetSubmitted          TargetStatus = "SUBMITTED"
	TargetAdopted            TargetStatus = "ADOPTED"
	TargetRejected           TargetStatus = "REJECTED"
	TargetParked             TargetStatus = "PARKED"
	TargetUnderInvestigation TargetStatus = "UNDER_INVESTIGATION"
	TargetDisrupted          TargetStatus = "DISRUPTED"
	TargetClosed             TargetStatus = "CLOSED"
)

// reviewRule is one allowed move and who may make it.
type reviewRule struct {
	from  []TargetStatus
	roles []Role
}

var diOnly = []Role{RoleSIO, RoleDeputySIO}

// reviewRules: an analyst (or the DI) submits a draft; the DI adopts,
// rejects or parks a submitted (or parked) package; an adopted target goes
// under investigation; an investigation ends disrupted or closed; a parked
// or rejected package may be reworked as a draft.
var reviewRules = map[TargetStatus]reviewRule{
	TargetSubmitted:          {from: []TargetStatus{TargetDraft, TargetParked}, roles: []Role{RoleAnalyst, RoleSIO, RoleDeputySIO}},
	TargetAdopted:            {from: []TargetStatus{TargetSubmitted, TargetParked}, roles: diOnly},
	TargetRejected:           {from: []TargetStatus{TargetSubmitted, TargetParked}, roles: diOnly},
	TargetParked:             {from: []TargetStatus{TargetSubmitted}, roles: diOnly},
	TargetUnderInvestigation: {from: []TargetStatus{TargetAdopted, TargetDisrupted}, roles: diOnly},
	TargetDisrupted:          {from: []TargetStatus{TargetUnderInvestigation}, roles: diOnly},
	TargetClosed:             {from: []TargetStatus{TargetUnderInvestigation, TargetDisrupted, TargetRejected}, roles: diOnly},
	TargetDraft:              {from: []TargetStatus{TargetRejected, TargetParked}, roles: []Role{RoleAnalyst, RoleSIO, RoleDeputySIO}},
}

// CheckReview checks a review moving a target from one status to another
// by actor a, with the rationale the policy file needs.
func CheckReview(a *Actor, from, to TargetStatus, rationale string) error {
	rule, ok := reviewRules[to]
	if !ok {
		return FieldErrorf("input.status", "unknown status %q", to)
	}
	if !slices.Contains(rule.from, from) {
		return &Error{Code: CodeConflict, Field: "input.status",
			Message: fmt.Sprintf("a %s target cannot be moved to %s", from, to)}
	}
	if !slices.ContainsFunc(rule.roles, a.Has) {
		return Errorf(CodeForbidden, "only the SIO or deputy SIO may move a target to %s", to)
	}
	if strings.TrimSpace(rationale) == "" {
		return FieldErrorf("input.rationale", "every review records its rationale in the policy file")
	}
	return nil
}
