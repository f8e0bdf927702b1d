package cypher

import (
	"regexp"
	"slices"
	"strings"
)

// Link-type lists, written once (from LinkTypes and LinkEnds) and expanded
// into the query files that name them, like the scope fragments:
//
//	__LINK_TYPES__            every link type, as a relationship-type
//	                          alternation: [r:__LINK_TYPES__]
//	__LIFESTYLE_LINK_TYPES__  the links a subject (person or organisation)
//	                          holds to a place, vehicle or device
//	__EACH_LINK_TYPE__        the line holding it is written once per link
//	                          type, every copy after the first prefixed
//	                          with UNION: one index seek per type
//
// The types stay literal in the expanded text because Neo4j plans a typed
// expansion from them: a type(r) IN $types filter alone would expand every
// relationship of each node, structural ones included, and plan worse.
// TestNoQuerySpellsTheLinkTypes keeps the query files from copying them.
var linkTypeLists = map[string][]string{
	"LINK_TYPES":           LinkTypes,
	"LIFESTYLE_LINK_TYPES": linkTypesBetween([]string{"Person", "Organisation"}, []string{"Location", "Vehicle", "CommsDevice"}),
}

var linkTypeList = regexp.MustCompile(`__([A-Z_]*LINK_TYPES)__`)

const eachLinkType = "__EACH_LINK_TYPE__"

// linkTypesBetween lists, in LinkTypes order, the types that may start at
// one of from and end only at labels in to.
func linkTypesBetween(from, to []string) []string {
	var out []string
	for _, t := range LinkTypes {
		ends := LinkEnds[t]
		if slices.ContainsFunc(ends.From, func(l string) bool { return slices.Contains(from, l) }) &&
			!slices.ContainsFunc(ends.To, func(l string) bool { return !slices.Contains(to, l) }) {
			out = append(out, t)
		}
	}
	return out
}

// expandLinkTypes replaces every link-type token in a query's text; an
// unknown list name is a programming error, as for a scope fragment.
func expandLinkTypes(text string) string {
	text = linkTypeList.ReplaceAllStringFunc(text, func(m string) string {
		l, ok := linkTypeLists[strings.Trim(m, "_")]
		if !ok {
			panic("cypher: unknown link-type list " + m)
		}
		return strings.Join(l, "|")
	})
	if !strings.Contains(text, eachLinkType) {
		return text
	}
	lines := strings.Split(text, "\n")
	out := make([]string, 0, len(lines)+len(LinkTypes))
	for _, line := range lines {
		if !strings.Contains(line, eachLinkType) {
			out = append(out, line)
			continue
		}
		body := strings.TrimLeft(line, " \t")
		indent := line[:len(line)-len(body)]
		for i, t := range LinkTypes {
			union := "UNION "
			if i == 0 {
				union = ""
			}
			out = append(out, indent+union+strings.ReplaceAll(body, eachLinkType, t))
		}
	}
	return strings.Join(out, "\n")
}
