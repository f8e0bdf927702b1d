package keyline

import "testing"

func TestActionLifecycle(t *testing.T) {
	manager := &Actor{OfficerID: "off_m", Roles: []Role{RoleActionManager}}
	sio := &Actor{OfficerID: "off_s", Roles: []Role{RoleSIO}}
	dc := &Actor{OfficerID: "off_dc", Roles: []Role{RoleInvestigator}}
	other := &Actor{OfficerID: "off_x", Roles: []Role{RoleInvestigator}}
	tests := []struct {
		name      string
		actor     *Actor
		from      ActionStatus
		allocated string
		change    ActionChange
		want      ActionStatus
		code      Code
	}{
		{"manager allocates a raised action", manager, ActionRaised, "", ActionChange{Step: StepAllocate, OfficerID: "off_dc"}, ActionAllocated, ""},
		{"manager reallocates", manager, ActionInProgress, "off_dc", ActionChange{Step: StepAllocate, OfficerID: "off_x"}, ActionAllocated, ""},
		{"allocation needs an officer", manager, ActionRaised, "", ActionChange{Step: StepAllocate}, "", CodeInvalid},
		{"investigator cannot allocate", dc, ActionRaised, "", ActionChange{Step: StepAllocate, OfficerID: "off_dc"}, "", CodeForbidden},
		{"allocated officer starts", dc, ActionAllocated, "off_dc", ActionChange{Step: StepStart}, ActionInProgress, ""},
		{"another officer cannot start it", other, ActionAllocated, "off_dc", ActionChange{Step: StepStart}, "", CodeForbidden},
		{"cannot start a raised action", dc, ActionRaised, "", ActionChange{Step: StepStart}, "", CodeConflict},
		{"allocated officer results", dc, ActionInProgress, "off_dc", ActionChange{Step: StepResult, Result: "Premises searched; nothing found"}, ActionResulted, ""},
		{"result needs text", dc, ActionInProgress, "off_dc", ActionChange{Step: StepResult, Result: "  "}, "", CodeInvalid},
		{"manager returns a result for more work", manager, ActionResulted, "off_dc", ActionChange{Step: StepReturn, Reason: "Statement unsigned"}, ActionInProgress, ""},
		{"manager completes", manager, ActionResulted, "off_dc", ActionChange{Step: StepComplete}, ActionCompleted, ""},
		{"completed is final", sio, ActionCompleted, "off_dc", ActionChange{Step: StepCancel, Reason: "x"}, "", CodeConflict},
		{"officer refers with a reason", dc, ActionInProgress, "off_dc", ActionChange{Step: StepRefer, Reason: "Subject has moved abroad"}, ActionReferred, ""},
		{"referral needs a reason", manager, ActionRaised, "", ActionChange{Step: StepRefer}, "", CodeInvalid},
		{"only the SIO cancels", manager, ActionReferred, "", ActionChange{Step: StepCancel, Reason: "No longer relevant"}, "", CodeForbidden},
		{"SIO cancels a referred action", sio, ActionReferred, "", ActionChange{Step: StepCancel, Reason: "No longer relevant"}, ActionCancelled, ""},
		{"deputy SIO may cancel", &Actor{Roles: []Role{RoleDeputySIO}}, ActionReferred, "", ActionChange{Step: StepCancel, Reason: "Duplicate of A12"}, ActionCancelled, ""},
		{"cancel needs a reason", sio, ActionReferred, "", ActionChange{Step: StepCancel}, "", CodeInvalid},
		{"SIO reinstates", sio, ActionReferred, "", ActionChange{Step: StepReinstate, Reason: "Still relevant to LoE 2"}, ActionRaised, ""},
		{"cancelled is final", sio, ActionCancelled, "", ActionChange{Step: StepReinstate, Reason: "x"}, "", CodeConflict},
		{"unknown step", sio, ActionRaised, "", ActionChange{Step: "EXPLODE"}, "", CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := NextActionStatus(tt.actor, tt.from, tt.allocated, tt.change)
			if tt.code != "" {
				if ErrorCode(err) != tt.code {
					t.Fatalf("want %s, got %v (%v)", tt.code, err, got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}
