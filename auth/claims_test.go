package auth

import (
	"testing"

	"github.com/keyline/keyline"
)

func TestParseClassification(t *testing.T) {
	tests := []struct {
		in   string
		want keyline.Classification
		ok   bool
	}{
		{"OFFICIAL", keyline.Official, true},
		{"official", keyline.Official, true},
		{"OFFICIAL-SENSITIVE", keyline.OfficialSensitive, true},
		{"Official Sensitive", keyline.OfficialSensitive, true},
		{" secret ", keyline.Secret, true},
		{"top_secret", keyline.TopSecret, true},
		{"", "", false},
		{"SC", "", false},
		{"RESTRICTED", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseClassification(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("ParseClassification(%q) = %q, %v", tt.in, got, ok)
		}
	}
}

func TestParseRoles(t *testing.T) {
	got := parseRoles([]string{" analyst", "ANALYST", "nope", "auditor"})
	if !equalRoles(got, []keyline.Role{keyline.RoleAnalyst, keyline.RoleAuditor}) {
		t.Fatalf("got %v", got)
	}
	if parseRoles(nil) != nil {
		t.Fatal("no names should give no roles")
	}
}
