package disclosure

import (
	"testing"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/graph/model"
)

func TestEntriesNumberDescribeAndGiveReasonsOnlyOnTheMG6DForThoseWhoReadIt(t *testing.T) {
	reason := "reveals a covert tactic"
	exhibits := func() []*model.Exhibit {
		return []*model.Exhibit{
			{Reference: "EX/1", Kind: "PHONE", Description: "Seized handset", SensitivityReason: &reason},
			{Reference: "EX/2", Kind: "Document", Description: "Tenancy agreement"},
		}
	}
	sio := &keyline.Actor{Roles: []keyline.Role{keyline.RoleSIO}}
	auditor := &keyline.Actor{Roles: []keyline.Role{keyline.RoleAuditor}}
	analyst := &keyline.Actor{Roles: []keyline.Role{keyline.RoleAnalyst}}
	for _, tc := range []struct {
		name       string
		reader     *keyline.Actor
		kind       model.ScheduleKind
		wantReason bool
	}{
		{"MG6D for the SIO", sio, model.ScheduleKindMg6d, true},
		{"MG6D for an auditor", auditor, model.ScheduleKindMg6d, true},
		{"MG6D for an analyst", analyst, model.ScheduleKindMg6d, false},
		{"MG6C for the SIO", sio, model.ScheduleKindMg6c, false},
		{"MG6C for an analyst", analyst, model.ScheduleKindMg6c, false},
	} {
		got := entries(tc.reader, tc.kind, exhibits())
		if len(got) != 2 {
			t.Fatalf("%s: %d entries, want 2", tc.name, len(got))
		}
		for i, want := range []string{"EX/1 phone: Seized handset", "EX/2 document: Tenancy agreement"} {
			if got[i].Number != i+1 || got[i].Description != want {
				t.Errorf("%s: entry %d = %d %q, want %d %q", tc.name, i, got[i].Number, got[i].Description, i+1, want)
			}
		}
		if hasReason := got[0].Reason != nil; hasReason != tc.wantReason {
			t.Errorf("%s: reason given = %v, want %v", tc.name, hasReason, tc.wantReason)
		}
		if got[1].Reason != nil {
			t.Errorf("%s: an exhibit with no reason was given one", tc.name)
		}
	}
	if got := entries(sio, model.ScheduleKindMg6c, nil); got == nil || len(got) != 0 {
		t.Errorf("no exhibits: entries = %#v, want an empty list (the schedule's entries are never null)", got)
	}
}
