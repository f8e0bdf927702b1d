package keyline

import (
	"crypto/rand"
	"strings"
	"sync"
	"time"

	"github.com/oklog/ulid/v2"
)

// Kind is a node type of the investigation graph. Its value is the Neo4j
// label, and Kinds is the allow-list every label in Cypher comes from.
type Kind string

const (
	KindOperation        Kind = "Operation"
	KindLineOfEnquiry    Kind = "LineOfEnquiry"
	KindDecision         Kind = "Decision"
	KindPerson           Kind = "Person"
	KindOrganisation     Kind = "Organisation"
	KindLocation         Kind = "Location"
	KindVehicle          Kind = "Vehicle"
	KindCommsDevice      Kind = "CommsDevice"
	KindEvent            Kind = "Event"
	KindTarget           Kind = "Target"
	KindIntelligenceItem Kind = "IntelligenceItem"
	KindAction           Kind = "Action"
	KindExhibit          Kind = "Exhibit"
	KindOfficer          Kind = "Officer"
	KindSavedSearch      Kind = "SavedSearch"
)

// kindPrefix gives each kind the prefix of its external ids, so an id says
// what it names ("per_01J...") without a database lookup.
var kindPrefix = map[Kind]string{
	KindOperation: "op", KindLineOfEnquiry: "loe", KindDecision: "dec",
	KindPerson: "per", KindOrganisation: "org", KindLocation: "loc",
	KindVehicle: "veh", KindCommsDevice: "com", KindEvent: "evt",
	KindTarget: "tgt", KindIntelligenceItem: "int", KindAction: "act",
	KindExhibit: "exh", KindOfficer: "off", KindSavedSearch: "srch",
}

// Kinds is the allow-list of node labels.
var Kinds = []Kind{
	KindOperation, KindLineOfEnquiry, KindDecision, KindPerson, KindOrganisation,
	KindLocation, KindVehicle, KindCommsDevice, KindEvent, KindTarget,
	KindIntelligenceItem, KindAction, KindExhibit, KindOfficer, KindSavedSearch,
}

// EntityKinds are the things intelligence is about and links join.
var EntityKinds = []Kind{KindPerson, KindOrganisation, KindLocation, KindVehicle, KindCommsDevice, KindEvent}

// LinkIDPrefix prefixes the ids of links (relationships).
const LinkIDPrefix = "lnk"

var (
	entropyMu sync.Mutex
	entropy   = ulid.Monotonic(rand.Reader, 0)
)

func newULID() string {
	entropyMu.Lock()
	defer entropyMu.Unlock()
	return strings.ToLower(ulid.MustNew(ulid.Timestamp(time.Now()), entropy).String())
}

// NewID returns a fresh external id for a node of kind k.
func NewID(k Kind) string { return kindPrefix[k] + "_" + newULID() }

// NewLinkID returns a fresh external id for a link.
func NewLinkID() string { return LinkIDPrefix + "_" + newULID() }

// KindOfID returns the kind an id names, from its prefix.
func KindOfID(id string) (Kind, bool) {
	prefix, _, ok := strings.Cut(id, "_")
	if !ok {
		return "", false
	}
	for k, p := range kindPrefix {
		if p == prefix {
			return k, true
		}
	}
	return "", false
}

// IsLinkID reports whether id names a link.
func IsLinkID(id string) bool { return strings.HasPrefix(id, LinkIDPrefix+"_") }

// NewAuditID returns a fresh id for an audit event.
func NewAuditID() string { return "aud_" + newULID() }
