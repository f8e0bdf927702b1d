package keyline

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// MembershipRoles are the roles a MEMBER_OF link may give a member of an
// organised crime group.
var MembershipRoles = []string{"PRINCIPAL", "SIGNIFICANT", "PERIPHERAL"}

// LinkUpdate is what may be recorded on a link between two entities,
// field by field (nil: not given). Type is the link's type, given on
// create and taken from the stored link on update, since a MEMBER_OF link
// is held to its roles. SourceIDs are the intelligence items and exhibits
// the link rests on: required on create, and on update replacing the
// sources when given.
type LinkUpdate struct {
	Type       string
	Kind, Role *string
	Count      *int
	FirstSeen  *time.Time
	LastSeen   *time.Time
	Confidence *float64
	SourceIDs  []string
}

// CreateProps validates a new link and returns its properties (field
// errors name prefix+field).
func (l LinkUpdate) CreateProps(prefix string) (map[string]any, error) {
	c := NewChanges()
	if l.Confidence == nil {
		c.Fail(FieldErrorf(prefix+"confidence", "a link needs a confidence"))
	}
	l.apply(c, prefix)
	if l.Type == "MEMBER_OF" && l.Role == nil {
		c.Fail(FieldErrorf(prefix+"role", "a MEMBER_OF link needs the member's role"))
	}
	checkSources(c, prefix, l.SourceIDs)
	return c.Done(false)
}

// UpdateProps validates a change to a link and returns the properties it
// sets. A change that only replaces the sources sets no property.
func (l LinkUpdate) UpdateProps(prefix string) (map[string]any, error) {
	c := NewChanges()
	l.apply(c, prefix)
	if l.SourceIDs != nil {
		checkSources(c, prefix, l.SourceIDs)
	}
	return c.Done(l.SourceIDs == nil)
}

func (l LinkUpdate) apply(c *Changes, prefix string) {
	c.OptText(prefix+"kind", "kind", l.Kind, 50)
	if l.Role != nil {
		r := strings.ToUpper(strings.TrimSpace(*l.Role))
		if l.Type == "MEMBER_OF" && !slices.Contains(MembershipRoles, r) {
			c.Fail(FieldErrorf(prefix+"role", "a MEMBER_OF role is PRINCIPAL, SIGNIFICANT or PERIPHERAL"))
		}
		c.Fail(LimitText(prefix+"role", r, 50))
		c.Set("role", r)
	}
	if l.Count != nil {
		if *l.Count < 0 {
			c.Fail(FieldErrorf(prefix+"count", "a contact count cannot be negative"))
		}
		c.Set("count", *l.Count)
	}
	if l.FirstSeen != nil {
		c.Set("firstSeen", l.FirstSeen.UTC())
	}
	if l.LastSeen != nil {
		c.Set("lastSeen", l.LastSeen.UTC())
	}
	if l.FirstSeen != nil && l.LastSeen != nil && l.LastSeen.Before(*l.FirstSeen) {
		c.Fail(FieldErrorf(prefix+"lastSeen", "last seen cannot be before first seen"))
	}
	if l.Confidence != nil {
		c.Fail(ValidateConfidence(prefix+"confidence", *l.Confidence))
		c.Set("confidence", *l.Confidence)
	}
}

// checkSources requires at least one source, each an intelligence item or
// an exhibit.
func checkSources(c *Changes, prefix string, ids []string) {
	if len(ids) == 0 {
		c.Fail(FieldErrorf(prefix+"sourceIds", "a link must cite at least one intelligence item or exhibit"))
	}
	for i, id := range ids {
		c.Fail(RequireKind(fmt.Sprintf("%ssourceIds[%d]", prefix, i), id, KindIntelligenceItem, KindExhibit))
	}
}
