package keyline

import "testing"

// The need-to-know rule, case by case, with the answers written out.
func TestSees(t *testing.T) {
	analyst := &Actor{Roles: []Role{RoleAnalyst}, Clearance: Secret, Operations: []string{"op_a"}}
	auditor := &Actor{Roles: []Role{RoleAuditor}, Clearance: OfficialSensitive}
	external := &Actor{Roles: []Role{RoleExternalSystem}, Clearance: TopSecret, Operations: []string{"op_a"}}
	mixed := &Actor{Roles: []Role{RoleExternalSystem, RoleAnalyst}, Clearance: Secret, Operations: []string{"op_a"}}
	corrupt := &Actor{Roles: []Role{RoleAnalyst}, Clearance: "CORRUPT", Operations: []string{"op_a"}}
	cases := []struct {
		name string
		a    *Actor
		m    Marking
		want bool
	}{
		{"member, unmarked record", analyst, Marking{OperationID: "op_a"}, true},
		{"member, at clearance", analyst, Marking{OperationID: "op_a", Classification: Secret, Handling: HandlingC}, true},
		{"member, above clearance", analyst, Marking{OperationID: "op_a", Classification: TopSecret}, false},
		{"not a member", analyst, Marking{OperationID: "op_b"}, false},
		{"no operation fails closed", analyst, Marking{}, false},
		{"officers are unit-wide", analyst, Marking{UnitWide: true}, true},
		{"unknown handling fails closed", analyst, Marking{OperationID: "op_a", Handling: "X"}, false},
		{"unknown classification fails closed", analyst, Marking{OperationID: "op_a", Classification: "CORRUPT"}, false},
		{"auditor reads across operations", auditor, Marking{OperationID: "op_b", Classification: OfficialSensitive}, true},
		{"auditor within clearance only", auditor, Marking{OperationID: "op_b", Classification: Secret}, false},
		{"external system: P", external, Marking{OperationID: "op_a", Classification: Secret, Handling: HandlingP}, true},
		{"external system: never C", external, Marking{OperationID: "op_a", Handling: HandlingC}, false},
		{"external system and analyst: C", mixed, Marking{OperationID: "op_a", Handling: HandlingC}, true},
		{"unknown clearance sees nothing", corrupt, Marking{OperationID: "op_a"}, false},
		{"no actor sees nothing", nil, Marking{UnitWide: true}, false},
	}
	for _, c := range cases {
		if got := c.a.Sees(c.m); got != c.want {
			t.Errorf("%s: Sees = %v, want %v", c.name, got, c.want)
		}
	}
}

// A link is visible when one of its sources is; its levels say the same
// for Cypher.
func TestLinksBySources(t *testing.T) {
	analyst := &Actor{Roles: []Role{RoleAnalyst}, Clearance: Secret}
	external := &Actor{Roles: []Role{RoleExternalSystem}, Clearance: TopSecret}
	cases := []struct {
		marks                []string
		level, levelP        int
		analystSees, extSees bool
	}{
		{nil, NoLevel, NoLevel, false, false},
		{[]string{"OFFICIAL/P"}, 0, 0, true, true},
		{[]string{"TOP_SECRET/P"}, 3, 3, false, true},
		{[]string{"OFFICIAL/C"}, 0, NoLevel, true, false},
		{[]string{"TOP_SECRET/C", "SECRET/P"}, 2, 2, true, true},
		{[]string{"OFFICIAL_SENSITIVE/C", "TOP_SECRET/P"}, 1, 3, true, true},
		{[]string{"CORRUPT/P", "SECRET/X"}, NoLevel, NoLevel, false, false},
	}
	for _, c := range cases {
		level, levelP := LinkLevels(c.marks)
		if level != c.level || levelP != c.levelP {
			t.Errorf("LinkLevels(%v) = %d, %d; want %d, %d", c.marks, level, levelP, c.level, c.levelP)
		}
		if got := analyst.SeesLink(c.marks); got != c.analystSees {
			t.Errorf("analyst sees a link on %v = %v, want %v", c.marks, got, c.analystSees)
		}
		if got := external.SeesLink(c.marks); got != c.extSees {
			t.Errorf("external system sees a link on %v = %v, want %v", c.marks, got, c.extSees)
		}
		// The levels decide as SeesLink does.
		for _, a := range []*Actor{analyst, external} {
			lv := level
			if a.LinkLevelKey() == "sourceLevelP" {
				lv = levelP
			}
			if (lv <= a.ClearanceRank()) != a.SeesLink(c.marks) {
				t.Errorf("%v on %v: levels and SeesLink disagree", a.Roles, c.marks)
			}
		}
	}
}

// Nobody records anything they could not then read.
func TestAuthoriseMarking(t *testing.T) {
	analyst := &Actor{Roles: []Role{RoleAnalyst}, Clearance: OfficialSensitive}
	external := &Actor{Roles: []Role{RoleExternalSystem}, Clearance: Secret}
	cases := []struct {
		a        *Actor
		c        Classification
		handling string
		want     Code
	}{
		{analyst, OfficialSensitive, HandlingC, ""},
		{analyst, Secret, HandlingP, CodeForbidden},
		{analyst, "", "", ""},
		{external, Secret, HandlingP, ""},
		{external, Official, HandlingC, CodeForbidden},
		{nil, Official, HandlingP, CodeUnauthenticated},
	}
	for _, c := range cases {
		var got Code
		if err := c.a.AuthoriseMarking(c.c, c.handling); err != nil {
			got = ErrorCode(err)
		}
		if got != c.want {
			t.Errorf("AuthoriseMarking(%v, %s, %s) = %q, want %q", c.a, c.c, c.handling, got, c.want)
		}
	}
}
