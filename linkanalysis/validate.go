package linkanalysis

import (
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

// Filter restricts the links and entities a traversal may use, as asked;
// a nil *Filter restricts nothing. Link types and kinds come from the
// API's allow-lists (GraphQL enums).
type Filter struct {
	LinkTypes     []string
	MinConfidence *float64
	SeenAfter     *time.Time
	SeenBefore    *time.Time
	AvoidKinds    []keyline.Kind // never pass through these
	ThroughKinds  []keyline.Kind // when given, pass through only these
	// MaxDegree keeps a traversal from passing through entities with more
	// links than this; nil leaves the question's default.
	MaxDegree *int
}

// linkFilter validates a filter into the store's.
func (f *Filter) linkFilter() (cypher.LinkFilter, error) {
	var lf cypher.LinkFilter
	if f == nil {
		return lf, nil
	}
	lf.Types = keyline.Distinct(f.LinkTypes)
	if f.MinConfidence != nil {
		if err := keyline.ValidateConfidence("input.filter.minConfidence", *f.MinConfidence); err != nil {
			return lf, err
		}
		lf.MinConfidence = *f.MinConfidence
	}
	if f.SeenAfter != nil && f.SeenBefore != nil && f.SeenBefore.Before(*f.SeenAfter) {
		return lf, keyline.FieldErrorf("input.filter.seenBefore", "the time window ends before it starts")
	}
	lf.SeenAfter, lf.SeenBefore = f.SeenAfter, f.SeenBefore
	lf.Avoid, lf.Through = labels(f.AvoidKinds), labels(f.ThroughKinds)
	if f.MaxDegree != nil {
		if *f.MaxDegree < 0 {
			return lf, keyline.FieldErrorf("input.filter.maxDegree", "must not be negative")
		}
		lf.MaxDegree = *f.MaxDegree
	}
	return lf, nil
}

// maxDegreeGiven says whether the filter sets its own hub limit.
func (f *Filter) maxDegreeGiven() bool { return f != nil && f.MaxDegree != nil }

func labels(kinds []keyline.Kind) []string {
	out := []string{}
	for _, k := range kinds {
		out = append(out, string(k))
	}
	return out
}

// exactlyOne counts the choices given.
func exactlyOne(given ...bool) bool {
	n := 0
	for _, g := range given {
		if g {
			n++
		}
	}
	return n == 1
}
