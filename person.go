package keyline

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// PersonUpdate is what may be recorded about a person, field by field:
// a nil field is not given (an update leaves it as it is), an empty
// PNCID or Description removes it. Creating a person gives both names.
// The rules are the API's and the importer's alike.
type PersonUpdate struct {
	GivenNames, FamilyName *string
	Aliases                []string
	DateOfBirth            *Date
	PNCID                  *string
	Identifiers            []string
	WarningMarkers         []string
	Description            *string
}

// identifierPattern is how another identifier is written: KIND:value.
var identifierPattern = regexp.MustCompile(`^[A-Z][A-Z_]{1,20}:.{1,100}$`)

// CreateProps validates a new person and returns its properties; field
// errors name prefix+field (e.g. "input.givenNames"). Lists not given
// are stored empty.
func (p PersonUpdate) CreateProps(prefix string) (map[string]any, error) {
	c := NewChanges()
	if p.GivenNames == nil {
		c.Fail(FieldErrorf(prefix+"givenNames", "must not be empty"))
	}
	if p.FamilyName == nil {
		c.Fail(FieldErrorf(prefix+"familyName", "must not be empty"))
	}
	p.apply(c, prefix)
	for _, k := range []string{"aliases", "identifiers", "warningMarkers"} {
		if !c.Has(k) {
			c.Set(k, []string{})
		}
	}
	return c.Done(false)
}

// UpdateProps validates a change to a person and returns only the
// properties it sets; a change that sets nothing is refused.
func (p PersonUpdate) UpdateProps(prefix string) (map[string]any, error) {
	c := NewChanges()
	p.apply(c, prefix)
	return c.Done(true)
}

func (p PersonUpdate) apply(c *Changes, prefix string) {
	if p.GivenNames != nil {
		c.Text(prefix+"givenNames", "givenNames", *p.GivenNames, MaxName)
	}
	if p.FamilyName != nil {
		c.Text(prefix+"familyName", "familyName", *p.FamilyName, MaxName)
	}
	c.List(prefix+"aliases", "aliases", p.Aliases, MaxName)
	if p.DateOfBirth != nil {
		if p.DateOfBirth.After(time.Now()) {
			c.Fail(FieldErrorf(prefix+"dateOfBirth", "a date of birth cannot be in the future"))
		}
		c.Date("dateOfBirth", p.DateOfBirth)
	}
	if p.PNCID != nil {
		if *p.PNCID == "" {
			c.Set("pncId", nil)
		} else {
			v := strings.ToUpper(strings.TrimSpace(*p.PNCID))
			c.Fail(ValidatePNC(prefix+"pncId", v))
			c.Set("pncId", v)
		}
	}
	for i, id := range p.Identifiers {
		if !identifierPattern.MatchString(id) {
			c.Fail(FieldErrorf(fmt.Sprintf("%sidentifiers[%d]", prefix, i), "identifiers are written KIND:value, e.g. PASSPORT:123456789"))
		}
	}
	c.List(prefix+"identifiers", "identifiers", p.Identifiers, 120)
	if p.WarningMarkers != nil {
		c.Set("warningMarkers", Distinct(p.WarningMarkers))
	}
	c.OptText(prefix+"description", "description", p.Description, MaxText)
}
