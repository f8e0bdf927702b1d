package keyline

import (
	"fmt"
	"slices"
	"time"
)

// Finding is a computed intelligence gap or risk in a target package.
type Finding struct {
	Code        string
	Description string
	// EntityIDs are the records the finding is about, if any.
	EntityIDs []string
}

// PackageFacts are the facts of a package the gap and risk rules read.
type PackageFacts struct {
	AsOf time.Time
	// ResidenceLastSeen holds each RESIDES_AT link's last-seen time (zero
	// when unknown).
	ResidenceLastSeen []time.Time
	// CommsConfidence holds each USES link's confidence.
	CommsConfidence []float64
	Items           []ItemFact
	Associations    int
	// StaleAfter is how old the newest intelligence may be before the
	// picture counts as stale.
	StaleAfter time.Duration
	// Markers are warning markers in the network: entity id -> markers
	// (the subject's included).
	Markers map[string][]string
	// Victims are persons recorded as victims in the subject's events.
	Victims []string
	// TrapHouses are locations used by the subject that are recorded as
	// trap houses (cuckooed homes of vulnerable people).
	TrapHouses []string
	// Minors are associates under 18 at AsOf.
	Minors []string
}

// ItemFact is an intelligence item about the subject.
type ItemFact struct {
	Grading      Grading
	ReceivedAt   time.Time
	Corroborated bool // evidence downstream supports it
}

// CurrentAddressWindow is how recently a residence must have been seen to
// count as current.
const CurrentAddressWindow = 180 * 24 * time.Hour

// PackageGaps returns the intelligence gaps of a package, in a fixed order.
func PackageGaps(f PackageFacts) []Finding {
	var out []Finding
	current := false
	for _, t := range f.ResidenceLastSeen {
		current = current || (!t.IsZero() && f.AsOf.Sub(t) <= CurrentAddressWindow)
	}
	if !current {
		out = append(out, Finding{Code: "NO_CURRENT_ADDRESS",
			Description: "No residence seen in the last 180 days: the subject's current address is not known."})
	}
	attributed := slices.ContainsFunc(f.CommsConfidence, func(c float64) bool { return c >= 0.5 })
	if !attributed {
		out = append(out, Finding{Code: "COMMS_NOT_ATTRIBUTED",
			Description: "No phone or other communications are attributed to the subject with at least moderate confidence."})
	}
	if len(f.Items) == 0 {
		out = append(out, Finding{Code: "NO_INTELLIGENCE", Description: "No intelligence mentions the subject."})
		return out
	}
	weak := true
	newest := time.Time{}
	for _, it := range f.Items {
		if it.Grading.Corroborated() || it.Corroborated {
			weak = false
		}
		if it.ReceivedAt.After(newest) {
			newest = it.ReceivedAt
		}
	}
	if weak {
		out = append(out, Finding{Code: "UNCORROBORATED_CLAIMS",
			Description: fmt.Sprintf("All %d items about the subject are graded below 1A/1B (source 2 or 3, or assessment C to E) and no evidence supports them.", len(f.Items))})
	}
	if f.StaleAfter > 0 && f.AsOf.Sub(newest) > f.StaleAfter {
		out = append(out, Finding{Code: "STALE_INTELLIGENCE",
			Description: fmt.Sprintf("Nothing received about the subject in the last %d days.", int(f.StaleAfter.Hours()/24))})
	}
	if f.Associations == 0 {
		out = append(out, Finding{Code: "ASSOCIATES_UNKNOWN", Description: "No associates or group memberships are recorded."})
	}
	return out
}

// PackageRisks returns the risks a package must show, in a fixed order.
func PackageRisks(f PackageFacts) []Finding {
	var out []Finding
	with := func(markers ...string) []string {
		var ids []string
		for id, ms := range f.Markers {
			for _, m := range markers {
				if slices.Contains(ms, m) {
					ids = append(ids, id)
					break
				}
			}
		}
		slices.Sort(ids)
		return ids
	}
	if ids := with("FIREARMS", "WEAPONS"); len(ids) > 0 {
		out = append(out, Finding{Code: "FIREARMS_IN_NETWORK", EntityIDs: ids,
			Description: fmt.Sprintf("%d people in the subject's network carry firearms or weapons markers.", len(ids))})
	}
	if ids := with("VIOLENT"); len(ids) > 0 {
		out = append(out, Finding{Code: "VIOLENCE_IN_NETWORK", EntityIDs: ids,
			Description: fmt.Sprintf("%d people in the subject's network carry a violence marker.", len(ids))})
	}
	var vulnerable []string
	vulnerable = append(vulnerable, f.Victims...)
	vulnerable = append(vulnerable, f.TrapHouses...)
	vulnerable = append(vulnerable, f.Minors...)
	if len(vulnerable) > 0 {
		slices.Sort(vulnerable)
		vulnerable = slices.Compact(vulnerable)
		out = append(out, Finding{Code: "VULNERABLE_VICTIMS", EntityIDs: vulnerable,
			Description: fmt.Sprintf("Vulnerable people: %d recorded victims, %d trap houses (possible cuckooing), %d associates under 18.",
				len(f.Victims), len(f.TrapHouses), len(f.Minors))})
	}
	return out
}
