package auth

import "github.com/keyline/keyline"

// Issuer and audience of development tokens.
const (
	DevIssuer   = "keyline-dev"
	DevAudience = "keyline"
)

// DevUser is a demo identity for development mode. The seed data creates an
// Officer with each Subject and makes it a member of the demo operation.
type DevUser struct {
	Subject   string
	Name      string
	Roles     []keyline.Role
	Clearance keyline.Classification
}

// DevUsers has one demo user per role, in keyline.Roles order. The names
// say DEV so that a screenshot can never pass for live data.
var DevUsers = []DevUser{
	{"dev-analyst", "Priya Nair (DEV analyst)", []keyline.Role{keyline.RoleAnalyst}, keyline.Secret},
	{"dev-investigator", "Tom Hughes (DEV investigator)", []keyline.Role{keyline.RoleInvestigator}, keyline.OfficialSensitive},
	{"dev-action-manager", "Sian Lloyd (DEV action manager)", []keyline.Role{keyline.RoleActionManager}, keyline.OfficialSensitive},
	{"dev-sio", "DI Mark Ellison (DEV SIO)", []keyline.Role{keyline.RoleSIO}, keyline.Secret},
	{"dev-deputy-sio", "DS Ruth Okafor (DEV deputy SIO)", []keyline.Role{keyline.RoleDeputySIO}, keyline.Secret},
	{"dev-auditor", "Alan Reeve (DEV auditor)", []keyline.Role{keyline.RoleAuditor}, keyline.Secret},
	{"dev-external", "Intel feed (DEV external system)", []keyline.Role{keyline.RoleExternalSystem}, keyline.OfficialSensitive},
}

// DevUserForRole returns the demo user holding role (any case, e.g.
// "analyst" or "DEPUTY_SIO").
func DevUserForRole(role string) (DevUser, bool) {
	r, ok := keyline.ParseRole(role)
	if !ok {
		return DevUser{}, false
	}
	for _, u := range DevUsers {
		if len(u.Roles) > 0 && u.Roles[0] == r {
			return u, true
		}
	}
	return DevUser{}, false
}
