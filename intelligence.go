package keyline

import (
	"fmt"
	"strings"
	"time"
)

// IntelligenceUpdate is what may be recorded about an intelligence item,
// field by field (nil: not given). An item is graded once, either in
// 3x5x2 (Grading) or, for material from older systems, in 5x5x5
// (LegacyGrading, mapped to 3x5x2 and kept as given); a legacy item keeps
// its original grade. Mentions are checked for their entity ids and roles;
// writing them is the store's.
type IntelligenceUpdate struct {
	URN            *string
	ReceivedAt     *time.Time
	ReportedAt     *time.Time
	SourceType     string
	Grading        *Grading
	LegacyGrading  *LegacyGrading
	Classification *Classification
	SanitisedText  *string
	SourceText     *string
	ReviewDate     *Date
	Mentions       []Mention
}

// Mention is an entity an item mentions and in which role.
type Mention struct {
	EntityID, Role string
}

// CreateProps validates a new item and returns its properties: a URN is
// given one (INT/<year>/<id part>) when none is given, the received time
// defaults to now, and every item must be graded.
func (u IntelligenceUpdate) CreateProps(prefix string, now time.Time) (map[string]any, error) {
	c := NewChanges()
	switch {
	case u.Grading != nil && u.LegacyGrading != nil:
		c.Fail(FieldErrorf(prefix+"legacyGrading", "give a 3x5x2 grading or a legacy 5x5x5 grading, not both"))
	case u.Grading != nil:
		setGrading(c, prefix+"grading", *u.Grading)
	case u.LegacyGrading != nil:
		l := *u.LegacyGrading
		g, err := l.Map(prefix + "legacyGrading")
		c.Fail(err)
		if err == nil {
			setGrading(c, prefix+"legacyGrading", g)
		}
		c.Set("legacySource", l.Source)
		c.Set("legacyInformation", l.Information)
		c.Set("legacyHandling", l.Handling)
	default:
		c.Fail(FieldErrorf(prefix+"grading", "every intelligence item must be graded"))
	}
	urn := fmt.Sprintf("INT/%d/%s", now.UTC().Year(), strings.ToUpper(NewID(KindIntelligenceItem)[len("int_")+10:]))
	if u.URN != nil {
		urn = strings.TrimSpace(*u.URN)
		c.Fail(RequireText(prefix+"urn", urn, 50))
	}
	c.Set("urn", urn)
	received := now.UTC()
	if u.ReceivedAt != nil {
		received = u.ReceivedAt.UTC()
	}
	c.Set("receivedAt", received)
	c.Set("sourceType", u.SourceType)
	classification := OfficialSensitive
	if u.Classification != nil {
		classification = *u.Classification
	}
	c.Set("classification", string(classification))
	if u.SanitisedText == nil {
		c.Fail(FieldErrorf(prefix+"sanitisedText", "must not be empty"))
	}
	u.apply(c, prefix)
	for i, m := range u.Mentions {
		c.Fail(RequireKind(fmt.Sprintf("%smentions[%d].entityId", prefix, i), m.EntityID, EntityKinds...))
		c.Fail(RequireText(fmt.Sprintf("%smentions[%d].role", prefix, i), m.Role, 50))
	}
	return c.Done(false)
}

// UpdateProps validates a change to an item and returns the properties it
// sets; legacy says the stored item was graded in 5x5x5, which keeps its
// grade.
func (u IntelligenceUpdate) UpdateProps(prefix string, legacy bool) (map[string]any, error) {
	c := NewChanges()
	if u.Grading != nil {
		if legacy {
			c.Fail(FieldErrorf(prefix+"grading", "a legacy 5x5x5 item keeps its original grade; record a new item to regrade"))
		}
		setGrading(c, prefix+"grading", *u.Grading)
	}
	if u.Classification != nil {
		c.Set("classification", string(*u.Classification))
	}
	u.apply(c, prefix)
	return c.Done(true)
}

// apply sets the fields an item's create and update share.
func (u IntelligenceUpdate) apply(c *Changes, prefix string) {
	if u.ReportedAt != nil {
		c.Set("reportedAt", u.ReportedAt.UTC())
	}
	if u.SanitisedText != nil {
		c.Text(prefix+"sanitisedText", "sanitisedText", *u.SanitisedText, MaxText)
	}
	c.OptText(prefix+"sourceText", "sourceText", u.SourceText, MaxText)
	c.Date("reviewDate", u.ReviewDate)
}

// setGrading stores a 3x5x2 grading after checking it.
func setGrading(c *Changes, field string, g Grading) {
	g.Conditions = strings.TrimSpace(g.Conditions)
	c.Fail(g.Validate(field))
	c.Set("gradeSource", g.Source)
	c.Set("gradeAssessment", g.Assessment)
	c.Set("gradeHandling", g.Handling)
	if g.Conditions != "" {
		c.Set("gradeConditions", g.Conditions)
	} else {
		c.Set("gradeConditions", nil)
	}
}
