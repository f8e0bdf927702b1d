package seed

import (
	"math"
	"slices"

	"github.com/keyline/keyline/cypher"
)

// A fact is one link of the network before it is written: the
// intelligence items (and exhibits) that assert it become its sources.
type fact struct {
	Type, From, To string
	Kind, Role     string // ASSOCIATE_OF kind; MEMBER_OF / INVOLVED_IN role
	Count          int    // CONTACTED
	sources        []*item
	exhibits       []string
	// byExhibit: the fact is evidenced by an exhibit (call data records,
	// seized property), so it needs no intelligence item of its own.
	byExhibit bool
}

// evidenced reports whether the fact has a source, or will have one.
func (f *fact) evidenced() bool { return len(f.sources) > 0 || f.byExhibit }

// Target sizes of the generated parts of the network.
const (
	targetAssociations = 118
	targetContacts     = 78
)

// coreAssociations are the relationships the scenario is built around.
var coreAssociations = []struct{ A, B, Kind string }{
	{"mahoney", "walsh", "criminal"}, {"mahoney", "gallagher", "criminal"}, {"mahoney", "shannon", "family"},
	{"mahoney", "smahoney", "family"}, {"mahoney", "doyle", "criminal"}, {"mahoney", "quinn", "criminal"},
	{"shannon", "quinn", "business"}, {"walsh", "doyle", "criminal"}, {"doyle", "pritchard", "criminal"},
	{"doyle", "tjones", "criminal"}, {"doyle", "cdavies", "family"}, {"pritchard", "tjones", "criminal"},
	{"pritchard", "kroberts", "criminal"}, {"pritchard", "mevans", "criminal"}, {"pritchard", "amcgrath", "criminal"},
	{"tjones", "jkerr", "criminal"}, {"walsh", "jwalsh", "family"}, {"gallagher", "lgallagher", "family"},
	{"gallagher", "walsh", "criminal"}, {"shannon", "sparkleLtd", "business"}, {"mahoney", "sparkleLtd", "business"},
	{"quinn", "cloudNineLtd", "business"}, {groupKell, groupDee, "criminal"}, {"walsh", "smahoney", "criminal"},
}

// namedFrequents are places the core nominals and vehicles are seen at.
var namedFrequents = [][2]string{
	{"mahoney", "sparkle"}, {"mahoney", "europa"}, {"walsh", "kellLockup"}, {"walsh", "pembury"}, {"gallagher", "kellLockup"},
	{"quinn", "cloudNine"}, {"shannon", "sparkle"}, {"doyle", "europa"}, {"doyle", "aquarium"}, {"pritchard", "westbourne"},
	{"pritchard", "aquarium"}, {"tjones", "ashRoad"}, {"tjones", "caravan"},
	{"rangeRover", "sparkle"}, {"sprinter", "kellLockup"}, {"transit", "ashRoad"}, {"corsa", "aquarium"}, {"bmw", "conway"},
}

// frequentedBy lists the places generated nominals hang around, by role
// and region.
var frequentedBy = map[string][]string{
	roleRunner + "/" + regionRhyl:      {"westbourne", "aquarium", "promenade", "rhylStation", "caravan"},
	roleRunner + "/" + regionMersey:    {"aquarium", "westbourne", "lodgeLane", "tuebrook"},
	roleRunner + "/" + regionWrexham:   {"rhosddu", "queensSquare", "ashRoad"},
	roleUser + "/" + regionRhyl:        {"aquarium", "westbourne", "promenade"},
	roleUser + "/" + regionWrexham:     {"rhosddu", "queensSquare"},
	roleUser + "/" + regionChester:     {"chesterStation"},
	roleAssociate + "/" + regionMersey: {"lodgeLane", "tuebrook", "pembury"},
	roleAssociate + "/" + regionRhyl:   {"promenade", "prestatynPark"},
}

