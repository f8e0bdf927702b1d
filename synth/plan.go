package synth

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/keyline/keyline"
)

// Stage is one step of a generation: every row of one node kind, one link
// type, or the intelligence mentions. Rows of a stage all come before those
// of the next, and nodes before any link, so a writer can load each stage
// as it arrives.
type Stage struct {
	Name string
	// Kind is set for node stages.
	Kind keyline.Kind
	// Link is set for link stages: a link type, or "MENTIONS".
	Link string
	// Total is the stage's row count: exact for nodes, the expected count
	// for links (they are drawn as they are written).
	Total int
}

// Mentions is the Stage.Link of the intelligence mentions stage.
const Mentions = "MENTIONS"

// Node and link stages in the order they are emitted.
var (
	nodeStages = []keyline.Kind{
		keyline.KindPerson, keyline.KindOrganisation, keyline.KindLocation, keyline.KindVehicle,
		keyline.KindCommsDevice, keyline.KindEvent, keyline.KindIntelligenceItem,
	}
	linkStages = []string{
		"ASSOCIATE_OF", "USES", "CONTACTED", "RESIDES_AT", "DRIVES", "REGISTERED_KEEPER",
		"MEMBER_OF", "OPERATES_FROM", "PRESENT_AT", Mentions,
	}
)

// idPrefix mirrors keyline's id prefixes (unexported there); the tests
// check every one with keyline.KindOfID.
var idPrefix = map[keyline.Kind]string{
	keyline.KindPerson: "per", keyline.KindOrganisation: "org", keyline.KindLocation: "loc",
	keyline.KindVehicle: "veh", keyline.KindCommsDevice: "com", keyline.KindEvent: "evt",
	keyline.KindIntelligenceItem: "int",
}

// span is how far back generated dates reach.
const span = 3 * 365 * 24 * time.Hour

// Rows generates the network cfg describes and passes each row to emit, in
// stage order, without a database: Generate writes what it emits, tests
// inspect it. The same Seed, OperationID and Persons always give the same
// rows; Now only moves their dates. Node rows are full property maps; link rows add fromId and
// toId to the link's properties; mention rows are fromId, toId and role.
// emit may keep a row: Rows never touches it again.
//
// Memory is a few int32 per person (phones, home, vehicles) plus the
// association edge list, which doubles as the preferential-attachment urn
// (2 int32 per edge): about 40 bytes per person in all.
func Rows(ctx context.Context, cfg Config, emit func(st *Stage, row map[string]any) error) error {
	if cfg.Persons < 1 {
		return fmt.Errorf("synth: Persons must be at least 1, not %d", cfg.Persons)
	}
	if cfg.OperationID == "" {
		return fmt.Errorf("synth: OperationID is required")
	}
	if cfg.Now.IsZero() {
		return fmt.Errorf("synth: Now is required (Generate sets it)")
	}
	g := newGen(cfg)
	g.ctx, g.emit = ctx, emit
	for _, k := range nodeStages {
		if err := g.nodes(k); err != nil {
			return err
		}
	}
	for _, l := range linkStages {
		if err := g.links(l); err != nil {
			return err
		}
	}
	return nil
}

// gen holds the compact plan every stage draws on: which phones, vehicles
// and home each person has, by index, so rows are built on demand.
type gen struct {
	cfg    Config
	ctx    context.Context
	emit   func(*Stage, map[string]any) error
	stage  *Stage
	rows   int
	now    time.Time
	tag    string
	linkNo int

	n          int
	phoneStart []int32 // person i uses phones [phoneStart[i], phoneStart[i+1])
	vehStart   []int32 // person i drives vehicles [vehStart[i], vehStart[i+1])
	home       []int32 // person i lives at location home[i]
	households int     // locations [0, households) are homes,
	traps      int     // then trap houses, then one premises per organisation
	orgs       int
	ocg        []bool
	events     int
	intel      int
	dealLines  int // person d < dealLines holds a deal line: their last phone

	// assoc is the ASSOCIATE_OF edge list (from, to, from, to, ...). As
	// every person appears once per association, a uniform draw from it is
	// a draw proportional to degree: the urn of preferential attachment,
	// reused later so the well connected also dominate groups, events and
	// intelligence, as they do in real networks.
	assoc []int32

	// intelMark is each intelligence item's source mark (index into
	// marks), drawn with the item, so a link citing it carries the marks
	// need to know reads (keyline.SourceMark) without a second pass.
	intelMark []uint8
	marks     []string
}

