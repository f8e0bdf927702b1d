package importer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/keyline/keyline"
)

// Limits are the domain's (keyline.MaxName, ...), the API's too, so an
// import accepts exactly what a client could have entered by hand.
const (
	maxName  = keyline.MaxName
	maxShort = keyline.MaxShort
	maxText  = keyline.MaxText
	maxList  = keyline.MaxList
	maxRef   = 100
)

// row reads one record's columns, validating as it goes and keeping the
// first error, as the API's input rules do.
type row struct {
	vals map[string]any
	err  error
}

func (r *row) fail(err error) {
	if r.err == nil && err != nil {
		r.err = err
	}
}

func (r *row) has(col string) bool { _, ok := r.vals[col]; return ok }

// str returns a column's text; a list given for a single value is an error.
func (r *row) str(col string) string {
	switch v := r.vals[col].(type) {
	case string:
		return v
	case []string:
		r.fail(keyline.FieldErrorf(col, "must be a single value, not a list"))
	}
	return ""
}

// text returns a free-text column, checking its length and, if required,
// that it is present.
func (r *row) text(col string, max int, required bool) string {
	s := r.str(col)
	if required {
		r.fail(keyline.RequireText(col, s, max))
	} else {
		r.fail(keyline.LimitText(col, s, max))
	}
	return s
}

// list returns a ;-separated column (or a JSON array) with entries trimmed,
// blanks and repeats dropped; ok is false when the column is absent.
func (r *row) list(col string, max int) ([]string, bool) {
	var parts []string
	switch v := r.vals[col].(type) {
	case string:
		parts = strings.Split(v, ";")
	case []string:
		parts = v
	default:
		return nil, false
	}
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" || slices.Contains(out, p) {
			continue
		}
		r.fail(keyline.LimitText(col, p, max))
		out = append(out, p)
	}
	if len(out) > maxList {
		r.fail(keyline.FieldErrorf(col, "at most %d entries", maxList))
	}
	return out, len(out) > 0
}

func (r *row) date(col string) (keyline.Date, bool) {
	s := r.str(col)
	if s == "" {
		return keyline.Date{}, false
	}
	d, err := keyline.ParseDate(col, s)
	r.fail(err)
	return d, err == nil
}

// datetime accepts RFC 3339 (2026-03-01T14:05:00Z, with any offset) or a
// bare date, read as midnight UTC: source systems often record only the day.
func (r *row) datetime(col string) (time.Time, bool) {
	s := r.str(col)
	if s == "" {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), true
	}
	if d, err := keyline.ParseDate(col, s); err == nil {
		return d.Time, true
	}
	r.fail(keyline.FieldErrorf(col, "%q is not a date-time (RFC 3339, e.g. 2026-03-01T14:05:00Z) or a date (YYYY-MM-DD)", s))
	return time.Time{}, false
}

func (r *row) float(col string, lo, hi float64) (float64, bool) {
	s := r.str(col)
	if s == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		r.fail(keyline.FieldErrorf(col, "%q is not a number", s))
		return 0, false
	}
	if f < lo || f > hi {
		r.fail(keyline.FieldErrorf(col, "must be between %g and %g", lo, hi))
	}
	return f, true
}

func (r *row) int(col string, lo int) (int, bool) {
	s := r.str(col)
	if s == "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		r.fail(keyline.FieldErrorf(col, "%q is not a whole number", s))
		return 0, false
	}
	if n < lo {
		r.fail(keyline.FieldErrorf(col, "must be at least %d", lo))
	}
	return n, true
}

// enum upper-cases a column and checks it against the allowed values.
func (r *row) enum(col string, allowed []string) (string, bool) {
	s := strings.ToUpper(strings.ReplaceAll(r.str(col), " ", "_"))
	if s == "" {
		return "", false
	}
	if !slices.Contains(allowed, s) {
		r.fail(keyline.FieldErrorf(col, "%q is not one of %s", r.str(col), strings.Join(allowed, ", ")))
		return "", false
	}
	return s, true
}

// ref is an import reference: the source system's record number.
func (r *row) ref(col string, required bool) string {
	s := r.text(col, maxRef, required)
	if strings.ContainsAny(s, ";") {
		r.fail(keyline.FieldErrorf(col, "a reference cannot contain ';'"))
	}
	return s
}

// --- phones -------------------------------------------------------------------

// normalisePhone and validIMEI apply the domain's rules (as the API does).
func normalisePhone(field, s string) (string, error) { return keyline.NormalisePhone(field, s) }

func validIMEI(field, s string) error { return keyline.ValidateIMEI(field, s) }

func phoneKind(e164 string) string {
	if strings.HasPrefix(e164, "+447") {
		return "MOBILE"
	}
	return "LANDLINE"
}

func errText(err error) (field, reason string) {
	if ke, ok := err.(*keyline.Error); ok {
		return ke.Field, ke.Message
	}
	return "", fmt.Sprint(err)
}