func (b *builder) addFact(f *fact) *fact {
	from, to := b.ent(f.From), b.ent(f.To)
	if !cypher.LinkAllowed(f.Type, string(from.Kind), string(to.Kind)) || f.From == f.To {
		panic("seed: link not allowed: " + f.Type + " " + f.From + " -> " + f.To)
	}
	id := f.Type + "|" + f.From + "|" + f.To
	if ex, ok := b.factByID[id]; ok {
		return ex
	}
	if f.Type == "ASSOCIATE_OF" || f.Type == "CONTACTED" {
		if ex, ok := b.factByID[f.Type+"|"+f.To+"|"+f.From]; ok {
			return ex
		}
	}
	b.factByID[id] = f
	b.facts = append(b.facts, f)
	if f.Type == "ASSOCIATE_OF" || f.Type == "CONTACTED" {
		from.degree++
		to.degree++
	}
	return f
}

func (b *builder) hasFact(typ, from, to string) bool {
	_, ok := b.factByID[typ+"|"+from+"|"+to]
	_, rev := b.factByID[typ+"|"+to+"|"+from]
	return ok || rev
}

func (b *builder) buildFacts() {
	for _, o := range orgSeeds {
		for _, l := range o.OperatesFrom {
			b.addFact(&fact{Type: "OPERATES_FROM", From: o.Key, To: l})
		}
	}
	b.membershipFacts()
	b.associationFacts()
	b.placeFacts()
	b.commsFacts()
	b.vehicleFacts()
	b.eventFacts()
	// The deal lines' call data records are exhibits (obtained by actions):
	// they evidence the lines' contacts directly.
	for _, f := range b.facts {
		if f.Type == "CONTACTED" && (b.ent(f.From).Sub == "LINE" || b.ent(f.To).Sub == "LINE") {
			f.byExhibit = true
		}
	}
}

func (b *builder) membershipFacts() {
	for _, k := range b.persons {
		p := b.ent(k)
		if p.Group == "" {
			continue
		}
		role := ""
		switch p.Role {
		case rolePrincipal:
			role = "PRINCIPAL"
		case roleSignificant:
			role = "SIGNIFICANT"
		case roleRunner, roleFamily:
			role = "PERIPHERAL"
		case roleAssociate:
			if b.chance(0.5) {
				role = "PERIPHERAL"
			}
		}
		if role != "" {
			b.addFact(&fact{Type: "MEMBER_OF", From: k, To: p.Group, Role: role})
		}
	}
}

// associationFacts adds the core relationships, then grows the network by
// preferential attachment within each nominal's sphere (same group or
// same area), so principals become hubs and the degree distribution is
// heavy-tailed.
func (b *builder) associationFacts() {
	for _, a := range coreAssociations {
		b.addFact(&fact{Type: "ASSOCIATE_OF", From: a.A, To: a.B, Kind: a.Kind})
	}
	count := len(coreAssociations)
	add := func(a string) {
		if c := b.partnerFor(a); c != "" {
			b.addFact(&fact{Type: "ASSOCIATE_OF", From: a, To: c, Kind: b.associationKind(a, c)})
			count++
		}
	}
	for _, k := range b.persons {
		if b.ent(k).degree == 0 {
			add(k)
		}
	}
	for count < targetAssociations {
		add(b.persons[b.rng.IntN(len(b.persons))])
	}
}

func (b *builder) sameSphere(a, c *entity) bool {
	if a.Group != "" && a.Group == c.Group {
		return true
	}
	if a.Region == c.Region && (a.Group == "" || c.Group == "") {
		return true
	}
	core := func(e *entity) bool { return e.Role == rolePrincipal || e.Role == roleSignificant }
	return core(a) && core(c)
}

func (b *builder) partnerFor(a string) string {
	ea := b.ent(a)
	var keys []string
	var ws []float64
	for _, k := range b.persons {
		ec := b.ent(k)
		if k == a || !b.sameSphere(ea, ec) || b.hasFact("ASSOCIATE_OF", a, k) {
			continue
		}
		keys = append(keys, k)
		ws = append(ws, ec.weight*(1+float64(ec.degree)))
	}
	if len(keys) == 0 {
		return ""
	}
	return keys[b.weighted(ws)]
}

func (b *builder) associationKind(a, c string) string {
	ea, ec := b.ent(a), b.ent(c)
	pa, pc := b.p.Entities[b.entityIndex(a)].Props, b.p.Entities[b.entityIndex(c)].Props
	switch {
	case pa["familyName"] == pc["familyName"]:
		return "family"
	case ea.Role == roleUser || ec.Role == roleUser:
		return "criminal"
	case b.chance(0.2):
		return "social"
	}
	return "criminal"
}