func newGen(cfg Config) *gen {
	n := cfg.Persons
	g := &gen{cfg: cfg, n: n, now: cfg.Now.UTC().Truncate(time.Second)}
	h := fnv.New64a()
	fmt.Fprintf(h, "%s/%d", cfg.OperationID, cfg.Seed)
	// The tag keeps ids and URNs (globally unique in the database) apart
	// between generations into different operations or with other seeds.
	g.tag = strconv.FormatUint(h.Sum64()&0xffffffff, 36)

	r := g.rng("plan")
	g.dealLines = max(1, n/2000)
	g.phoneStart = make([]int32, n+1)
	g.vehStart = make([]int32, n+1)
	for i := 0; i < n; i++ {
		phones := 1
		switch x := r.IntN(100); {
		case x < 3:
			phones = 4
		case x < 8:
			phones = 3
		case x < 20:
			phones = 2
		}
		if i < g.dealLines {
			phones++
		}
		g.phoneStart[i+1] = g.phoneStart[i] + int32(phones)
		vehicles := 0
		switch x := r.IntN(100); {
		case x < 1:
			vehicles = 3
		case x < 5:
			vehicles = 2
		case x < 31:
			vehicles = 1
		}
		g.vehStart[i+1] = g.vehStart[i] + int32(vehicles)
	}

	// Households are runs of consecutive persons, so most homes have one to
	// four residents; one person in a hundred passes through a trap house,
	// skewed so the busiest have dozens (about a hundred at 1M persons).
	g.traps = max(1, n/1000)
	g.home = make([]int32, n)
	left := 0
	for i := 0; i < n; i++ {
		if r.IntN(100) == 0 {
			g.home[i] = -1 - int32(float64(g.traps)*math.Pow(r.Float64(), 1.5))
			continue
		}
		if left == 0 {
			left = pickSize(r, []int{35, 30, 17, 12, 4, 2})
			g.households++
		}
		g.home[i] = int32(g.households - 1)
		left--
	}
	for i, h := range g.home {
		if h < 0 {
			g.home[i] = int32(g.households) - 1 - h
		}
	}

	g.orgs = max(2, n/500)
	g.ocg = make([]bool, g.orgs)
	for o := range g.ocg {
		g.ocg[o] = o == 0 || (o != 1 && r.IntN(100) < 65)
	}
	g.events = max(1, n/20)
	g.intel = max(1, n/3)
	return g
}

// pickSize returns 1 + the index drawn with the given relative weights.
func pickSize(r *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	x := r.IntN(total)
	for i, w := range weights {
		if x < w {
			return i + 1
		}
		x -= w
	}
	return len(weights)
}

// rng gives each stage its own stream, so a change to one stage's drawing
// leaves every other stage's rows as they were.
func (g *gen) rng(stage string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(stage))
	return rand.New(rand.NewPCG(g.cfg.Seed, h.Sum64()))
}

