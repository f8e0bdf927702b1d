package keyline

import (
	"context"
	"slices"
)

// Role is what a user does in the unit. Roles come from the identity token
// (or the service account record); membership of operations comes from the
// graph.
type Role string

const (
	RoleAnalyst        Role = "ANALYST"
	RoleInvestigator   Role = "INVESTIGATOR"
	RoleActionManager  Role = "ACTION_MANAGER"
	RoleSIO            Role = "SIO"
	RoleDeputySIO      Role = "DEPUTY_SIO"
	RoleAuditor        Role = "AUDITOR"
	RoleExternalSystem Role = "EXTERNAL_SYSTEM"
)

// Roles lists every role, in a stable order.
var Roles = []Role{RoleAnalyst, RoleInvestigator, RoleActionManager, RoleSIO, RoleDeputySIO, RoleAuditor, RoleExternalSystem}

// ParseRole accepts a role name as written in tokens ("analyst", "SIO").
func ParseRole(s string) (Role, bool) {
	for _, r := range Roles {
		if equalFoldASCII(string(r), s) {
			return r, true
		}
	}
	return "", false
}

// Classification is a Government Security Classification, ordered so that
// a clearance covers every classification at or below it.
type Classification string

const (
	Official          Classification = "OFFICIAL"
	OfficialSensitive Classification = "OFFICIAL_SENSITIVE"
	Secret            Classification = "SECRET"
	TopSecret         Classification = "TOP_SECRET"
)

// Classifications in ascending order.
var Classifications = []Classification{Official, OfficialSensitive, Secret, TopSecret}

// Rank orders classifications; an unknown value ranks above everything so
// that a corrupt marking fails closed.
func (c Classification) Rank() int {
	if i := slices.Index(Classifications, c); i >= 0 {
		return i
	}
	return len(Classifications)
}

// Valid reports whether c is a known classification.
func (c Classification) Valid() bool { return slices.Contains(Classifications, c) }

// Actor is the authenticated caller of a request: a person with an officer
// record or a service account. Every store query is filtered by it.
type Actor struct {
	Subject   string // token subject or service-account id
	OfficerID string // the Officer node this identity is, if any
	Name      string
	Roles     []Role
	Clearance Classification
	// Operations the actor is a member of (need to know). Filled per request
	// from the graph, or from a service account's scope.
	Operations []string
	// ScopedOperations, for service accounts, limits membership to these.
	ScopedOperations []string
	RequestID        string
}

// Has reports whether the actor holds role r.
func (a *Actor) Has(r Role) bool { return a != nil && slices.Contains(a.Roles, r) }

// ReadsAcrossOperations is true for auditors: they read every operation
// (still subject to clearance) but change nothing.
func (a *Actor) ReadsAcrossOperations() bool { return a.Has(RoleAuditor) }

// ReadOnly actors may not change anything.
func (a *Actor) ReadOnly() bool {
	if a == nil {
		return true
	}
	for _, r := range a.Roles {
		if r != RoleAuditor {
			return false
		}
	}
	return true
}

// CanRead reports whether the actor may see records of operation op.
func (a *Actor) CanRead(op string) bool {
	if a == nil {
		return false
	}
	return a.ReadsAcrossOperations() || slices.Contains(a.Operations, op)
}

// CanWrite reports whether the actor may change records of operation op.
func (a *Actor) CanWrite(op string) bool {
	return a != nil && !a.ReadOnly() && slices.Contains(a.Operations, op)
}

// Cleared reports whether the actor's clearance covers classification c.
func (a *Actor) Cleared(c Classification) bool {
	return a != nil && a.Clearance.Valid() && c.Rank() <= a.Clearance.Rank()
}

// SeesSourceText reports whether the actor may read source-revealing
// intelligence text (e.g. text that could identify a CHIS). Everyone else
// gets the sanitised text.
func (a *Actor) SeesSourceText() bool {
	return a.Has(RoleSIO) || a.Has(RoleDeputySIO)
}

// AuthoriseRead returns FORBIDDEN-free NOT_FOUND for records the actor may
// not know exist.
func (a *Actor) AuthoriseRead(op, id string) error {
	if !a.CanRead(op) {
		return ErrNotFound(id)
	}
	return nil
}

