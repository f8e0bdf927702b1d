package keyline

import "fmt"

// Grading is an intelligence item's 3x5x2 grade: source evaluation (1-3),
// intelligence assessment (A-E) and handling code (P or C). Items graded
// under the legacy 5x5x5 scheme keep that grade as given (LegacyGrading) and
// carry the mapped 3x5x2 grade here, so every item can be compared.
type Grading struct {
	Source     string // "1" reliable, "2" untested, "3" not reliable
	Assessment string // "A".."E"
	Handling   string // "P" or "C"
	// Conditions are the handling conditions that travel with a C-coded item.
	Conditions string
}

// String renders the compact grade, e.g. "1A P".
func (g Grading) String() string { return g.Source + g.Assessment + " " + g.Handling }

// Validate checks a 3x5x2 grade; field prefixes errors with the input path.
func (g Grading) Validate(field string) error {
	switch g.Source {
	case "1", "2", "3":
	default:
		return FieldErrorf(field+".source", "source evaluation must be 1, 2 or 3, not %q", g.Source)
	}
	switch g.Assessment {
	case "A", "B", "C", "D", "E":
	default:
		return FieldErrorf(field+".assessment", "intelligence assessment must be A to E, not %q", g.Assessment)
	}
	switch g.Handling {
	case "P":
		if g.Conditions != "" {
			return FieldErrorf(field+".conditions", "conditions apply only to handling code C")
		}
	case "C":
		if g.Conditions == "" {
			return FieldErrorf(field+".conditions", "handling code C requires the conditions to be recorded")
		}
	default:
		return FieldErrorf(field+".handling", "handling code must be P or C, not %q", g.Handling)
	}
	return nil
}

// LegacyGrading is a 5x5x5 grade exactly as recorded: source A-E,
// information 1-5, handling 1-5. It is kept, never overwritten.
type LegacyGrading struct {
	Source      string
	Information string
	Handling    string
}

// String renders the compact legacy grade, e.g. "B2 3".
func (l LegacyGrading) String() string { return l.Source + l.Information + " " + l.Handling }

// legacyHandling explains each 5x5x5 handling code; codes 2-5 restrict
// dissemination, so they map to 3x5x2 handling C with this text as the
// condition that travels with the item.
var legacyHandling = map[string]string{
	"1": "",
	"2": "Legacy 5x5x5 handling 2: may be disseminated to UK non-prosecuting parties only with authority",
	"3": "Legacy 5x5x5 handling 3: may be disseminated to non-EU law enforcement only with authority",
	"4": "Legacy 5x5x5 handling 4: only within the originating agency; specified internal dissemination",
	"5": "Legacy 5x5x5 handling 5: no further dissemination; refer to the originator",
}

// Map converts a legacy grade to 3x5x2. Keyline's mapping (a product
// decision, documented in docs/MODEL.md):
//
//	source      A,B -> 1   C,E -> 2   D -> 3
//	information 1,2 -> A   3 -> B     4 -> D   5 -> E
//	handling    1 -> P     2..5 -> C with the legacy code's meaning as condition
func (l LegacyGrading) Map(field string) (Grading, error) {
	var g Grading
	switch l.Source {
	case "A", "B":
		g.Source = "1"
	case "C", "E":
		g.Source = "2"
	case "D":
		g.Source = "3"
	default:
		return g, FieldErrorf(field+".source", "legacy source evaluation must be A to E, not %q", l.Source)
	}
	switch l.Information {
	case "1", "2":
		g.Assessment = "A"
	case "3":
		g.Assessment = "B"
	case "4":
		g.Assessment = "D"
	case "5":
		g.Assessment = "E"
	default:
		return g, FieldErrorf(field+".information", "legacy information assessment must be 1 to 5, not %q", l.Information)
	}
	cond, ok := legacyHandling[l.Handling]
	if !ok {
		return g, FieldErrorf(field+".handling", "legacy handling code must be 1 to 5, not %q", l.Handling)
	}
	if cond == "" {
		g.Handling = "P"
	} else {
		g.Handling, g.Conditions = "C", cond
	}
	return g, nil
}

// Quality is a 0..1 weight of how far an item can be relied on, used by
// scoring and gap analysis: reliable sources and direct knowledge weigh
// most, suspected-false intelligence weighs nothing.
func (g Grading) Quality() float64 {
	src := map[string]float64{"1": 1.0, "2": 0.6, "3": 0.25}[g.Source]
	ass := map[string]float64{"A": 1.0, "B": 0.8, "C": 0.5, "D": 0.3, "E": 0}[g.Assessment]
	return src * ass
}

// Corroborated reports whether the grade alone is strong enough to rely on
// without supporting evidence: a reliable source with direct or
// corroborated knowledge.
func (g Grading) Corroborated() bool {
	return g.Source == "1" && (g.Assessment == "A" || g.Assessment == "B")
}

// GoString helps test failure messages.
func (g Grading) GoString() string { return fmt.Sprintf("Grading(%s %q)", g, g.Conditions) }
