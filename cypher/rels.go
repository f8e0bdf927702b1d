package cypher

import "slices"

// Link types: relationships between entities that carry provenance. The
// map says which labels each type may join (from -> to); it is the
// allow-list for every link written.
var LinkEnds = map[string]struct{ From, To []string }{
	"ASSOCIATE_OF":      {[]string{"Person", "Organisation"}, []string{"Person", "Organisation"}},
	"USES":              {[]string{"Person", "Organisation"}, []string{"CommsDevice"}},
	"RESIDES_AT":        {[]string{"Person"}, []string{"Location"}},
	"FREQUENTS":         {[]string{"Person", "Vehicle"}, []string{"Location"}},
	"DRIVES":            {[]string{"Person"}, []string{"Vehicle"}},
	"REGISTERED_KEEPER": {[]string{"Person", "Organisation"}, []string{"Vehicle"}},
	"MEMBER_OF":         {[]string{"Person"}, []string{"Organisation"}},
	"PRESENT_AT":        {[]string{"Person", "Vehicle", "CommsDevice"}, []string{"Event"}},
	"INVOLVED_IN":       {[]string{"Person", "Organisation"}, []string{"Event"}},
	"CONTACTED":         {[]string{"CommsDevice"}, []string{"CommsDevice"}},
	"OPERATES_FROM":     {[]string{"Organisation"}, []string{"Location"}},
}

// LinkTypes lists the link types in a stable order.
var LinkTypes = []string{
	"ASSOCIATE_OF", "USES", "RESIDES_AT", "FREQUENTS", "DRIVES", "REGISTERED_KEEPER",
	"MEMBER_OF", "PRESENT_AT", "INVOLVED_IN", "CONTACTED", "OPERATES_FROM",
}

// Structural relationships between records (not links: no provenance).
// Direction is which way a structural relationship points from the
// record at hand.
type Direction int

const (
	Outgoing Direction = iota + 1 // (record)-[:REL]->(other)
	Incoming                      // (record)<-[:REL]-(other)
)

// suffix names the direction in query names (unrelate_out, neighbours_in).
func (d Direction) suffix() string {
	if d == Outgoing {
		return "out"
	}
	return "in"
}

// RefChange says whether ChangeRefs adds relationships or removes them.
type RefChange int

const (
	AddRefs RefChange = iota + 1
	RemoveRefs
)

const (
	RelLedBy       = "LED_BY"      // (Operation)->(Officer): the SIO
	RelMember      = "MEMBER"      // (Officer)->(Operation): need to know
	RelSubject     = "SUBJECT"     // (Target)->(Person|Organisation)
	RelOwnedBy     = "OWNED_BY"    // (Target)->(Officer)
	RelRaisedFrom  = "RAISED_FROM" // (Action)->(IntelligenceItem|LineOfEnquiry|Decision|Action)
	RelAllocated   = "ALLOCATED_TO"
	RelObtainedBy  = "OBTAINED_BY"  // (Exhibit)->(Action)
	RelAuthoredBy  = "AUTHORED_BY"  // (Decision)->(Officer)
	RelConcerns    = "CONCERNS"     // (Decision)->(LineOfEnquiry)
	RelSupersedes  = "SUPERSEDES"   // (Decision)->(Decision)
	RelMentions    = "MENTIONS"     // (IntelligenceItem)->(entity) {role}
	RelDerivedFrom = "DERIVED_FROM" // (IntelligenceItem)->(Action): intelligence from a result
	RelReviews     = "REVIEWS"      // (Decision)->(Target): a review decision
)

var structuralRels = []string{
	RelLedBy, RelMember, RelSubject, RelOwnedBy, RelRaisedFrom, RelAllocated,
	RelObtainedBy, RelAuthoredBy, RelConcerns, RelSupersedes, RelMentions, RelDerivedFrom, RelReviews,
}

func allRelTypes() []string { return append(slices.Clone(LinkTypes), structuralRels...) }

// LinkAllowed reports whether a link of type t may join labels from -> to.
func LinkAllowed(t, from, to string) bool {
	ends, ok := LinkEnds[t]
	return ok && slices.Contains(ends.From, from) && slices.Contains(ends.To, to)
}