// AuthoriseWrite checks the actor may change records of operation op.
func (a *Actor) AuthoriseWrite(op string) error {
	if a == nil {
		return Errorf(CodeUnauthenticated, "authentication required")
	}
	if a.ReadOnly() {
		return Errorf(CodeForbidden, "your role may read but not change records")
	}
	if !slices.Contains(a.Operations, op) {
		return Errorf(CodeForbidden, "you are not a member of operation %s", op)
	}
	return nil
}

type actorKey struct{}

// WithActor stores the actor in the context.
func WithActor(ctx context.Context, a *Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the request's actor, or nil when unauthenticated.
func ActorFrom(ctx context.Context) *Actor {
	a, _ := ctx.Value(actorKey{}).(*Actor)
	return a
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'a' <= x && x <= 'z' {
			x -= 'a' - 'A'
		}
		if 'a' <= y && y <= 'z' {
			y -= 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// Permission is something a role may do. The table below is the one place
// that says which roles may do what; operation membership is checked with it.
type Permission string

const (
	PermOpenOperation      Permission = "open an operation"
	PermManageOperation    Permission = "manage an operation and its members"
	PermManageOfficers     Permission = "manage officer records"
	PermPolicyFile         Permission = "record decisions and lines of enquiry"
	PermRecordEntities     Permission = "record entities and links"
	PermRecordIntelligence Permission = "record intelligence"
	PermNominateTarget     Permission = "nominate and edit targets"
	PermRaiseAction        Permission = "raise and edit actions"
	PermRecordExhibits     Permission = "record exhibits"
	PermSaveSearch         Permission = "save link searches"
)

var permissions = map[Permission][]Role{
	PermOpenOperation:      {RoleSIO, RoleDeputySIO},
	PermManageOperation:    {RoleSIO, RoleDeputySIO},
	PermManageOfficers:     {RoleSIO, RoleDeputySIO},
	PermPolicyFile:         {RoleSIO, RoleDeputySIO},
	PermRecordEntities:     {RoleAnalyst, RoleInvestigator, RoleActionManager, RoleSIO, RoleDeputySIO, RoleExternalSystem},
	PermRecordIntelligence: {RoleAnalyst, RoleInvestigator, RoleSIO, RoleDeputySIO, RoleExternalSystem},
	PermNominateTarget:     {RoleAnalyst, RoleSIO, RoleDeputySIO},
	PermRaiseAction:        {RoleAnalyst, RoleInvestigator, RoleActionManager, RoleSIO, RoleDeputySIO},
	PermRecordExhibits:     {RoleInvestigator, RoleActionManager, RoleSIO, RoleDeputySIO},
	PermSaveSearch:         {RoleAnalyst, RoleInvestigator, RoleActionManager, RoleSIO, RoleDeputySIO},
}

// Can reports whether any of the actor's roles grants p.
func (a *Actor) Can(p Permission) bool {
	if a == nil {
		return false
	}
	for _, r := range permissions[p] {
		if a.Has(r) {
			return true
		}
	}
	return false
}

// Authorise checks the actor may do p in operation op ("" for unit-wide
// records such as officers).
func (a *Actor) Authorise(p Permission, op string) error {
	if a == nil {
		return Errorf(CodeUnauthenticated, "authentication required")
	}
	if !a.Can(p) {
		return Errorf(CodeForbidden, "your role may not %s", p)
	}
	if op == "" {
		return nil
	}
	return a.AuthoriseWrite(op)
}

// SeesSensitiveSchedule reports whether the actor may read the CPIA MG6D
// sensitive schedule and the reasons material is sensitive: the SIO, the
// deputy SIO and auditors. It is the one rule for sensitivity reasons,
// whatever path reaches them (the schedule, its CSV and HTML documents,
// Exhibit.sensitivityReason wherever an exhibit is returned, a review
// snapshot's evidence); everyone else gets no reason at all.
func (a *Actor) SeesSensitiveSchedule() bool {
	return a.Has(RoleSIO) || a.Has(RoleDeputySIO) || a.Has(RoleAuditor)
}
