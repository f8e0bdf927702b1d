package seed

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

// item is an intelligence item being planned: the facts it asserts and
// the entities it mentions.
type item struct {
	Key        string
	Facts      []*fact
	Ents       []string
	SourceType string
	Grade      keyline.Grading
	Legacy     *keyline.LegacyGrading
	Class      string
	Received   time.Time
	Reported   time.Time
	Text       string
	SourceText string
	URN        string // legacy items keep their original URN
}

const (
	maxMentions  = 4
	maxItemFacts = 6
	maxSources   = 3
)

var (
	intelFrom = at("2026-02-03T08:00")
	intelTo   = at("2026-11-19T18:00")
)

// buildIntelligence writes the intelligence picture that supports the
// network: facts are grouped by their subject (a nominal's associates and
// lifestyle, a phone's call data, an event's participants, a vehicle's
// ANPR hits), each group is cut into items that mention at most four
// entities, and an item also asserts any other fact between the entities
// it mentions (corroboration). Then a few legacy 5x5x5 items from before
// the operation.
func (b *builder) buildIntelligence() {
	for {
		center, family := b.busiestEntity()
		if center == "" {
			break
		}
		limit := 3
		if b.chance(0.15) {
			limit = 2
		}
		// A star of up to three facts about the busiest entity: a nominal's
		// associates and lifestyle, a phone's call data, an event's
		// participants, a vehicle's ANPR hits.
		var chunk []*fact
		ents := []string{center}
		for len(chunk) < limit {
			// Prefer the neighbour that closes most other open facts with
			// the entities already mentioned (triangles report together).
			var best *fact
			bestGain := -1
			for _, f := range b.facts {
				if f.evidenced() || slices.Contains(chunk, f) || b.familyOf(f) != family || (f.From != center && f.To != center) {
					continue
				}
				other := f.To
				if other == center {
					other = f.From
				}
				gain := 0
				for _, g := range b.facts {
					if !g.evidenced() && ((g.From == other && slices.Contains(ents, g.To)) || (g.To == other && slices.Contains(ents, g.From))) && g != f {
						gain++
					}
				}
				if gain > bestGain {
					best, bestGain = f, gain
				}
			}
			if best == nil {
				break
			}
			chunk, ents = append(chunk, best), union(ents, best.From, best.To)
		}
		if e := b.ent(center); e.Kind != "Event" {
			for _, x := range ents { // the event first, if any
				if b.ent(x).Kind == "Event" {
					ents = union([]string{x}, ents...)
					break
				}
			}
		}
		// The item also supports any other fact between what it mentions.
		for _, f := range b.facts {
			if len(chunk) >= maxItemFacts {
				break
			}
			if !slices.Contains(chunk, f) && len(f.sources) < maxSources && slices.Contains(ents, f.From) && slices.Contains(ents, f.To) {
				chunk = append(chunk, f)
			}
		}
		b.newItem(chunk, ents)
	}
	slices.SortStableFunc(b.items, func(x, y *item) int { return x.Received.Compare(y.Received) })
	for i, it := range b.items {
		it.Key = fmt.Sprintf("int%03d", i+1)
	}
	b.legacyItems()
	for _, it := range b.items {
		b.p.Intelligence = append(b.p.Intelligence, b.itemNode(it))
	}
}

