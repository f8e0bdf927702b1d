package keyline

import (
	"fmt"
	"slices"
	"strings"
)

// Limits on a record's text and lists, the same for every way a record is
// written (the API and the importer).
const (
	MaxName  = 200    // a name, a title's worth
	MaxShort = 500    // a title, a reason, a purpose
	MaxText  = 20_000 // free text: a report, instructions, a description
	MaxList  = 50     // entries in a list field
)

// Changes collects the validated properties of a record being created or
// updated, and the first fault found. Field names in errors are the
// caller's (the API's "input.givenNames", an import column's name), so
// the rules are written once whoever asks. A nil value removes the
// property on update.
type Changes struct {
	props map[string]any
	err   error
}

// NewChanges starts an empty set of changes.
func NewChanges() *Changes { return &Changes{props: map[string]any{}} }

// Fail records err unless a fault was already found.
func (c *Changes) Fail(err error) {
	if c.err == nil && err != nil {
		c.err = err
	}
}

// Text stores a required string, trimmed.
func (c *Changes) Text(field, key, v string, max int) {
	c.Fail(RequireText(field, v, max))
	c.props[key] = strings.TrimSpace(v)
}

// OptText stores an optional string, trimmed; an empty one removes it.
func (c *Changes) OptText(field, key string, v *string, max int) {
	if v == nil {
		return
	}
	c.Fail(LimitText(field, *v, max))
	if s := strings.TrimSpace(*v); s != "" {
		c.props[key] = s
	} else {
		c.props[key] = nil
	}
}

// List stores a list of non-empty strings, trimmed and without repeats
// (nil leaves the property as it is).
func (c *Changes) List(field, key string, vs []string, max int) {
	if vs == nil {
		return
	}
	if len(vs) > MaxList {
		c.Fail(FieldErrorf(field, "at most %d entries", MaxList))
	}
	out := make([]string, 0, len(vs))
	for i, v := range vs {
		c.Fail(RequireText(fmt.Sprintf("%s[%d]", field, i), v, max))
		if s := strings.TrimSpace(v); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	c.props[key] = out
}

// Date stores a date when one is given.
func (c *Changes) Date(key string, d *Date) {
	if d != nil {
		c.props[key] = *d
	}
}

// Set stores a value already checked.
func (c *Changes) Set(key string, v any) { c.props[key] = v }

// Has reports whether the changes give key a value (set, not removed).
func (c *Changes) Has(key string) bool { return c.props[key] != nil }

// Done returns the properties, or the first fault; with requireChange an
// update that changes nothing is refused.
func (c *Changes) Done(requireChange bool) (map[string]any, error) {
	if c.err != nil {
		return nil, c.err
	}
	if requireChange && len(c.props) == 0 {
		return nil, FieldErrorf("input", "nothing to change")
	}
	return c.props, nil
}

// RequireKind checks that id names a record of one of kinds; otherwise
// NOT_FOUND on field, as for an id that names nothing.
func RequireKind(field, id string, kinds ...Kind) error {
	k, ok := KindOfID(id)
	if !ok || !slices.Contains(kinds, k) {
		names := make([]string, len(kinds))
		for i, k := range kinds {
			names[i] = string(k)
		}
		return &Error{Code: CodeNotFound, Field: field, Message: fmt.Sprintf("%q is not the id of a %s", id, strings.Join(names, " or "))}
	}
	return nil
}

// Distinct returns vs without repeats, in order.
func Distinct[T comparable](vs []T) []T {
	out := make([]T, 0, len(vs))
	for _, v := range vs {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}
