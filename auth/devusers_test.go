package auth

import (
	"testing"

	"github.com/keyline/keyline"
)

func TestDevUsers(t *testing.T) {
	if len(DevUsers) != len(keyline.Roles) {
		t.Fatalf("%d dev users for %d roles", len(DevUsers), len(keyline.Roles))
	}
	for i, role := range keyline.Roles {
		u := DevUsers[i]
		if len(u.Roles) != 1 || u.Roles[0] != role || !u.Clearance.Valid() || u.Subject == "" {
			t.Errorf("dev user %d = %+v, want role %s", i, u, role)
		}
	}
}

func TestDevUserForRole(t *testing.T) {
	tests := []struct {
		role, subject string
		ok            bool
	}{
		{"ANALYST", "dev-analyst", true},
		{"deputy_sio", "dev-deputy-sio", true},
		{"External_System", "dev-external", true},
		{"sio", "dev-sio", true},
		{"admin", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		u, ok := DevUserForRole(tt.role)
		if ok != tt.ok || u.Subject != tt.subject {
			t.Errorf("DevUserForRole(%q) = %q, %v", tt.role, u.Subject, ok)
		}
	}
}
