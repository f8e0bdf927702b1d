package seed

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

// The demo is built in two stages: plan() turns the data tables and a
// fixed-seed random source into a complete description of every record,
// relationship and link (keyed by local names, not ids), and the writer
// in demo.go replays it through the store's write API. Keeping the plan
// pure data makes the demo testably deterministic.

// seedPCG1, seedPCG2 fix the random source: same plan every run.
const seedPCG1, seedPCG2 = 2026, 11

// planToday is the date the scenario is written up to; overdue chases are
// planned against it (not the clock) so the plan stays deterministic.
var planToday = day("2026-11-23")

// nodePlan is one record to create.
type nodePlan struct {
	Key   string
	Kind  keyline.Kind
	Props map[string]any
	Refs  []refPlan
}

// refPlan is a structural relationship by local keys.
type refPlan struct {
	Rel     string
	Dir     cypher.Direction
	Targets []refTargetPlan
}

type refTargetPlan struct {
	Key   string
	Props map[string]any
}

// linkPlan is a link with its provenance (keys of items or exhibits).
type linkPlan struct {
	Type, From, To string
	Props          map[string]any
	Sources        []string
}

// stepPlan is a lifecycle step of an action (keyline.ActionStep or
// "CHASE").
type stepPlan struct {
	Step    string
	Officer string // officer key, for ALLOCATE
	Reason  string
	Result  string
}

type actionPlan struct {
	Key   string
	Props map[string]any
	Refs  []refPlan
	Steps []stepPlan
}

type exhibitPlan struct {
	nodePlan
	Continuity []map[string]any
}

// targetPlan is a nomination; the subject's label is read back from the
// stored subject when written.
type targetPlan struct {
	nodePlan
	Subject string
}

// demoPlan is the whole demo operation as data.
type demoPlan struct {
	Reference      string
	SIO            string // officer key
	Officers       []nodePlan
	Operation      nodePlan
	Entities       []nodePlan
	Intelligence   []nodePlan
	LinesOfEnquiry []nodePlan
	Decisions      []nodePlan
	Actions        []actionPlan
	Exhibits       []exhibitPlan
	Links          []linkPlan
	Targets        []targetPlan
}

// entity is what the builder knows about an entity while writing texts.
type entity struct {
	Key                 string
	Kind                keyline.Kind
	Name                string // as written in intelligence text
	Role, Group, Region string // persons
	Sub                 string // location/comms/event kind
	When                time.Time
	weight              float64
	degree              int
}

type builder struct {
	rng    *rand.Rand
	suffix string
	p      *demoPlan

	ents     map[string]*entity
	persons  []string // person keys in order
	homes    map[string]string
	phones   map[string][]string // person key -> personal mobile keys
	owner    map[string]string   // comms key -> first user
	facts    []*fact
	factByID map[string]*fact
	items    []*item
	officers map[string]officerSeed
	obtained map[string]time.Time // exhibit key -> when obtained
}

// plan builds the demo. suffix (for tests sharing a database) makes the
// operation reference, officer identities and URNs unique.
func plan(suffix string) *demoPlan {
	b := &builder{
		rng:    rand.New(rand.NewPCG(seedPCG1, seedPCG2)),
		suffix: suffix,
		p:      &demoPlan{Reference: DemoReference},
		ents:   map[string]*entity{}, homes: map[string]string{}, phones: map[string][]string{},
		owner: map[string]string{}, factByID: map[string]*fact{}, officers: map[string]officerSeed{},
		obtained: map[string]time.Time{},
	}
	if suffix != "" {
		b.p.Reference = DemoReference + "-" + strings.ToUpper(suffix)
	}
	b.buildOfficers()
	b.buildOperation()
	b.buildOrganisations()
	b.buildLocations()
	b.buildPersons()
	b.buildVehicles()
	b.buildComms()
	b.buildEvents()
	b.buildFacts()
	b.buildIntelligence()
	b.buildPolicyFile()
	b.buildActions()
	b.buildLinks()
	b.buildTargets()
	return b.p
}

// --- small helpers ----------------------------------------------------------