func (b *builder) entityIndex(key string) int {
	return slices.IndexFunc(b.p.Entities, func(n nodePlan) bool { return n.Key == key })
}

func (b *builder) placeFacts() {
	for _, k := range b.persons {
		if home, ok := b.homes[k]; ok {
			b.addFact(&fact{Type: "RESIDES_AT", From: k, To: home})
		}
	}
	for _, f := range namedFrequents {
		b.addFact(&fact{Type: "FREQUENTS", From: f[0], To: f[1]})
	}
	for _, k := range b.persons {
		p := b.ent(k)
		places := frequentedBy[p.Role+"/"+p.Region]
		if k[0] != '@' || len(places) == 0 || !b.chance(0.35) {
			continue
		}
		b.addFact(&fact{Type: "FREQUENTS", From: k, To: places[b.rng.IntN(len(places))]})
	}
}

func (b *builder) commsFacts() {
	for _, l := range dealLines {
		for _, u := range l.Users {
			b.addFact(&fact{Type: "USES", From: u, To: l.Key})
		}
	}
	for _, k := range b.persons {
		for _, ph := range b.phones[k] {
			b.addFact(&fact{Type: "USES", From: k, To: ph})
		}
	}
	for _, h := range handsetSeeds {
		for _, u := range h.Users {
			b.addFact(&fact{Type: "USES", From: u, To: h.Key})
		}
	}
	for _, o := range onlineSeeds {
		for _, u := range o.Users {
			b.addFact(&fact{Type: "USES", From: u, To: o.Key})
		}
	}
	// Call data: every personal mobile reaches its line (users and runners
	// the deal line, Kell people the Kell line or MAHONEY), then more
	// contacts by preferential attachment to the busiest numbers.
	var mobiles []string
	for _, n := range b.p.Entities {
		if e := b.ents[n.Key]; e.Kind == "CommsDevice" && (e.Sub == "MOBILE" || e.Sub == "LINE") {
			mobiles = append(mobiles, n.Key)
		}
	}
	count := 0
	contact := func(a, c string, scale float64) {
		if a == c || b.owner[a] == b.owner[c] || b.hasFact("CONTACTED", a, c) {
			return
		}
		n := int(math.Round(math.Exp(b.rng.Float64()*5.2)*scale)) + 1
		b.addFact(&fact{Type: "CONTACTED", From: a, To: c, Count: n})
		count++
	}
	for _, m := range mobiles {
		e, owner := b.ent(m), b.ent(b.owner[m])
		if e.Sub == "LINE" {
			continue
		}
		switch {
		case owner.Group == groupKell && b.chance(0.5):
			contact(m, "kellLine", 1)
		case owner.Group == groupKell:
			contact(m, b.phones["mahoney"][0], 1)
		case owner.Region == regionWrexham:
			contact("aceLine", m, 2)
		case owner.Group == groupDee || owner.Region == regionRhyl:
			contact("deeLine", m, 2)
		}
	}
	for tries := 0; count < targetContacts && tries < 10_000; tries++ {
		a := mobiles[b.rng.IntN(len(mobiles))]
		ws := make([]float64, len(mobiles))
		for i, m := range mobiles {
			ws[i] = b.ent(m).weight * (1 + float64(b.ent(m).degree))
		}
		contact(a, mobiles[b.weighted(ws)], 1)
	}
}

func (b *builder) vehicleFacts() {
	for _, v := range vehicleSeeds {
		for _, d := range v.Drivers {
			b.addFact(&fact{Type: "DRIVES", From: d, To: v.Key})
		}
		if v.Keeper != "" {
			b.addFact(&fact{Type: "REGISTERED_KEEPER", From: v.Keeper, To: v.Key})
		}
	}
}

func (b *builder) eventFacts() {
	for _, n := range b.p.Entities {
		if n.Kind != "Event" {
			continue
		}
		for _, e := range eventSeeds {
			if e.Key == n.Key {
				for _, pt := range e.Parts {
					b.addFact(&fact{Type: pt.Type, From: pt.Key, To: e.Key, Role: pt.Role})
				}
			}
		}
	}
	// ANPR hits: the vehicle was there.
	for i, v := range anprVehicles {
		b.addFact(&fact{Type: "PRESENT_AT", From: v, To: anprKey(i)})
	}
}
