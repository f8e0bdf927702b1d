package keyline

import "testing"

func TestCheckReview(t *testing.T) {
	analyst := &Actor{Roles: []Role{RoleAnalyst}}
	di := &Actor{Roles: []Role{RoleSIO}}
	tests := []struct {
		name      string
		a         *Actor
		from, to  TargetStatus
		rationale string
		code      Code
	}{
		{"analyst submits a draft", analyst, TargetDraft, TargetSubmitted, "Package complete", ""},
		{"DI adopts", di, TargetSubmitted, TargetAdopted, "Highest harm in the unit", ""},
		{"analyst cannot adopt", analyst, TargetSubmitted, TargetAdopted, "x", CodeForbidden},
		{"DI parks", di, TargetSubmitted, TargetParked, "No capacity this quarter", ""},
		{"parked is resubmitted", analyst, TargetParked, TargetSubmitted, "New intelligence", ""},
		{"adopted goes under investigation", di, TargetAdopted, TargetUnderInvestigation, "Op opened", ""},
		{"cannot skip to disrupted", di, TargetAdopted, TargetDisrupted, "x", CodeConflict},
		{"investigation disrupts", di, TargetUnderInvestigation, TargetDisrupted, "Line closed down", ""},
		{"disrupted closes", di, TargetDisrupted, TargetClosed, "Charged", ""},
		{"closed is final", di, TargetClosed, TargetUnderInvestigation, "x", CodeConflict},
		{"draft cannot be adopted directly", di, TargetDraft, TargetAdopted, "x", CodeConflict},
		{"rationale required", di, TargetSubmitted, TargetRejected, "  ", CodeInvalid},
		{"rejected reworked as draft", analyst, TargetRejected, TargetDraft, "Gaps filled", ""},
		{"unknown status", di, TargetDraft, "DELETED", "x", CodeInvalid},
	}
	for _, tt := range tests {
		err := CheckReview(tt.a, tt.from, tt.to, tt.rationale)
		if tt.code == "" && err != nil || tt.code != "" && ErrorCode(err) != tt.code {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.code)
		}
	}
}