// hash is a stateless draw for values several stages need to agree on
// (an event's time) without storing them.
func (g *gen) hash(kind string, i int) uint64 {
	x := g.cfg.Seed ^ uint64(i)*0x9e3779b97f4a7c15
	for _, c := range []byte(kind) {
		x = (x ^ uint64(c)) * 0x100000001b3
	}
	// splitmix64 finaliser
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func (g *gen) id(k keyline.Kind, i int) string {
	return idPrefix[k] + "_syn" + g.tag + "_" + strconv.Itoa(i)
}

func (g *gen) phones() int    { return int(g.phoneStart[g.n]) }
func (g *gen) vehicles() int  { return int(g.vehStart[g.n]) }
func (g *gen) locations() int { return g.households + g.traps + g.orgs }
func (g *gen) dealLine(d int) int {
	return int(g.phoneStart[d+1]) - 1
}

// ago is a time up to span before now. Draws are whole seconds back from
// now, never bounded by now itself, so which rows a seed gives does not
// depend on when they are generated: only their dates move.
func (g *gen) ago(r *rand.Rand) time.Time {
	return g.now.Add(-time.Duration(r.Int64N(spanSeconds)) * time.Second)
}

const spanSeconds = int64(span / time.Second)

// eventKind is hashed, not drawn, because PRESENT_AT needs it too.
func (g *gen) eventKind(e int) string {
	total := 0
	for _, w := range eventKinds {
		total += w.weight
	}
	x := int(g.hash("eventKind", e) % uint64(total))
	for _, w := range eventKinds {
		if x < w.weight {
			return w.value
		}
		x -= w.weight
	}
	return eventKinds[0].value
}

func (g *gen) eventTime(e int) time.Time {
	return g.now.Add(-time.Duration(g.hash("event", e)%uint64(spanSeconds)) * time.Second)
}

// pareto draws from a Pareto distribution with minimum xm and shape alpha:
// the heavy tail of contact counts, group sizes and deal-line customers.
func pareto(r *rand.Rand, xm, alpha float64) float64 {
	return xm / math.Pow(1-r.Float64(), 1/alpha)
}

// hub draws a person in proportion to their number of associates.
func (g *gen) hub(r *rand.Rand) int {
	if len(g.assoc) == 0 {
		return r.IntN(g.n)
	}
	return int(g.assoc[r.IntN(len(g.assoc))])
}

// --- emitting --------------------------------------------------------------

func (g *gen) begin(st *Stage) { g.stage, g.rows = st, 0 }

func (g *gen) put(row map[string]any) error {
	g.rows++
	if g.rows&1023 == 0 {
		if err := g.ctx.Err(); err != nil {
			return err
		}
	}
	return g.emit(g.stage, row)
}

func (g *gen) node(k keyline.Kind, i int, p map[string]any) error {
	p["id"] = g.id(k, i)
	p["operationId"] = g.cfg.OperationID
	p["createdAt"], p["updatedAt"], p["updatedBy"], p["version"] = g.now, g.now, updatedBy, int64(1)
	p["label"], p["searchText"] = keyline.Describe(k, p)
	return g.put(p)
}

// updatedBy is the writer recorded on every generated record.
const updatedBy = "synth"

// link emits a link with the provenance every link carries: one or two
// generated intelligence items as sources, a confidence and when it was
// seen. extra holds the type's own fields (kind, role, count).
// A zero first draws both first and last.
func (g *gen) link(r *rand.Rand, from, to string, first, last time.Time, extra map[string]any) error {
	first0 := r.IntN(g.intel)
	sources := []string{g.id(keyline.KindIntelligenceItem, first0)}
	marks := []string{g.marks[g.intelMark[first0]]}
	if r.IntN(3) == 0 && g.intel > 1 {
		if i := r.IntN(g.intel); i != first0 {
			sources = append(sources, g.id(keyline.KindIntelligenceItem, i))
			if m := g.marks[g.intelMark[i]]; m != marks[0] {
				marks = append(marks, m)
			}
		}
	}
	if first.IsZero() {
		back := r.Int64N(spanSeconds)
		first = g.now.Add(-time.Duration(back) * time.Second)
		last = g.now.Add(-time.Duration(r.Int64N(back+1)) * time.Second)
	}
	p := extra
	if p == nil {
		p = make(map[string]any, 14)
	}
	p["fromId"], p["toId"] = from, to
	p["id"] = "lnk_syn" + g.tag + "_" + strconv.Itoa(g.linkNo)
	g.linkNo++
	p["operationId"] = g.cfg.OperationID
	p["sources"], p["sourceMarks"] = sources, marks
	p["confidence"] = float64(50+r.IntN(46)) / 100
	p["firstSeen"], p["lastSeen"] = first, last
	p["createdAt"], p["updatedAt"], p["updatedBy"], p["version"] = g.now, g.now, updatedBy, int64(1)
	return g.put(p)
}

// --- nodes -----------------------------------------------------------------

func (g *gen) nodes(k keyline.Kind) error {
	r := g.rng(string(k))
	var count int
	var build func(i int) map[string]any
	switch k {
	case keyline.KindPerson:
		count, build = g.n, func(i int) map[string]any { return g.person(r, i) }
	case keyline.KindOrganisation:
		count, build = g.orgs, func(i int) map[string]any { return g.organisation(r, i) }
	case keyline.KindLocation:
		count, build = g.locations(), func(i int) map[string]any { return g.location(r, i) }
	case keyline.KindVehicle:
		count, build = g.vehicles(), func(i int) map[string]any { return g.vehicle(r, i) }
	case keyline.KindCommsDevice:
		count, build = g.phones(), func(i int) map[string]any { return g.phone(r, i) }
	case keyline.KindEvent:
		count, build = g.events, func(i int) map[string]any { return g.event(r, i) }
	case keyline.KindIntelligenceItem:
		count, build = g.intel, func(i int) map[string]any { return g.intelligence(r, i) }
	}
	g.begin(&Stage{Name: string(k), Kind: k, Total: count})
	for i := 0; i < count; i++ {
		if err := g.node(k, i, build(i)); err != nil {
			return err
		}
	}
	return nil
}

// rememberMark records item j's source mark for the links that cite it.
func (g *gen) rememberMark(j int, p map[string]any) {
	if g.intelMark == nil {
		g.intelMark = make([]uint8, g.intel)
	}
	m := keyline.SourceMark(keyline.Classification(p["classification"].(string)), p["gradeHandling"].(string))
	i := slices.Index(g.marks, m)
	if i < 0 {
		i = len(g.marks)
		g.marks = append(g.marks, m)
	}
	g.intelMark[j] = uint8(i)
}

func (g *gen) person(r *rand.Rand, i int) map[string]any {
	given := pick(r, givenNames)
	if r.IntN(4) == 0 {
		given += " " + pick(r, middleNames)
	}
	p := map[string]any{
		"givenNames": given, "familyName": pick(r, familyNames),
		"aliases": []string{}, "identifiers": []string{}, "warningMarkers": []string{},
	}
	if r.IntN(10) == 0 {
		p["aliases"] = []string{pick(r, streetAliases)}
	}
	if r.IntN(5) == 0 {
		dob := g.now.AddDate(-16-r.IntN(45), 0, -r.IntN(365))
		p["dateOfBirth"] = keyline.Date{Time: time.Date(dob.Year(), dob.Month(), dob.Day(), 0, 0, 0, 0, time.UTC)}
	}
	if r.IntN(4) == 0 {
		p["pncId"] = fmt.Sprintf("%02d/%06d%c", r.IntN(100), i%1_000_000, 'A'+rune(r.IntN(26)))
	}
	if r.IntN(10) == 0 {
		m := []string{pick(r, warningMarkers)}
		if r.IntN(3) == 0 {
			if x := pick(r, warningMarkers); x != m[0] {
				m = append(m, x)
			}
		}
		p["warningMarkers"] = m
	}
	return p
}

func (g *gen) organisation(r *rand.Rand, o int) map[string]any {
	if g.ocg[o] {
		return map[string]any{
			"name": pick(r, orgPrefixes) + " " + pick(r, ocgSuffixes) + " " + strconv.Itoa(o),
			"kind": "OCG", "reference": fmt.Sprintf("OCGM/%05d", o),
		}
	}
	return map[string]any{"name": pick(r, orgPrefixes) + " " + pick(r, businessSuffixes) + " " + strconv.Itoa(o), "kind": "BUSINESS"}
}

func (g *gen) location(r *rand.Rand, l int) map[string]any {
	t := towns[r.IntN(len(towns))]
	kind := "RESIDENTIAL"
	switch {
	case l >= g.households+g.traps:
		kind = "COMMERCIAL"
	case l >= g.households:
		kind = "TRAP_HOUSE"
	}
	addr := fmt.Sprintf("%d %s %s, %s", 1+r.IntN(180), pick(r, streets), pick(r, streetTypes), t.name)
	if kind == "COMMERCIAL" {
		addr = "Unit " + strconv.Itoa(1+r.IntN(30)) + ", " + pick(r, streets) + " Industrial Estate, " + t.name
	}
	pc, err := keyline.NormalisePostcode("postcode", postcode(r, t.area))
	if err != nil {
		panic(err) // the tables make only valid postcodes
	}
	return map[string]any{
		"address": addr, "postcode": pc, "kind": kind,
		"latitude":  math.Round((t.lat+(r.Float64()-0.5)*0.08)*1e5) / 1e5,
		"longitude": math.Round((t.lon+(r.Float64()-0.5)*0.12)*1e5) / 1e5,
	}
}

func (g *gen) vehicle(r *rand.Rand, v int) map[string]any {
	m := makes[r.IntN(len(makes))]
	return map[string]any{
		"vrm": vrm(v, g.cfg.Seed%vrmSpace), "make": m.make, "model": pick(r, m.models), "colour": pick(r, colours),
	}
}

func (g *gen) phone(r *rand.Rand, c int) map[string]any {
	p := map[string]any{"kind": "MOBILE", "number": phoneNumber(c, g.cfg.Seed%phoneSpace)}
	if d, ok := g.isDealLine(c); ok {
		p["lineName"] = pick(r, streetAliases) + " line " + strconv.Itoa(d)
	}
	if r.IntN(10) < 3 {
		p["imei"] = "35" + fmt.Sprintf("%013d", g.hash("imei", c)%10_000_000_000_000)
	}
	return p
}

// isDealLine reports whether phone c is a deal line, and whose.
func (g *gen) isDealLine(c int) (int, bool) {
	if c >= int(g.phoneStart[g.dealLines]) {
		return 0, false
	}
	d := sort.Search(g.dealLines, func(d int) bool { return int(g.phoneStart[d+1]) > c })
	return d, g.dealLine(d) == c
}

func (g *gen) event(r *rand.Rand, e int) map[string]any {
	kind := g.eventKind(e)
	t := towns[r.IntN(len(towns))]
	p := map[string]any{
		"kind": kind, "occurredAt": g.eventTime(e),
		"summary": pick(r, eventSummaries[kind]) + ", " + t.name,
	}
	if kind == "CRIME" || kind == "SEIZURE" {
		p["crimeNumber"] = fmt.Sprintf("CR/%06d/%02d", e%1_000_000, g.eventTime(e).Year()%100)
	}
	return p
}

func (g *gen) intelligence(r *rand.Rand, j int) map[string]any {
	received := g.ago(r)
	p := map[string]any{
		"urn":             fmt.Sprintf("SYN/%s/%09d", strings.ToUpper(g.tag), j+1),
		"receivedAt":      received,
		"reportedAt":      received.Add(-time.Duration(r.IntN(30*24)) * time.Hour),
		"sourceType":      pickWeighted(r, sourceTypes),
		"gradeSource":     pickWeighted(r, []weighted{{"1", 25}, {"2", 55}, {"3", 20}}),
		"gradeAssessment": pickWeighted(r, []weighted{{"A", 15}, {"B", 35}, {"C", 35}, {"D", 12}, {"E", 3}}),
		"gradeHandling":   "P",
		"classification":  pickWeighted(r, []weighted{{"OFFICIAL_SENSITIVE", 85}, {"OFFICIAL", 10}, {"SECRET", 5}}),
		"sanitisedText":   fmt.Sprintf(pick(r, intelTexts), pick(r, towns).name),
	}
	if r.IntN(100) < 15 {
		p["gradeHandling"], p["gradeConditions"] = "C", pick(r, handlingConditions)
	}
	g.rememberMark(j, p)
	review := received.AddDate(6, 0, 0)
	p["reviewDate"] = keyline.Date{Time: time.Date(review.Year(), review.Month(), review.Day(), 0, 0, 0, 0, time.UTC)}
	return p
}
