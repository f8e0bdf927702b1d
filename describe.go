package keyline

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Describe derives a record's display label and its lower-cased search
// text from its properties. The store keeps both on the node so lists can
// sort by label and search without a full-text engine.
func Describe(k Kind, p map[string]any) (label, search string) {
	str := func(key string) string { s, _ := p[key].(string); return s }
	list := func(key string) []string {
		switch v := p[key].(type) {
		case []string:
			return v
		case []any:
			out := make([]string, 0, len(v))
			for _, x := range v {
				if s, ok := x.(string); ok {
					out = append(out, s)
				}
			}
			return out
		}
		return nil
	}
	join := func(parts ...string) string {
		var keep []string
		for _, s := range parts {
			if s = strings.TrimSpace(s); s != "" {
				keep = append(keep, s)
			}
		}
		return strings.Join(keep, " ")
	}
	switch k {
	case KindPerson:
		label = strings.ToUpper(str("familyName")) + ", " + str("givenNames")
		dob := ""
		if d, ok := p["dateOfBirth"].(Date); ok {
			label += " (" + d.String() + ")"
			// Both ways a date of birth is written: 1984-10-14 and 14/10/1984.
			dob = d.String() + " " + d.Format("02/01/2006")
		}
		// Given then family name, and family then given ("Carroll Jake"),
		// as people search for both.
		search = join(str("givenNames"), str("familyName"), "|", str("familyName"), str("givenNames"), "|",
			strings.Join(list("aliases"), " "), str("pncId"), strings.Join(list("identifiers"), " "), dob)
	case KindOrganisation:
		label = str("name")
		search = join(str("name"), str("reference"), str("description"))
	case KindLocation:
		label = join(firstLine(str("address")), str("postcode"))
		search = join(str("address"), str("postcode"))
	case KindVehicle:
		label = join(str("vrm"), str("colour"), str("make"), str("model"))
		search = label
	case KindCommsDevice:
		label = firstNonEmpty(str("number"), str("imei"), str("email"), str("handle"))
		search = join(label, str("lineName"))
	case KindEvent:
		when := ""
		if t, ok := p["occurredAt"].(time.Time); ok {
			when = t.Format("2006-01-02")
		}
		label = join(str("kind"), when, truncate(str("summary"), 60))
		search = join(str("summary"), str("crimeNumber"))
	case KindIntelligenceItem:
		label = str("urn")
		// Only the sanitised text is searchable: source-revealing text must
		// not leak through search results.
		search = join(str("urn"), str("sanitisedText"))
	case KindExhibit:
		label = str("reference")
		search = join(str("reference"), str("kind"), str("description"))
	case KindOperation:
		label = str("reference")
		search = join(str("reference"), str("name"))
	case KindOfficer:
		label = str("name")
		search = join(str("name"), str("collarNumber"), str("rank"), str("team"), strings.Join(list("skills"), " "))
	case KindLineOfEnquiry:
		label = str("title")
		search = join(str("title"), str("description"))
	case KindDecision:
		label = truncate(str("decision"), 60)
	case KindTarget:
		label = str("subjectLabel")
		search = label
	case KindSavedSearch:
		label = str("name")
		search = join(str("name"), str("kind"))
	case KindAction:
		label = str("number")
		search = join(str("number"), str("title"), str("instructions"))
	default:
		label = fmt.Sprint(p["id"])
	}
	return label, strings.ToLower(search)
}

// SearchText is a list search's text in the form Describe keeps records'
// own, so that an identifier finds its record however it is typed: a VRM
// with or without its space, a phone number in national or international
// form or in part with separators, a postcode without its space, and a
// person as their label writes them ("FAMILY, Given", with or without the
// date of birth). Anything else is only trimmed and lower-cased.
func SearchText(k Kind, q string) string {
	q = strings.TrimSpace(q)
	switch k {
	case KindVehicle:
		if compact := strings.ReplaceAll(q, " ", ""); len(compact) <= 8 && vrmLike.MatchString(compact) {
			q = compact
		}
	case KindCommsDevice:
		if v, err := NormalisePhone("", q); err == nil {
			q = v
		} else if digits := phoneSeparators.Replace(q); phoneLike.MatchString(digits) {
			q = digits
		}
	case KindLocation:
		if v, err := NormalisePostcode("", q); err == nil {
			q = v
		}
	case KindPerson:
		label := labelDate.ReplaceAllString(q, "")
		if family, given, ok := strings.Cut(label, ","); ok && strings.TrimSpace(family) != "" && strings.TrimSpace(given) != "" {
			q = strings.TrimSpace(given) + " " + strings.TrimSpace(family)
		}
	}
	return strings.ToLower(q)
}

var (
	// A whole or partial VRM (at most 8 characters without spaces): letters
	// and digits, at least one digit.
	vrmLike = regexp.MustCompile(`^(?i)[a-z0-9]*[0-9][a-z0-9]*$`)
	// Part of a phone number: digits, perhaps after a +.
	phoneLike = regexp.MustCompile(`^\+?[0-9]{3,}$`)
	// The date of birth a person's label ends with.
	labelDate = regexp.MustCompile(`\s*\(\d{4}-\d{2}-\d{2}\)\s*$`)
)

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, ",")
	return line
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
