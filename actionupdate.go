package keyline

import (
	"fmt"
	"strings"
)

// ActionUpdate is what may be written about a HOLMES2 action's content,
// field by field (nil: not given); its status moves only through the
// lifecycle (NextActionStatus). Required skills are stored upper-cased, so
// that allocation matches them against officers' skills however typed.
// RaisedFrom lists what the action was raised from (intelligence items,
// lines of enquiry, decisions, other actions), checked by id only.
type ActionUpdate struct {
	Title          *string
	Instructions   *string
	Priority       *string
	DueDate        *Date
	RequiredSkills []string
	RaisedFrom     []string
}

// CreateProps validates a newly raised action and returns its properties:
// status RAISED, not chased, no skills unless given. Without a due date
// the store applies the operation's timescale for the priority.
func (u ActionUpdate) CreateProps(prefix string) (map[string]any, error) {
	c := NewChanges()
	if u.Title == nil {
		c.Fail(FieldErrorf(prefix+"title", "must not be empty"))
	}
	u.apply(c, prefix)
	c.Set("status", string(ActionRaised))
	if u.RequiredSkills == nil {
		c.Set("requiredSkills", []string{})
	}
	c.Set("chaseCount", 0)
	for i, id := range u.RaisedFrom {
		c.Fail(RequireKind(fmt.Sprintf("%sraisedFromIds[%d]", prefix, i), id, KindIntelligenceItem, KindLineOfEnquiry, KindDecision, KindAction))
	}
	return c.Done(false)
}

// UpdateProps validates a change to an action's content and returns the
// properties it sets.
func (u ActionUpdate) UpdateProps(prefix string) (map[string]any, error) {
	c := NewChanges()
	u.apply(c, prefix)
	return c.Done(true)
}

func (u ActionUpdate) apply(c *Changes, prefix string) {
	if u.Title != nil {
		c.Text(prefix+"title", "title", *u.Title, MaxShort)
	}
	c.OptText(prefix+"instructions", "instructions", u.Instructions, MaxText)
	if u.Priority != nil {
		c.Set("priority", *u.Priority)
	}
	c.Date("dueDate", u.DueDate)
	if u.RequiredSkills != nil {
		skills := make([]string, len(u.RequiredSkills))
		for i, s := range u.RequiredSkills {
			skills[i] = strings.ToUpper(s)
		}
		c.List(prefix+"requiredSkills", "requiredSkills", skills, 50)
	}
}
