package keyline

import "strings"

// Need to know, written once. A record is visible to an actor when the
// actor may read its operation (membership, or an auditor's read across
// operations), is cleared for its classification, and may receive its
// handling code. Every path that returns a record, or a value derived from
// one (a mutation's result, an audit event's before/after, a review
// snapshot, an import's rejection, a link asserted by it), asks Sees.
//
// The Cypher twin of this rule is the __VISIBLE__ fragment expanded into
// the store's query files (cypher/scope.go); the store's tests check that
// the two agree for every combination of marking and actor.

// Handling codes of the 3x5x2 model.
const (
	HandlingP = "P" // may be disseminated within law enforcement
	HandlingC = "C" // only subject to the conditions recorded with it
)

// Marking is what need to know reads of a record.
type Marking struct {
	// OperationID is the operation the record belongs to. Empty only for a
	// record that is unit-wide by kind (an officer); an empty operation on
	// anything else fails closed.
	OperationID string
	// UnitWide marks records every authenticated actor may see (officers).
	UnitWide bool
	// Classification; empty reads as OFFICIAL (records without one, such
	// as persons, are OFFICIAL by definition).
	Classification Classification
	// Handling code, P or C; empty reads as P (only intelligence items and
	// records derived from them carry one).
	Handling string
}

// MarkingOf reads the marking of a stored record of kind k.
func MarkingOf(k Kind, props map[string]any) Marking {
	m := Marking{UnitWide: k == KindOfficer}
	m.OperationID, _ = props["operationId"].(string)
	if c, ok := props["classification"].(string); ok {
		m.Classification = Classification(c)
	}
	m.Handling, _ = props["gradeHandling"].(string)
	return m
}

// ReceivesHandling reports whether the actor may receive material with
// handling code h. A C code may be passed on only subject to conditions
// that a machine outside the unit cannot be trusted to honour, so an
// actor that is only an external system receives P alone. Unknown codes
// fail closed.
func (a *Actor) ReceivesHandling(h string) bool {
	if a == nil {
		return false
	}
	switch h {
	case "", HandlingP:
		return true
	case HandlingC:
		return !a.externalOnly()
	}
	return false
}

// externalOnly is an identity with no role but external system.
func (a *Actor) externalOnly() bool {
	return a.Has(RoleExternalSystem) && len(a.Roles) == 1
}

// Sees is the need-to-know rule: may the actor learn that a record with
// marking m exists, and read it?
func (a *Actor) Sees(m Marking) bool {
	if a == nil {
		return false
	}
	if !m.UnitWide && (m.OperationID == "" || !a.CanRead(m.OperationID)) {
		return false
	}
	return a.SeesMarking(m.Classification, m.Handling)
}

// SeesMarking is Sees without the operation: the clearance and handling
// half of the rule, for values whose operation was checked on the way in
// (a link's sources, the items inside a snapshot of a visible package).
func (a *Actor) SeesMarking(c Classification, handling string) bool {
	if c == "" {
		c = Official
	}
	return a.Cleared(c) && a.ReceivesHandling(handling)
}

// SourceMark is how a link records one of its sources' markings
// ("SECRET/C"): a link is visible only to an actor who sees at least one
// of its sources, and the marks let Cypher decide that on the
// relationship itself, inside a path search, without reading the sources.
func SourceMark(c Classification, handling string) string {
	if c == "" {
		c = Official
	}
	if handling == "" {
		handling = HandlingP
	}
	return string(c) + "/" + handling
}

// SeesLink reports whether a link whose sources carry marks is visible to
// the actor (the operation is checked on its ends). A link with no marks
// rests on nothing the actor may see, so it is hidden.
func (a *Actor) SeesLink(marks []string) bool {
	for _, m := range marks {
		c, h, ok := strings.Cut(m, "/")
		if ok && a.SeesMarking(Classification(c), h) {
			return true
		}
	}
	return false
}

// AuthoriseMarking refuses a write that would mark a record above the
// actor's own clearance or with a handling code they may not receive:
// nobody may create what they could not then read.
func (a *Actor) AuthoriseMarking(c Classification, handling string) error {
	if a == nil {
		return Errorf(CodeUnauthenticated, "authentication required")
	}
	if c != "" && !a.Cleared(c) {
		return Errorf(CodeForbidden, "you may not mark a record above your own clearance")
	}
	if !a.ReceivesHandling(handling) {
		return Errorf(CodeForbidden, "you may not record material with handling code %s", handling)
	}
	return nil
}

// LinkLevels encodes a link's source marks for Cypher as two numbers a
// path search compares at no cost: level, the lowest classification rank
// among all its sources, and levelP, the lowest among its P-coded
// sources (NoLevel when there is none). An actor sees the link when the
// level it may use is at most its clearance rank: level if it receives C,
// levelP if it receives P only (keyline.Actor.LinkLevelKey). This is
// SeesLink, computed ahead: the store's twin test checks they agree.
func LinkLevels(marks []string) (level, levelP int) {
	level, levelP = NoLevel, NoLevel
	for _, m := range marks {
		c, h, ok := strings.Cut(m, "/")
		r := Classification(c).Rank()
		if !ok || !Classification(c).Valid() {
			continue
		}
		if h == HandlingP || h == HandlingC {
			level = min(level, r)
		}
		if h == HandlingP {
			levelP = min(levelP, r)
		}
	}
	return level, levelP
}

// NoLevel is the level of a link with no source of that kind: above every
// clearance.
const NoLevel = 99

// LinkLevelKey names the link property (LinkLevels) the actor's view of
// links compares with its clearance rank.
func (a *Actor) LinkLevelKey() string {
	if a.ReceivesHandling(HandlingC) {
		return "sourceLevel"
	}
	return "sourceLevelP"
}

// ClearanceRank is the rank of the actor's clearance, or -1 (below every
// marking) for no actor or an unknown clearance.
func (a *Actor) ClearanceRank() int {
	if a == nil || !a.Clearance.Valid() {
		return -1
	}
	return a.Clearance.Rank()
}