func day(s string) keyline.Date {
	t, err := time.Parse(keyline.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return keyline.Date{Time: t}
}

func at(s string) time.Time {
	t, err := time.Parse("2006-01-02T15:04", s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

func dateOf(t time.Time) keyline.Date {
	return keyline.Date{Time: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// weighted picks an index with probability proportional to its weight.
func (b *builder) weighted(ws []float64) int {
	total := 0.0
	for _, w := range ws {
		total += w
	}
	x := b.rng.Float64() * total
	for i, w := range ws {
		if x < w {
			return i
		}
		x -= w
	}
	return len(ws) - 1
}

// choose picks one of the options with the given weights ("1A:3" style
// tables are written as parallel slices).
func (b *builder) choose(opts []string, ws []float64) string { return opts[b.weighted(ws)] }

func (b *builder) chance(p float64) bool { return b.rng.Float64() < p }

func (b *builder) between(from, to time.Time) time.Time {
	d := to.Sub(from)
	return from.Add(time.Duration(b.rng.Int64N(int64(d)))).Truncate(time.Minute)
}

func (b *builder) addEntity(e *entity, kind keyline.Kind, props map[string]any) {
	e.Kind = kind
	if _, dup := b.ents[e.Key]; dup {
		panic("seed: duplicate entity key " + e.Key)
	}
	b.ents[e.Key] = e
	b.p.Entities = append(b.p.Entities, nodePlan{Key: e.Key, Kind: kind, Props: props})
}

func (b *builder) ent(key string) *entity {
	e, ok := b.ents[key]
	if !ok {
		panic("seed: no entity " + key)
	}
	return e
}

func (b *builder) withSuffix(s, sep string) string {
	if b.suffix == "" {
		return s
	}
	return s + sep + b.suffix
}

// --- officers and the operation --------------------------------------------

func (b *builder) buildOfficers() {
	for _, o := range officerSeeds {
		b.officers[o.Key] = o
		props := map[string]any{
			"collarNumber": b.withSuffix(o.Collar, "-"),
			"name":         o.Name, "rank": o.Rank, "role": o.Role,
			"skills": append([]string{}, o.Skills...),
		}
		if o.Team != "" {
			props["team"] = o.Team
		}
		if o.Subject != "" {
			props["subject"] = b.withSuffix(o.Subject, "-")
		}
		if o.Role == string(keyline.RoleSIO) {
			b.p.SIO = o.Key
		}
		b.p.Officers = append(b.p.Officers, nodePlan{Key: o.Key, Kind: keyline.KindOfficer, Props: props})
	}
}

func (b *builder) buildOperation() {
	var members []refTargetPlan
	for _, o := range officerSeeds {
		if o.Role != string(keyline.RoleAuditor) {
			members = append(members, refTargetPlan{Key: o.Key})
		}
	}
	// The operation is OFFICIAL-SENSITIVE, so every member (the investigator
	// and action manager are cleared to OFFICIAL-SENSITIVE) works in it; its
	// SECRET items stay hidden from those not cleared to them.
	b.p.Operation = nodePlan{Key: "operation", Kind: keyline.KindOperation,
		Props: map[string]any{
			"reference": b.p.Reference, "name": "Operation Kestrel", "status": "OPEN", "classification": "OFFICIAL_SENSITIVE",
			"opened": day("2026-02-02"),
			"summary": "County-lines drug supply from Merseyside into North Wales and Cheshire. The Kell Street Crew (Toxteth) " +
				"supplies cocaine and heroin to the 'Dee' line, run from Birkenhead into Rhyl and Prestatyn with a spin-off " +
				"line in Wrexham. The line exploits children as runners and cuckoos the homes of vulnerable adults. " +
				"Joint investigation by SOCU North West and North Wales SOCU.",
		},
		Refs: []refPlan{
			{Rel: cypher.RelLedBy, Dir: cypher.Outgoing, Targets: []refTargetPlan{{Key: b.p.SIO}}},
			{Rel: cypher.RelMember, Dir: cypher.Incoming, Targets: members},
		},
	}
}

// --- entities -----------------------------------------------------------------

func (b *builder) buildOrganisations() {
	for _, o := range orgSeeds {
		b.addEntity(&entity{Key: o.Key, Name: o.Name, Group: o.Key, weight: 4}, keyline.KindOrganisation, map[string]any{
			"name": o.Name, "kind": o.Kind, "reference": o.Reference, "description": o.Desc,
		})
	}
}

func (b *builder) buildLocations() {
	for _, l := range locationSeeds {
		pc := must(keyline.NormalisePostcode("postcode", l.Postcode))
		b.addEntity(&entity{Key: l.Key, Name: l.Address + ", " + pc, Region: l.Region, Sub: l.Kind}, keyline.KindLocation,
			map[string]any{"address": l.Address, "postcode": pc, "latitude": l.Lat, "longitude": l.Lon, "kind": l.Kind})
	}
}

var roleWeight = map[string]float64{
	rolePrincipal: 14, roleSignificant: 6, roleRunner: 1.5, roleAssociate: 1.5, roleUser: 0.7, roleVulnerable: 0.7, roleFamily: 1,
}

func (b *builder) addPerson(ps personSeed, region string) {
	props := map[string]any{
		"givenNames": ps.Given, "familyName": ps.Family,
		"aliases": append([]string{}, ps.Aliases...), "identifiers": append([]string{}, ps.IDs...),
		"warningMarkers": append([]string{}, ps.Markers...),
		"dateOfBirth":    day(ps.DOB),
	}
	if ps.PNC != "" {
		if err := keyline.ValidatePNC("pncId", ps.PNC); err != nil {
			panic(err)
		}
		props["pncId"] = ps.PNC
	}
	if ps.Desc != "" {
		props["description"] = ps.Desc
	}
	name := ps.Given + " " + strings.ToUpper(ps.Family)
	b.addEntity(&entity{Key: ps.Key, Name: name, Role: ps.Role, Group: ps.Group, Region: region, weight: roleWeight[ps.Role]},
		keyline.KindPerson, props)
	b.persons = append(b.persons, ps.Key)
	if ps.Home != "" {
		b.homes[ps.Key] = ps.Home
	}
}

func (b *builder) buildPersons() {
	taken := map[string]bool{}
	for _, ps := range corePersons {
		taken[ps.Given+" "+ps.Family] = true
		b.addPerson(ps, b.ent(ps.Home).Region)
	}
	for _, g := range generatedRoles {
		for i := 0; i < g.N; i++ {
			key := fmt.Sprintf("@%s-%s-%d", g.Role, g.Region, i)
			if g.Group != "" {
				key = fmt.Sprintf("@%s-%s-%s-%d", g.Group, g.Role, g.Region, i)
			}
			b.addPerson(b.generatePerson(key, g, taken), g.Region)
		}
	}
}

// generatePerson invents a nominal of role g from the name pools of their
// home region (Liverpool-born runners are sent into Wales too).
func (b *builder) generatePerson(key string, g genRole, taken map[string]bool) personSeed {
	givens, families := walesGiven, walesFamily
	if g.Region == regionMersey || g.Region == regionWirral || (g.Region == regionChester && b.chance(0.5)) {
		givens, families = merseyGiven, merseyFamily
	}
	var given, family string
	for {
		given, family = givens[b.rng.IntN(len(givens))], families[b.rng.IntN(len(families))]
		if !taken[given+" "+family] {
			taken[given+" "+family] = true
			break
		}
	}
	years := map[string][2]int{roleRunner: {2000, 2007}, roleAssociate: {1980, 2003}, roleUser: {1975, 1998}}[g.Role]
	year := years[0] + b.rng.IntN(years[1]-years[0]+1)
	dob := time.Date(year, time.Month(1+b.rng.IntN(12)), 1+b.rng.IntN(28), 0, 0, 0, 0, time.UTC)
	ps := personSeed{Key: key, Given: given, Family: family, DOB: dob.Format(keyline.DateLayout), Role: g.Role, Group: g.Group}
	if b.chance(0.3) {
		ps.Aliases = []string{streetNames[b.rng.IntN(len(streetNames))]}
	}
	pncChance := map[string]float64{roleRunner: 0.6, roleAssociate: 0.7, roleUser: 0.4}[g.Role]
	if b.chance(pncChance) {
		first := min(year+14+b.rng.IntN(8), 2026)
		ps.PNC = fmt.Sprintf("%02d/%06d%c", first%100, b.rng.IntN(1_000_000), 'A'+rune(b.rng.IntN(26)))
	}
	markers := map[string][]struct {
		m string
		p float64
	}{
		roleRunner:    {{"DRUGS", 0.6}, {"WEAPONS", 0.15}},
		roleAssociate: {{"DRUGS", 0.4}, {"VIOLENT", 0.2}, {"WEAPONS", 0.1}, {"FIREARMS", 0.04}},
		roleUser:      {{"DRUGS", 0.5}, {"SELF_HARM", 0.1}},
	}[g.Role]
	for _, m := range markers {
		if b.chance(m.p) {
			ps.Markers = append(ps.Markers, m.m)
		}
	}
	if b.chance(0.15) {
		if b.chance(0.5) {
			ps.IDs = []string{fmt.Sprintf("NI:%c%c%06d%c", 'J'+rune(b.rng.IntN(8)), 'A'+rune(b.rng.IntN(20)), b.rng.IntN(1_000_000), 'A'+rune(b.rng.IntN(4)))}
		} else {
			ps.IDs = []string{fmt.Sprintf("PASSPORT:%09d", 100_000_000+b.rng.IntN(900_000_000))}
		}
	}
	groupName := map[string]string{groupKell: "the Kell Street Crew", groupDee: "the Dee line", "": ""}[g.Group]
	switch g.Role {
	case roleRunner:
		ps.Desc = "Runner for " + groupName + "."
	case roleAssociate:
		if groupName != "" {
			ps.Desc = "Associate of " + groupName + "."
		} else {
			ps.Desc = "Street dealer with links to the Kell Street Crew."
		}
	case roleUser:
		ps.Desc = "Class A user."
	}
	// Home: a residential address in the region; users and some runners
	// have none known.
	if g.Role != roleUser || b.chance(0.5) {
		var homes []string
		for _, l := range locationSeeds {
			if l.Region == g.Region && l.Kind == "RESIDENTIAL" && !b.coreHome(l.Key) {
				homes = append(homes, l.Key)
			}
		}
		if len(homes) > 0 && b.chance(0.65) {
			ps.Home = homes[b.rng.IntN(len(homes))]
		}
	}
	return ps
}

// coreHome reports whether a hand-written nominal lives at the address.
func (b *builder) coreHome(loc string) bool {
	return slices.ContainsFunc(corePersons, func(p personSeed) bool { return p.Home == loc })
}

func (b *builder) buildVehicles() {
	for _, v := range vehicleSeeds {
		vrm := must(keyline.NormaliseVRM("vrm", v.VRM))
		b.addEntity(&entity{Key: v.Key, Name: fmt.Sprintf("the %s %s %s %s", strings.ToLower(v.Colour), v.Make, v.Model, vrm), weight: 1},
			keyline.KindVehicle, map[string]any{"vrm": vrm, "make": v.Make, "model": v.Model, "colour": v.Colour})
	}
}

// nationalNumber renders +447700900101 as 07700 900101.
func nationalNumber(e164 string) string {
	n := "0" + strings.TrimPrefix(e164, "+44")
	return n[:5] + " " + n[5:]
}

// imei completes a 14-digit TAC+serial with its Luhn check digit.
func imei(body string) string {
	for d := '0'; d <= '9'; d++ {
		if keyline.LuhnValid(body + string(d)) {
			return body + string(d)
		}
	}
	panic("unreachable")
}

func (b *builder) buildComms() {
	for _, l := range dealLines {
		b.addEntity(&entity{Key: l.Key, Name: fmt.Sprintf("the '%s' (%s)", l.Name, nationalNumber(l.Number)), Sub: "LINE", Group: l.Group, weight: 10},
			keyline.KindCommsDevice, map[string]any{"kind": "MOBILE", "number": l.Number, "lineName": l.Name})
		b.owner[l.Key] = l.Users[0]
	}
	used := map[int]bool{101: true, 202: true, 303: true}
	for i, who := range personalPhones {
		n := 0
		for n == 0 || used[n] {
			n = 400 + b.rng.IntN(600)
		}
		used[n] = true
		number := fmt.Sprintf("+447700900%03d", n)
		key := fmt.Sprintf("mobile%02d", i+1)
		owner := b.ent(who)
		b.addEntity(&entity{Key: key, Name: "mobile " + nationalNumber(number), Sub: "MOBILE", Group: owner.Group, weight: owner.weight},
			keyline.KindCommsDevice, map[string]any{"kind": "MOBILE", "number": number})
		b.phones[who] = append(b.phones[who], key)
		b.owner[key] = who
	}
	for _, h := range handsetSeeds {
		id := imei(h.TAC + fmt.Sprintf("%06d", b.rng.IntN(1_000_000)))
		b.addEntity(&entity{Key: h.Key, Name: "a handset with IMEI " + id, Sub: "HANDSET"},
			keyline.KindCommsDevice, map[string]any{"kind": "HANDSET", "imei": id})
		b.owner[h.Key] = h.Users[0]
	}
	for _, o := range onlineSeeds {
		props := map[string]any{"kind": o.Kind}
		name := "the e-mail address " + o.Value
		if o.Kind == "EMAIL" {
			props["email"] = strings.ToLower(o.Value)
		} else {
			props["handle"] = o.Value
			name = "the social media account " + o.Value
		}
		b.addEntity(&entity{Key: o.Key, Name: name, Sub: o.Kind}, keyline.KindCommsDevice, props)
		b.owner[o.Key] = o.Users[0]
	}
}

func (b *builder) buildEvents() {
	for _, e := range eventSeeds {
		b.addEvent(e)
	}
	// ANPR hits on the courier routes, spread across the covert phase.
	start, end := at("2026-02-16T00:00"), at("2026-08-28T00:00")
	step := end.Sub(start) / time.Duration(len(anprVehicles))
	for i, v := range anprVehicles {
		when := start.Add(step*time.Duration(i) + time.Duration(6*60+b.rng.IntN(4*24*60))*time.Minute)
		cam := anprCameras[b.rng.IntN(len(anprCameras))]
		vrm := b.p.Entities[slices.IndexFunc(b.p.Entities, func(n nodePlan) bool { return n.Key == v })].Props["vrm"]
		b.addEvent(eventSeed{Key: anprKey(i), Kind: "ANPR_HIT", At: when.Format("2006-01-02T15:04"),
			Summary: fmt.Sprintf("ANPR: %s recorded by the %s camera", vrm, cam), Parts: present(v)})
	}
}

func anprKey(i int) string { return fmt.Sprintf("anpr%02d", i+1) }

func (b *builder) addEvent(e eventSeed) {
	props := map[string]any{"kind": e.Kind, "occurredAt": at(e.At), "summary": e.Summary}
	if e.CrimeNo != "" {
		props["crimeNumber"] = e.CrimeNo
	}
	if e.Class != "" {
		props["crimeClassification"] = e.Class
	}
	b.addEntity(&entity{Key: e.Key, Name: e.Summary, Sub: e.Kind, When: at(e.At)}, keyline.KindEvent, props)
}

// --- policy file, targets ----------------------------------------------------

func (b *builder) buildPolicyFile() {
	for _, l := range lineSeeds {
		b.p.LinesOfEnquiry = append(b.p.LinesOfEnquiry, nodePlan{Key: l.Key, Kind: keyline.KindLineOfEnquiry,
			Props: map[string]any{"title": l.Title, "description": l.Desc, "status": l.Status}})
	}
	for _, d := range decisionSeeds {
		refs := []refPlan{{Rel: cypher.RelAuthoredBy, Dir: cypher.Outgoing, Targets: []refTargetPlan{{Key: b.p.SIO}}}}
		if d.Line != "" {
			refs = append(refs, refPlan{Rel: cypher.RelConcerns, Dir: cypher.Outgoing, Targets: []refTargetPlan{{Key: d.Line}}})
		}
		if d.Supersedes != "" {
			refs = append(refs, refPlan{Rel: cypher.RelSupersedes, Dir: cypher.Outgoing, Targets: []refTargetPlan{{Key: d.Supersedes}}})
		}
		b.p.Decisions = append(b.p.Decisions, nodePlan{Key: d.Key, Kind: keyline.KindDecision,
			Props: map[string]any{"decision": d.Decision, "rationale": d.Rationale, "madeAt": at(d.At)}, Refs: refs})
	}
}

func (b *builder) buildTargets() {
	for i, t := range targetSeeds {
		b.ent(t.Subject)
		b.p.Targets = append(b.p.Targets, targetPlan{Subject: t.Subject, nodePlan: nodePlan{
			Key: fmt.Sprintf("target%d", i+1), Kind: keyline.KindTarget,
			Props: map[string]any{"status": t.Status, "nimLevel": "LEVEL_2", "threatAreas": append([]string{}, t.Threats...), "rationale": t.Rationale},
			Refs: []refPlan{
				{Rel: cypher.RelSubject, Dir: cypher.Outgoing, Targets: []refTargetPlan{{Key: t.Subject}}},
				{Rel: cypher.RelOwnedBy, Dir: cypher.Outgoing, Targets: []refTargetPlan{{Key: t.Owner}}},
			},
		}})
	}
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
