package keyline

import (
	"io"
	"regexp"
	"strings"
	"time"
)

// Date is a calendar date without a time zone (a date of birth, a due
// date), written as YYYY-MM-DD.
type Date struct{ time.Time }

// DateLayout is the only accepted date format.
const DateLayout = "2006-01-02"

// ParseDate parses a YYYY-MM-DD date; field names the input for errors.
func ParseDate(field, s string) (Date, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return Date{}, FieldErrorf(field, "%q is not a date in the form YYYY-MM-DD", s)
	}
	return Date{t}, nil
}

func (d Date) String() string { return d.Format(DateLayout) }

// UK vehicle registration marks: current (AB12 CDE), prefix (A123 BCD),
// suffix (ABC 123D), dateless (1234 AB / ABC 123), and Northern Ireland
// (ABZ 1234). Spaces are optional in input and normalised out.
var vrmPatterns = []*regexp.Regexp{
	regexp.MustCompile(`^[A-Z]{2}[0-9]{2}[A-Z]{3}$`),
	regexp.MustCompile(`^[A-Z][0-9]{1,3}[A-Z]{3}$`),
	regexp.MustCompile(`^[A-Z]{3}[0-9]{1,3}[A-Z]$`),
	regexp.MustCompile(`^[0-9]{1,4}[A-Z]{1,3}$`),
	regexp.MustCompile(`^[A-Z]{1,3}[0-9]{1,4}$`),
}

// NormaliseVRM upper-cases a VRM and removes spaces, rejecting anything that
// is not a UK registration mark.
func NormaliseVRM(field, s string) (string, error) {
	v := strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	for _, p := range vrmPatterns {
		if p.MatchString(v) {
			return v, nil
		}
	}
	return "", FieldErrorf(field, "%q is not a UK vehicle registration mark", s)
}

var postcodePattern = regexp.MustCompile(`^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$`)

// NormalisePostcode upper-cases a UK postcode and puts the single space
// before the inward code.
func NormalisePostcode(field, s string) (string, error) {
	v := strings.ToUpper(strings.TrimSpace(s))
	if !postcodePattern.MatchString(v) {
		return "", FieldErrorf(field, "%q is not a UK postcode", s)
	}
	v = strings.ReplaceAll(v, " ", "")
	return v[:len(v)-3] + " " + v[len(v)-3:], nil
}

var pncPattern = regexp.MustCompile(`^[0-9]{2,4}/[0-9]{1,7}[A-Z]$`)

// ValidatePNC checks a Police National Computer id such as 98/123456X.
func ValidatePNC(field, s string) error {
	if !pncPattern.MatchString(s) {
		return FieldErrorf(field, "%q is not a PNC id (e.g. 98/123456X)", s)
	}
	return nil
}

// RequireText rejects empty or over-long free text.
func RequireText(field, s string, max int) error {
	if strings.TrimSpace(s) == "" {
		return FieldErrorf(field, "must not be empty")
	}
	return LimitText(field, s, max)
}

// LimitText rejects over-long free text.
func LimitText(field, s string, max int) error {
	if len(s) > max {
		return FieldErrorf(field, "must be at most %d characters", max)
	}
	return nil
}

// ValidateConfidence checks a 0..1 confidence.
func ValidateConfidence(field string, c float64) error {
	if c < 0 || c > 1 {
		return FieldErrorf(field, "confidence must be between 0 and 1")
	}
	return nil
}

// IntIn reads an optional bounded number: def when not given, else it
// must lie in [lo, hi].
func IntIn(field string, v *int, def, lo, hi int) (int, error) {
	if v == nil {
		return def, nil
	}
	if *v < lo || *v > hi {
		return 0, FieldErrorf(field, "must be between %d and %d", lo, hi)
	}
	return *v, nil
}

// MarshalJSON writes the date as "YYYY-MM-DD".
func (d Date) MarshalJSON() ([]byte, error) { return []byte(`"` + d.String() + `"`), nil }

// UnmarshalJSON reads "YYYY-MM-DD".
func (d *Date) UnmarshalJSON(b []byte) error {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return FieldErrorf("date", "not a date string")
	}
	p, err := ParseDate("date", string(b[1:len(b)-1]))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// MarshalGQL writes the date as a GraphQL string (gqlgen's Marshaler).
func (d Date) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, `"`+d.String()+`"`) }

// UnmarshalGQL reads a GraphQL Date input (gqlgen's Unmarshaler); the
// error names the offending value so clients can fix it.
func (d *Date) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return FieldErrorf("date", "a Date must be a string in the form YYYY-MM-DD")
	}
	p, err := ParseDate("date", s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}

var e164Pattern = regexp.MustCompile(`^\+[1-9][0-9]{7,14}$`)

// NormalisePhone turns a UK national or international number into E.164
// (+447700900123), rejecting anything that is not a phone number.
func NormalisePhone(field, s string) (string, error) {
	v := phoneSeparators.Replace(strings.TrimSpace(s))
	switch {
	case strings.HasPrefix(v, "+"):
	case strings.HasPrefix(v, "00"):
		v = "+" + v[2:]
	case strings.HasPrefix(v, "0"):
		v = "+44" + v[1:]
	}
	if !e164Pattern.MatchString(v) {
		return "", FieldErrorf(field, "%q is not a phone number", s)
	}
	return v, nil
}

// phoneSeparators are the characters people write between a number's digits.
var phoneSeparators = strings.NewReplacer(" ", "", "-", "", "(", "", ")", "")

var imeiPattern = regexp.MustCompile(`^[0-9]{15}$`)

// ValidateIMEI checks a handset IMEI: 15 digits with a valid Luhn check
// digit.
func ValidateIMEI(field, s string) error {
	if !imeiPattern.MatchString(s) || !LuhnValid(s) {
		return FieldErrorf(field, "an IMEI is 15 digits with a valid check digit")
	}
	return nil
}

// LuhnValid checks the Luhn check digit of a string of digits.
func LuhnValid(s string) bool {
	sum := 0
	for i := len(s) - 1; i >= 0; i-- {
		d := int(s[i] - '0')
		if (len(s)-1-i)%2 == 1 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}