func union(ents []string, more ...string) []string {
	out := slices.Clone(ents)
	for _, m := range more {
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

// busiestEntity returns the entity with the most facts not yet reported
// (first in plan order on a tie) and the family of its first such fact.
func (b *builder) busiestEntity() (string, string) {
	count := map[string]int{}
	for _, f := range b.facts {
		if !f.evidenced() {
			fam := b.familyOf(f)
			count[f.From+"\x00"+fam]++
			count[f.To+"\x00"+fam]++
		}
	}
	best, bestFam, bestN := "", "", 0
	for _, f := range b.facts {
		if f.evidenced() {
			continue
		}
		fam := b.familyOf(f)
		for _, e := range []string{f.From, f.To} {
			if n := count[e+"\x00"+fam]; n > bestN {
				best, bestFam, bestN = e, fam, n
			}
		}
	}
	return best, bestFam
}

// familyOf says which facts can share an item: those about one event (or
// one vehicle's ANPR hits), call data, or what is known of the nominals.
func (b *builder) familyOf(f *fact) string {
	switch f.Type {
	case "PRESENT_AT", "INVOLVED_IN":
		if b.ent(f.To).Sub == "ANPR_HIT" {
			return "anpr:" + f.From
		}
		return "event:" + f.To
	case "CONTACTED":
		return "comms:" + f.From
	}
	return "subject"
}

// sourceTypeOf chooses how the first fact of an item came to notice.
func (b *builder) sourceTypeOf(f *fact) string {
	from, to := b.ent(f.From), b.ent(f.To)
	pick := func(opts string, ws ...float64) string { return b.choose(strings.Fields(opts), ws) }
	switch f.Type {
	case "CONTACTED":
		return "COMMS_DATA"
	case "PRESENT_AT", "INVOLVED_IN":
		switch to.Sub {
		case "ANPR_HIT":
			return "ANPR"
		case "SIGHTING", "MEETING":
			return "SURVEILLANCE"
		case "CRIME":
			if f.Role == "VICTIM" {
				return "PARTNER_AGENCY"
			}
		}
		return "OFFICER"
	case "ASSOCIATE_OF":
		switch f.Kind {
		case "business":
			return pick("FINANCIAL OFFICER", 6, 4)
		case "family":
			return pick("PARTNER_AGENCY OFFICER PUBLIC", 4, 4, 2)
		}
		return pick("CHIS PUBLIC OFFICER PARTNER_AGENCY SURVEILLANCE", 40, 15, 15, 15, 15)
	case "MEMBER_OF":
		return pick("CHIS OFFICER PARTNER_AGENCY PUBLIC", 45, 25, 15, 15)
	case "USES":
		if from.Kind == "Organisation" {
			return "FINANCIAL"
		}
		return pick("CHIS COMMS_DATA OFFICER", 35, 35, 30)
	case "RESIDES_AT":
		return pick("PARTNER_AGENCY OFFICER PUBLIC CHIS", 35, 30, 15, 20)
	case "FREQUENTS":
		if from.Kind == "Vehicle" {
			return pick("ANPR SURVEILLANCE", 5, 5)
		}
		return pick("SURVEILLANCE PUBLIC CHIS OFFICER", 30, 25, 30, 15)
	case "DRIVES":
		return pick("ANPR SURVEILLANCE OFFICER", 3, 4, 3)
	case "REGISTERED_KEEPER":
		return pick("OFFICER FINANCIAL", 7, 3)
	case "OPERATES_FROM":
		return pick("SURVEILLANCE FINANCIAL CHIS", 4, 3, 3)
	}
	return "OFFICER"
}

// gradeTables give each source type its usual 3x5x2 evaluations.
var gradeTables = map[string]struct {
	codes   string
	weights []float64
}{
	"CHIS":           {"2B 2C 1B 1A 3C 3D 2E", []float64{5, 4, 2, 1, 1, 1, 0.4}},
	"PUBLIC":         {"2C 3C 3D 2B 3E", []float64{4, 3, 2, 1, 1}},
	"OFFICER":        {"1A 1B 2B 2C", []float64{2, 2, 4, 2}},
	"SURVEILLANCE":   {"1A 1B 2B 2C", []float64{3, 2, 3, 1}},
	"COMMS_DATA":     {"1A 1B 2B 2C", []float64{1, 1, 3, 2}},
	"ANPR":           {"1A 2B", []float64{3, 2}},
	"PARTNER_AGENCY": {"2B 2C 1B 3C", []float64{4, 3, 1, 1}},
	"FINANCIAL":      {"1B 2B 2C", []float64{2, 3, 2}},
}

// handling: the chance an item of the type is C-coded, and its condition.
var handlingRules = map[string]struct {
	p    float64
	cond int
}{
	"CHIS": {0.65, 0}, "COMMS_DATA": {0.25, 1}, "PARTNER_AGENCY": {0.5, 2}, "FINANCIAL": {0.5, 3},
}

var textPrefixes = map[string][]string{
	"CHIS":           {"It is reported that ", "Information has been received that ", ""},
	"PUBLIC":         {"A member of the public reports that ", "Crimestoppers information: "},
	"OFFICER":        {"", "Officer report: "},
	"PARTNER_AGENCY": {"Children's services report that ", "Housing officers report that ", "Probation report that "},
	"SURVEILLANCE":   {"Surveillance log: ", ""},
	"FINANCIAL":      {"Financial intelligence: ", ""},
	"COMMS_DATA":     {"Comms data: ", ""},
	"ANPR":           {""},
}

var chisSourceTexts = []string{
	"SOURCE-REVEALING. The source was told this directly by %s during a conversation at %s; only a handful of people were present and the detail could identify the source.",
	"SOURCE-REVEALING. The source buys from %s and was present at %s when this was discussed.",
	"SOURCE-REVEALING. The source is related to an associate of %s and heard this at %s.",
	"SOURCE-REVEALING. The source has been asked by %s to hold a phone for the line and was briefed at %s.",
}

func (b *builder) newItem(facts []*fact, ents []string) {
	it := &item{Facts: facts, Ents: ents, SourceType: b.sourceTypeOf(facts[0])}
	g := gradeTables[it.SourceType]
	code := b.choose(strings.Fields(g.codes), g.weights)
	it.Grade = keyline.Grading{Source: code[:1], Assessment: code[1:], Handling: "P"}
	if h, ok := handlingRules[it.SourceType]; ok && b.chance(h.p) {
		it.Grade.Handling, it.Grade.Conditions = "C", handlingConditions[h.cond]
	}
	it.Class = "OFFICIAL_SENSITIVE"
	switch {
	case it.SourceType == "CHIS":
		it.Class = "SECRET"
	case (it.SourceType == "PUBLIC" || it.SourceType == "ANPR") && b.chance(0.35):
		it.Class = "OFFICIAL"
	}
	// Items about events arrive soon after them; the rest across the
	// operation.
	var latest time.Time
	for _, e := range ents {
		if w := b.ent(e).When; w.After(latest) {
			latest = w
		}
	}
	if latest.IsZero() {
		it.Received = b.between(intelFrom, intelTo)
	} else {
		it.Received = latest.Add(time.Duration(60+b.rng.IntN(48*60)) * time.Minute).Truncate(time.Minute)
	}
	if b.chance(0.4) {
		it.Reported = it.Received.Add(-time.Duration(6+b.rng.IntN(10*24)) * time.Hour)
	}
	it.Text = b.itemText(it)
	if it.SourceType == "CHIS" {
		it.SourceText = fmt.Sprintf(chisSourceTexts[b.rng.IntN(len(chisSourceTexts))], b.ent(ents[0]).Name, b.placeIn(ents))
	}
	for _, f := range facts {
		f.sources = append(f.sources, it)
	}
	b.items = append(b.items, it)
}

// placeIn names a place for a source-revealing account: a location the
// item mentions, else the home of its first nominal.
func (b *builder) placeIn(ents []string) string {
	for _, e := range ents {
		if b.ent(e).Kind == "Location" {
			return b.ent(e).Name
		}
	}
	for _, e := range ents {
		if h, ok := b.homes[e]; ok {
			return b.ent(h).Name
		}
	}
	return "a private address"
}

func (b *builder) itemText(it *item) string {
	var parts []string
	seenEvent := map[string]bool{}
	for _, f := range it.Facts {
		if (f.Type == "PRESENT_AT" || f.Type == "INVOLVED_IN") && !seenEvent[f.To] {
			seenEvent[f.To] = true
			ev := b.ent(f.To)
			parts = append(parts, fmt.Sprintf("On %s at %s: %s.", ev.When.Format("02/01/2006"), ev.When.Format("15:04"), ev.Name))
		}
		if s := b.sentence(f); s != "" {
			parts = append(parts, s)
		}
	}
	prefixes := textPrefixes[it.SourceType]
	prefix := prefixes[b.rng.IntN(len(prefixes))]
	first := parts[0]
	if strings.HasSuffix(prefix, "that ") && strings.HasPrefix(first, "The ") {
		first = lowerFirst(first)
	}
	parts[0] = prefix + first
	return strings.Join(parts, " ")
}

func lowerFirst(s string) string {
	r := []rune(s)
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

func (b *builder) variant(formats ...string) string { return formats[b.rng.IntN(len(formats))] }

// sentence states one fact in intelligence-report style.
func (b *builder) sentence(f *fact) string {
	from, to := b.ent(f.From), b.ent(f.To)
	A, B := from.Name, to.Name
	switch f.Type {
	case "ASSOCIATE_OF":
		switch {
		case f.Kind == "family":
			return fmt.Sprintf(b.variant("%s and %s are family members.", "%[2]s is a close relative of %[1]s and is believed to know of their activity."), A, B)
		case f.Kind == "social":
			return fmt.Sprintf("%s and %s are known to socialise together; no criminality between them is reported.", A, B)
		case f.Kind == "business" && to.Kind == "Organisation":
			return fmt.Sprintf(b.variant("%s is a director of %s.", "%s manages the day-to-day running of %s and handles its cash."), A, B)
		case f.Kind == "business":
			return fmt.Sprintf("%s and %s share business interests and move money between their companies.", A, B)
		case from.Kind == "Organisation":
			return fmt.Sprintf("%s is believed to supply %s with bulk cocaine and heroin on credit.", A, B)
		case to.Role == roleUser:
			return fmt.Sprintf("%s is buying crack cocaine and heroin from %s.", B, A)
		case from.Role == roleUser:
			return fmt.Sprintf("%s is buying crack cocaine and heroin from %s.", A, B)
		}
		if to.weight > from.weight {
			A, B = B, A // the senior nominal first
		}
		return fmt.Sprintf(b.variant(
			"%s and %s are believed to be working together in the supply of Class A drugs.",
			"%s has been seen in company with %s on several occasions.",
			"%[2]s is believed to collect drug money on behalf of %[1]s.",
			"%s is said to have introduced %s to the line.",
			"%s is believed to owe %s money for drugs supplied on credit.",
		), A, B)
	case "MEMBER_OF":
		switch f.Role {
		case "PRINCIPAL":
			return fmt.Sprintf("%s is believed to head %s and to take most of the profit.", A, B)
		case "SIGNIFICANT":
			return fmt.Sprintf("%s holds a senior role in %s.", A, B)
		}
		return fmt.Sprintf(b.variant("%s is believed to be working for %s as a runner.", "%s is a street-level dealer for %s."), A, B)
	case "USES":
		switch to.Sub {
		case "LINE":
			return fmt.Sprintf(b.variant("%s is believed to be holding %s, which sends bulk marketing texts to users.", "%s is believed to be running %s."), A, B)
		case "HANDSET":
			return fmt.Sprintf("%s has been attributed to %s.", capitalise(B), A)
		case "SOCIAL_HANDLE":
			return fmt.Sprintf("%s uses %s to arrange deals.", A, B)
		case "EMAIL":
			return fmt.Sprintf("%s uses %s.", A, B)
		}
		return fmt.Sprintf(b.variant("%s is currently using %s.", "%s has given %s as a contact number."), A, B)
	case "RESIDES_AT":
		if to.Sub == "TRAP_HOUSE" {
			return fmt.Sprintf("%s lives at %s; the address is believed to have been taken over by drug dealers (cuckooed).", A, B)
		}
		return fmt.Sprintf(b.variant("%s is currently living at %s.", "%s gives %s as their home address."), A, B)
	case "FREQUENTS":
		switch {
		case from.Kind == "Vehicle":
			return fmt.Sprintf("%s is regularly parked at %s overnight.", capitalise(A), B)
		case to.Sub == "TRAP_HOUSE":
			return fmt.Sprintf("%s is staying at %s, which is being used to deal drugs.", A, B)
		case to.Sub == "STORAGE":
			return fmt.Sprintf("%s has access to %s, which is believed to be used to store drugs.", A, B)
		case to.Sub == "PUBLIC_PLACE":
			return fmt.Sprintf("%s regularly hangs around %s.", A, B)
		}
		return fmt.Sprintf("%s is a frequent visitor to %s.", A, B)
	case "DRIVES":
		return fmt.Sprintf("%s has been seen driving %s.", A, B)
	case "REGISTERED_KEEPER":
		return fmt.Sprintf("DVLA records show %s as the registered keeper of %s.", A, B)
	case "OPERATES_FROM":
		return fmt.Sprintf("%s is believed to operate from %s.", A, B)
	case "CONTACTED":
		return fmt.Sprintf("Call data shows %d contacts between %s and %s.", f.Count, A, B)
	case "PRESENT_AT":
		if to.Sub == "ANPR_HIT" {
			return ""
		}
		switch {
		case from.Kind == "CommsDevice" && to.Sub == "SEIZURE":
			return fmt.Sprintf("%s was seized.", capitalise(A))
		case from.Kind == "CommsDevice":
			return fmt.Sprintf("%s was in use at the scene.", capitalise(A))
		}
		return fmt.Sprintf("%s was present.", capitalise(A))
	case "INVOLVED_IN":
		return fmt.Sprintf("%s is recorded as a %s.", capitalise(A), strings.ToLower(f.Role))
	}
	return ""
}

func capitalise(s string) string {
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// legacySeed is an item graded under 5x5x5 before the operation; Facts
// name the links it supports ("TYPE from to").
type legacySeed struct {
	At, Source, Info, Handling, SourceType, Text string
	Facts                                        []string
}

var legacySeeds = []legacySeed{
	{"2019-03-14T10:20", "B", "2", "3", "CHIS", "MAHONEY is believed to be supplying cocaine in Toxteth from his home in Marlowe Close.",
		[]string{"RESIDES_AT mahoney marlowe"}},
	{"2019-08-02T15:45", "C", "3", "1", "PUBLIC", "MAHONEY and WALSH are believed to be moving kilo quantities of cocaine together.",
		[]string{"ASSOCIATE_OF mahoney walsh"}},
	{"2019-11-20T09:05", "B", "2", "4", "CHIS", "GALLAGHER is collecting drug debts for MAHONEY and has used violence to do so.",
		[]string{"ASSOCIATE_OF mahoney gallagher"}},
	{"2020-02-11T07:30", "A", "1", "1", "SURVEILLANCE", "The Kell Street group are using lock-up garages at the rear of Kell Street to store drugs.",
		[]string{"OPERATES_FROM kell kellLockup"}},
	{"2020-06-30T13:10", "D", "4", "2", "PUBLIC", "DOYLE from Birkenhead is said to be buying heroin from the MAHONEY family.",
		[]string{"ASSOCIATE_OF mahoney doyle"}},
	{"2020-09-15T11:00", "B", "3", "1", "OFFICER", "WALSH is a trusted member of the Kell Street group and handles its stock.",
		[]string{"MEMBER_OF walsh kell"}},
	{"2020-12-03T16:40", "C", "2", "1", "PARTNER_AGENCY", "DOYLE is living at Holt Road, Birkenhead with his partner.",
		[]string{"RESIDES_AT doyle holt"}},
	{"2021-04-22T20:15", "E", "5", "5", "PUBLIC", "Anonymous caller alleges GALLAGHER is driving a black Golf with a gun hidden in it. Caller refused to give details; believed malicious.",
		[]string{"DRIVES gallagher golf"}},
	{"2021-07-09T12:30", "B", "2", "2", "CHIS", "QUINN is laundering cash for MAHONEY through a vape business he is setting up in Chester.",
		[]string{"ASSOCIATE_OF mahoney quinn"}},
	{"2021-10-28T09:50", "A", "1", "1", "FINANCIAL", "Companies House: Shannon MAHONEY appointed director of Sparkle Hand Car Wash Ltd.",
		[]string{"ASSOCIATE_OF shannon sparkleLtd"}},
}

func (b *builder) legacyItems() {
	for i, l := range legacySeeds {
		lg := keyline.LegacyGrading{Source: l.Source, Information: l.Info, Handling: l.Handling}
		it := &item{Key: fmt.Sprintf("legacy%02d", i+1), SourceType: l.SourceType, Legacy: &lg, Grade: must(lg.Map("legacyGrading")),
			Class: "OFFICIAL_SENSITIVE", Received: at(l.At), Text: l.Text,
			URN: fmt.Sprintf("INT/%d/%06d", at(l.At).Year(), 1000+137*i+at(l.At).YearDay())}
		if l.SourceType == "CHIS" {
			it.Class = "SECRET"
		}
		for _, spec := range l.Facts {
			p := strings.Fields(spec)
			f, ok := b.factByID[p[0]+"|"+p[1]+"|"+p[2]]
			if !ok {
				panic("seed: legacy item cites no such fact: " + spec)
			}
			it.Facts = append(it.Facts, f)
			it.Ents = union(it.Ents, f.From, f.To)
			if len(f.sources) < maxSources {
				f.sources = append(f.sources, it)
			}
		}
		b.items = append(b.items, it)
	}
}

var mentionRoles = map[keyline.Kind]string{
	"Location": "LOCATION_OF", "Vehicle": "VEHICLE_USED", "CommsDevice": "PHONE_USED",
}

func (b *builder) itemNode(it *item) nodePlan {
	urn := it.URN
	if urn == "" {
		var seq int
		fmt.Sscanf(it.Key, "int%d", &seq)
		urn = fmt.Sprintf("INT/%d/%06d", it.Received.Year(), seq)
	}
	urn = b.withSuffix(urn, "-")
	props := map[string]any{
		"urn": urn, "receivedAt": it.Received, "sourceType": it.SourceType, "classification": it.Class,
		"sanitisedText": it.Text,
		"gradeSource":   it.Grade.Source, "gradeAssessment": it.Grade.Assessment, "gradeHandling": it.Grade.Handling,
		"reviewDate": dateOf(it.Received.AddDate(6, 0, 0)),
	}
	if it.Grade.Conditions != "" {
		props["gradeConditions"] = it.Grade.Conditions
	}
	if it.Legacy != nil {
		props["legacySource"], props["legacyInformation"], props["legacyHandling"] = it.Legacy.Source, it.Legacy.Information, it.Legacy.Handling
	}
	if !it.Reported.IsZero() {
		props["reportedAt"] = it.Reported
	}
	if it.SourceText != "" {
		props["sourceText"] = it.SourceText
	}
	mentions := refPlan{Rel: cypher.RelMentions, Dir: cypher.Outgoing}
	subject := false
	for _, e := range it.Ents {
		role, ok := mentionRoles[b.ent(e).Kind]
		if b.ent(e).Kind == "Event" {
			role, ok = "SUBJECT", true
		}
		if !ok {
			role = "ASSOCIATE"
			if !subject {
				role, subject = "SUBJECT", true
			}
		}
		mentions.Targets = append(mentions.Targets, refTargetPlan{Key: e, Props: map[string]any{"role": role}})
	}
	return nodePlan{Key: it.Key, Kind: keyline.KindIntelligenceItem, Props: props, Refs: []refPlan{mentions}}
}

// itemsMentioning returns the items that mention an entity, oldest first.
func (b *builder) itemsMentioning(key string) []*item {
	var out []*item
	for _, it := range b.items {
		if slices.Contains(it.Ents, key) {
			out = append(out, it)
		}
	}
	slices.SortStableFunc(out, func(x, y *item) int { return cmp.Compare(x.Received.Unix(), y.Received.Unix()) })
	return out
}
