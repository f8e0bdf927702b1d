package seed

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

// actionTemplate is a kind of action; {E} in the title is the entity the
// action is about.
type actionTemplate struct {
	Title, Instructions, Result string
	Skills                      []string
	Exhibits                    []string // exhibit kinds a result produces
}

var actionTemplates = map[string]actionTemplate{
	"pnc": {"Research {E}: PNC, PND and local intelligence checks", "Full research on the nominal; update warning markers and the subject profile.",
		"Checks complete; antecedents and warning markers confirmed and added to the subject profile.", nil, nil},
	"address": {"Establish the occupants of {E}", "Council tax, electoral roll, utilities and housing checks.",
		"Occupants identified from council tax and housing records; history recorded on the location.", nil, nil},
	"keeper": {"Trace the registered keeper and insurance history of {E}", "DVLA and MIB checks; identify who pays for the vehicle.",
		"Keeper traced; insurance in a third party's name. Details added to the vehicle record.", nil, nil},
	"subscriber": {"Obtain subscriber details and call data for {E}", "Communications data application via the SPoC; 12 months of call data.",
		"Call data received and analysed: top contacts identified and passed to the analyst.", nil, []string{"DOCUMENT"}},
	"download": {"Download and examine {E}", "Full logical and physical download; look for deal-line bulk texts and contact lists.",
		"Download complete; bulk 'menu' texts and contact lists recovered and exhibited.", []string{"PHONE_DOWNLOAD"}, []string{"DIGITAL_DOWNLOAD"}},
	"anpr": {"ANPR trawl for {E} on the M53, M56 and A55 corridor", "Trawl February to date; identify regular journeys into North Wales.",
		"Trawl complete: regular runs from Birkenhead to Rhyl on Tuesdays and Fridays.", []string{"ANPR"}, nil},
	"surveil": {"Static surveillance on {E}", "Record visitors, vehicles and times; identify runners and users.",
		"Surveillance log completed; visitors and vehicles recorded and passed to the analyst.", []string{"SURVEILLANCE"}, []string{"DOCUMENT"}},
	"mobile": {"Mobile surveillance of {E} on re-supply runs", "Follow on runs into North Wales; identify drop-off addresses.",
		"Vehicle followed to Rhyl and Wrexham; two drop-off addresses identified.", []string{"SURVEILLANCE", "DRIVING_ADVANCED"}, nil},
	"testPurchase": {"Test purchase from {E}", "Authorised test purchase by an undercover officer; exhibit the drugs.",
		"Two wraps bought from a runner; drugs exhibited and the runner identified from stills.", []string{"TEST_PURCHASE"}, []string{"DRUGS"}},
	"safeguard": {"Safeguarding visit and referral for {E}", "Visit, complete the safeguarding referral and consider an NRM referral.",
		"Visit made; referral to children's services and NRM referral submitted.", nil, []string{"DOCUMENT"}},
	"interview": {"Trace and interview witnesses to {E}", "House-to-house and witness statements.",
		"Two witnesses traced; statement obtained from one, the other declined.", []string{"INTERVIEW_TIER3"}, []string{"STATEMENT"}},
	"cctv": {"Obtain CCTV covering {E}", "Council and private CCTV within 200 metres; seize and view.",
		"CCTV seized from two premises and viewed; relevant footage exhibited.", nil, []string{"DIGITAL_DOWNLOAD"}},
	"financial": {"Financial enquiries into {E}", "Production orders for bank accounts; analyse cash deposits against declared turnover.",
		"Production orders served; statements show cash deposits far above declared turnover.", []string{"FINANCIAL"}, []string{"DOCUMENT"}},
	"companies": {"Companies House and HMRC checks on {E}", "Directors, filings and VAT returns.",
		"Filings obtained; declared turnover inconsistent with the cash banked.", []string{"FINANCIAL"}, nil},
	"firearms": {"Update the firearms threat assessment for {E}", "Review all firearms intelligence with the tactical firearms adviser.",
		"Threat assessment updated and shared with the tactical firearms commander.", nil, nil},
	"ballistics": {"Submit the cartridge cases from {E} for ballistic comparison", "Submit to the national ballistics service (NABIS).",
		"NABIS result: cases from a 9mm self-loading pistol, no previous linked discharges.", []string{"FORENSICS"}, []string{"FORENSIC"}},
	"warrant": {"Apply for a s.23 Misuse of Drugs Act warrant for {E}", "Prepare the information and attend court.",
		"Warrant granted by the magistrates.", nil, nil},
	"seizure": {"Exhibit the property seized on {E}", "Exhibit, seal and book in all drugs, cash and phones.",
		"All items exhibited, sealed and booked into the exhibits store.", nil, []string{"DRUGS", "CASH"}},
	"seizureCash": {"Exhibit the property seized on {E}", "Exhibit, seal and book in all cash and equipment.",
		"Cash counted, exhibited and booked in; referred for POCA cash forfeiture.", nil, []string{"CASH"}},
	"seizureDrugs": {"Exhibit the property seized on {E}", "Exhibit, seal and book in the drugs recovered from the vehicle.",
		"Drugs exhibited, sealed and booked into the exhibits store.", nil, []string{"DRUGS"}},
	"forensic": {"Submit the drugs seized on {E} for analysis", "Purity and weight analysis; fingerprint and DNA on packaging.",
		"Lab result: crack cocaine 71% purity, heroin 44%; fingermarks identified on packaging.", []string{"FORENSICS"}, []string{"FORENSIC"}},
	"interviewSuspect": {"Interview {E} under caution", "Tier 3 interview plan; disclosure to the solicitor agreed with the SIO.",
		"Interviewed; no comment to all questions. Prepared statement denies knowledge of the drugs.", []string{"INTERVIEW_TIER3"}, nil},
	"closure": {"Prepare a closure order application for {E}", "Joint application with the local authority; evidence of the cuckooing and ASB.",
		"Application drafted and agreed with the local authority.", nil, nil},
}

// eventShort names the events actions are about, for titles.
var eventShort = map[string]string{
	"crimeStation":  "the Rhyl station drugs arrest of 19/02/2026 (NW/26/004812)",
	"crimeAssault":  "the Westbourne Avenue assault of 08/03/2026 (NW/26/006377)",
	"crimeRobbery":  "the Lodge Lane robbery of 02/04/2026 (MP/26/012345)",
	"crimeCCE":      "the Aquarium Street child exploitation report of 14/05/2026 (NW/26/010954)",
	"crimeShots":    "the Walton shooting of 30/07/2026 (MP/26/031877)",
	"crimeJuvenile": "the Prestatyn juvenile drugs arrest of 09/10/2026 (NW/26/019870)",
	"seizeAquarium": "the Aquarium Street warrant of 02/09/2026 (NW/26/016511)",
	"seizeTransit":  "the A55 Transit stop of 02/09/2026 (NW/26/016512)",
	"seizeLockup":   "the Kell Street lock-up warrant of 21/10/2026 (MP/26/044120)",
}

// exhibitDescriptions describe what each kind of action produces; %s is
// what the action was about.
var exhibitDescriptions = map[string]string{
	"safeguard/DOCUMENT":        "Safeguarding referral and NRM referral for %s",
	"interview/STATEMENT":       "Witness statement (MG11) relating to %s",
	"cctv/DIGITAL_DOWNLOAD":     "CCTV footage (master copy) covering %s",
	"surveil/DOCUMENT":          "Surveillance log: %s",
	"testPurchase/DRUGS":        "Two wraps of suspected crack cocaine and heroin bought in a test purchase from %s",
	"financial/DOCUMENT":        "Bank statements and account opening documents: %s",
	"ballistics/FORENSIC":       "NABIS report on the cartridge cases from %s",
	"seizure/DRUGS":             "Wraps of suspected crack cocaine and heroin seized on %s",
	"seizure/CASH":              "Cash in mixed notes seized on %s",
	"seizureDrugs/DRUGS":        "Block of suspected cocaine (approx. 1 kg) seized on %s",
	"seizureCash/CASH":          "Cash in vacuum-packed bundles seized on %s",
	"download/DIGITAL_DOWNLOAD": "Full download report of %s",
	"forensic/FORENSIC":         "Drugs analysis report (purity and weight) for the drugs seized on %s",
	"subscriber/DOCUMENT":       "Subscriber details and call data records for %s",
}

// actionRow is one action of the demo: raised on On (its A-number follows
// that order), about an entity, raised from From ("int:<entity>" the
// latest item mentioning it, "loe:", "dec:", or "act:<row>").
type actionRow struct {
	On, Priority, Status, Template, About, From string
}

var actionRows = []actionRow{
	{"2026-02-04", "HIGH", "COMPLETED", "pnc", "mahoney", "dec:decAdopt"},
	{"2026-02-04", "HIGH", "COMPLETED", "pnc", "doyle", "dec:decAdopt"},
	{"2026-02-05", "MEDIUM", "COMPLETED", "address", "westbourne", "int:westbourne"},
	{"2026-02-06", "MEDIUM", "COMPLETED", "keeper", "transit", "int:transit"},
	{"2026-02-09", "LOW", "CANCELLED", "pnc", "@dee-associate-wirral-0", "loe:loeSupply"},
	{"2026-02-20", "HIGH", "COMPLETED", "safeguard", "amcgrath", "int:crimeStation"},
	{"2026-02-23", "MEDIUM", "COMPLETED", "interview", "crimeStation", "int:crimeStation"},
	{"2026-03-03", "HIGH", "COMPLETED", "subscriber", "deeLine", "dec:decCommsData"},
	{"2026-03-03", "HIGH", "COMPLETED", "subscriber", "kellLine", "dec:decCommsData"},
	{"2026-03-04", "MEDIUM", "COMPLETED", "subscriber", "aceLine", "dec:decCommsData"},
	{"2026-03-09", "HIGH", "COMPLETED", "cctv", "crimeAssault", "int:crimeAssault"},
	{"2026-03-09", "HIGH", "COMPLETED", "safeguard", "gellis", "int:crimeAssault"},
	{"2026-03-13", "MEDIUM", "COMPLETED", "anpr", "rangeRover", "int:meetEuropa"},
	{"2026-03-13", "MEDIUM", "COMPLETED", "anpr", "bmw", "int:meetEuropa"},
	{"2026-03-23", "MEDIUM", "COMPLETED", "surveil", "westbourne", "int:sightWestbourne"},
	{"2026-03-30", "MEDIUM", "COMPLETED", "testPurchase", "deeLine", "loe:loeSupply"},
	{"2026-04-03", "HIGH", "COMPLETED", "cctv", "crimeRobbery", "int:crimeRobbery"},
	{"2026-04-03", "HIGH", "COMPLETED", "interview", "crimeRobbery", "int:crimeRobbery"},
	{"2026-04-14", "MEDIUM", "COMPLETED", "testPurchase", "aceLine", "loe:loeSupply"},
	{"2026-04-16", "LOW", "REFERRED", "pnc", "@user-rhyl-2", "loe:loeSafeguard"},
	{"2026-04-27", "MEDIUM", "COMPLETED", "surveil", "kellLockup", "int:sightLockup"},
	{"2026-05-07", "MEDIUM", "COMPLETED", "mobile", "transit", "int:meetPrestatyn"},
	{"2026-05-15", "HIGH", "COMPLETED", "safeguard", "kroberts", "int:crimeCCE"},
	{"2026-05-15", "HIGH", "COMPLETED", "interview", "crimeCCE", "int:crimeCCE"},
	{"2026-05-21", "MEDIUM", "COMPLETED", "financial", "sparkleLtd", "dec:decFinance"},
	{"2026-05-21", "MEDIUM", "COMPLETED", "financial", "cloudNineLtd", "dec:decFinance"},
	{"2026-05-22", "LOW", "COMPLETED", "companies", "sparkleLtd", "dec:decFinance"},
	{"2026-05-28", "MEDIUM", "CANCELLED", "surveil", "sparkle", "int:sightSprinter"},
	{"2026-06-10", "MEDIUM", "COMPLETED", "anpr", "leon", "int:sightHolt"},
	{"2026-06-18", "MEDIUM", "COMPLETED", "surveil", "cloudNine", "int:meetCloudNine"},
	{"2026-06-22", "MEDIUM", "COMPLETED", "pnc", "@dee-runner-wrexham-1", "int:crimeBlade"},
	{"2026-07-01", "HIGH", "COMPLETED", "firearms", "gallagher", "dec:decFirearms"},
	{"2026-07-03", "MEDIUM", "CANCELLED", "mobile", "astra", "int:sightWrexham"},
	{"2026-07-16", "MEDIUM", "COMPLETED", "financial", "shannon", "int:sightBank"},
	{"2026-07-31", "HIGH", "COMPLETED", "cctv", "crimeShots", "int:crimeShots"},
	{"2026-07-31", "HIGH", "COMPLETED", "ballistics", "crimeShots", "int:crimeShots"},
	{"2026-08-19", "MEDIUM", "COMPLETED", "companies", "cloudNineLtd", "int:crimeSAR"},
	{"2026-08-26", "HIGH", "COMPLETED", "warrant", "aquarium", "dec:decStrike"},
	{"2026-08-26", "HIGH", "COMPLETED", "warrant", "westbourne", "dec:decStrike"},
	{"2026-09-02", "HIGH", "COMPLETED", "seizure", "seizeAquarium", "int:seizeAquarium"},
	{"2026-09-02", "HIGH", "COMPLETED", "seizureDrugs", "seizeTransit", "int:seizeTransit"},
	{"2026-09-02", "HIGH", "RESULTED", "interviewSuspect", "pritchard", "act:40"},
	{"2026-09-02", "HIGH", "COMPLETED", "interviewSuspect", "tjones", "act:41"},
	{"2026-09-03", "HIGH", "RESULTED", "download", "handsetPritchard", "act:40"},
	{"2026-09-03", "MEDIUM", "COMPLETED", "forensic", "seizeAquarium", "act:40"},
	{"2026-09-03", "MEDIUM", "RESULTED", "forensic", "seizeTransit", "act:41"},
	{"2026-09-04", "MEDIUM", "REFERRED", "surveil", "westbourne", "act:39"},
	{"2026-09-24", "MEDIUM", "IN_PROGRESS", "surveil", "caravan", "int:sightCaravan"},
	{"2026-10-10", "HIGH", "COMPLETED", "safeguard", "jkerr", "int:crimeJuvenile"},
	{"2026-10-13", "MEDIUM", "IN_PROGRESS", "closure", "aquarium", "dec:decClosure"},
	{"2026-10-13", "MEDIUM", "ALLOCATED", "closure", "westbourne", "dec:decClosure"},
	{"2026-10-21", "HIGH", "COMPLETED", "seizureCash", "seizeLockup", "int:seizeLockup"},
	{"2026-10-21", "HIGH", "RESULTED", "interviewSuspect", "walsh", "act:52"},
	{"2026-10-22", "MEDIUM", "IN_PROGRESS", "subscriber", "mobile05", "act:52"},
	{"2026-10-26", "LOW", "ALLOCATED", "financial", "walsh", "loe:loeFinance"},
	{"2026-10-31", "HIGH", "REFERRED", "firearms", "mahoney", "int:sightMarlowe"},
	{"2026-11-02", "MEDIUM", "RAISED", "pnc", "@kell-associate-mersey-4", "loe:loeSupply"},
	{"2026-11-09", "MEDIUM", "ALLOCATED", "anpr", "golf", "int:sightMarlowe"},
	{"2026-11-16", "MEDIUM", "RAISED", "interview", "crimeJuvenile", "loe:loeSafeguard"},
	{"2026-11-18", "LOW", "RAISED", "companies", "cloudNineLtd", "loe:loeFinance"},
	{"2026-11-19", "HIGH", "IN_PROGRESS", "mobile", "bmw", "loe:loeSupply"},
	{"2026-11-20", "MEDIUM", "ALLOCATED", "testPurchase", "deeLine", "act:48"},
	{"2026-11-20", "LOW", "RAISED", "address", "caravan", "act:48"},
	{"2026-11-21", "MEDIUM", "RAISED", "subscriber", "deeLine", "act:62"},
}

// Reasons for referral and cancellation, by row number.
var actionReasons = map[int][2]string{
	5:  {"Nominal has no link to the operation beyond a single sighting; refer for cancellation.", "Cancelled on SIO authority: no link to the operation."},
	20: {"Nominal has moved out of the area; action no longer relevant. Referred to the SIO for cancellation.", ""},
	28: {"Overtaken by the financial investigation; surveillance at the car wash risks compromise.", "Cancelled on SIO authority: superseded by the financial investigation (decision of 20/05)."},
	33: {"Vehicle sold at auction and no longer used by the line.", "Cancelled on SIO authority: the vehicle is no longer in use."},
	47: {"The address has been empty since the strike day; referred to the SIO for cancellation.", ""},
	56: {"The tactical firearms commander now owns the threat assessment; referred to the SIO for cancellation.", ""},
}

// investigators are the officers actions are allocated to.
var investigators = []string{"investigator", "rowlands", "mostyn", "hopkins", "whitfield", "bello", "lunt", "garside"}

var walesRegions = []string{regionRhyl, regionWrexham}

func (b *builder) buildActions() {
	load := map[string]int{}
	seq := map[string]int{}
	for i, r := range actionRows {
		n := i + 1
		t, ok := actionTemplates[r.Template]
		if !ok {
			panic("seed: no action template " + r.Template)
		}
		about := b.ent(r.About)
		on := day(r.On)
		due := on.AddDate(0, 0, map[string]int{"HIGH": 1, "MEDIUM": 7, "LOW": 28}[r.Priority])
		key := fmt.Sprintf("action%02d", n)
		props := map[string]any{
			"title":        strings.ReplaceAll(t.Title, "{E}", b.aboutName(about)),
			"instructions": t.Instructions,
			"priority":     r.Priority, "status": "RAISED",
			"dueDate":        keyline.Date{Time: due},
			"requiredSkills": append([]string{}, t.Skills...),
			"chaseCount":     0,
		}
		ap := actionPlan{Key: key, Props: props,
			Refs: []refPlan{{Rel: cypher.RelRaisedFrom, Dir: cypher.Outgoing, Targets: []refTargetPlan{{Key: b.raisedFrom(r.From, on.Time)}}}}}
		officer := ""
		if r.Status != "RAISED" {
			officer = b.allocate(t.Skills, about, load)
			load[officer]++
		}
		reasons := actionReasons[n]
		if (r.Status == "REFERRED" || r.Status == "CANCELLED") && (reasons[0] == "" || (r.Status == "CANCELLED") != (reasons[1] != "")) {
			panic(fmt.Sprintf("seed: action row %d (%s) needs its referral/cancellation reasons", n, r.Status))
		}
		switch r.Status {
		case "ALLOCATED":
			ap.Steps = []stepPlan{{Step: "ALLOCATE", Officer: officer}}
		case "IN_PROGRESS":
			ap.Steps = []stepPlan{{Step: "ALLOCATE", Officer: officer}, {Step: "START"}}
		case "RESULTED":
			ap.Steps = []stepPlan{{Step: "ALLOCATE", Officer: officer}, {Step: "START"}, {Step: "RESULT", Result: t.Result}}
		case "COMPLETED":
			ap.Steps = []stepPlan{{Step: "ALLOCATE", Officer: officer}, {Step: "START"}, {Step: "RESULT", Result: t.Result}, {Step: "COMPLETE"}}
		case "REFERRED":
			ap.Steps = []stepPlan{{Step: "ALLOCATE", Officer: officer}, {Step: "REFER", Reason: reasons[0]}}
		case "CANCELLED":
			ap.Steps = []stepPlan{{Step: "ALLOCATE", Officer: officer}, {Step: "REFER", Reason: reasons[0]}, {Step: "CANCEL", Reason: reasons[1]}}
		}
		if (r.Status == "ALLOCATED" || r.Status == "IN_PROGRESS") && due.Before(planToday.Time.AddDate(0, 0, -3)) {
			ap.Steps = append(ap.Steps, stepPlan{Step: "CHASE", Reason: "Overdue: please update the action manager with progress."})
		}
		b.p.Actions = append(b.p.Actions, ap)
		if r.Status == "COMPLETED" || r.Status == "RESULTED" {
			for _, kind := range t.Exhibits {
				b.addExhibit(key, officer, kind, r, on, seq)
			}
		}
	}
}

// aboutName is how an action names what it is about.
func (b *builder) aboutName(e *entity) string {
	if s, ok := eventShort[e.Key]; ok {
		return s
	}
	return e.Name
}

// raisedFrom resolves an actionRow's From to a record key.
func (b *builder) raisedFrom(from string, on time.Time) string {
	kind, ref, _ := strings.Cut(from, ":")
	switch kind {
	case "int":
		items := b.itemsMentioning(ref)
		if len(items) == 0 {
			panic("seed: no intelligence mentions " + ref)
		}
		pick := items[0]
		for _, it := range items {
			if !it.Received.After(on.Add(24 * time.Hour)) {
				pick = it
			}
		}
		return pick.Key
	case "act":
		var n int
		fmt.Sscanf(ref, "%d", &n)
		return fmt.Sprintf("action%02d", n)
	}
	return ref
}

// allocate picks the investigator whose skills best fit, preferring the
// team covering the area and the lighter workload.
func (b *builder) allocate(skills []string, about *entity, load map[string]int) string {
	wales := slices.Contains(walesRegions, b.regionOf(about))
	best, bestScore := "", -1e9
	for _, k := range investigators {
		o := b.officers[k]
		score := 0.0
		for _, s := range skills {
			if slices.Contains(o.Skills, s) {
				score += 10
			}
		}
		if (o.Team == teamWales) == wales {
			score += 3
		}
		score -= 1.5 * float64(load[k])
		if score > bestScore {
			best, bestScore = k, score
		}
	}
	return best
}

// regionOf is the area an entity belongs to, for allocation.
func (b *builder) regionOf(e *entity) string {
	if e.Region != "" {
		return e.Region
	}
	for _, f := range b.facts {
		if f.To == e.Key {
			if r := b.ent(f.From).Region; r != "" {
				return r
			}
		}
	}
	return regionMersey
}

func initials(name string) string {
	var out string
	for _, w := range strings.Fields(name) {
		if w == "DC" || w == "DS" || w == "DI" {
			continue
		}
		out += w[:1]
	}
	return strings.ToUpper(out)
}

// addExhibit plans the exhibit a resulted action produced, with its
// disclosure status and chain of custody.
func (b *builder) addExhibit(actionKey, officer, kind string, r actionRow, on keyline.Date, seq map[string]int) {
	o := b.officers[officer]
	ini := initials(o.Name)
	seq[ini]++
	ref := fmt.Sprintf("%s/%d", ini, seq[ini])
	about := b.ent(r.About)
	obtained := on.AddDate(0, 0, 1+b.rng.IntN(5))
	format, ok := exhibitDescriptions[r.Template+"/"+kind]
	if !ok {
		panic("seed: no exhibit description for " + r.Template + "/" + kind)
	}
	desc := fmt.Sprintf(format, b.aboutName(about))
	status, reason := "USED", ""
	switch {
	case obtained.After(day("2026-10-15").Time):
		status = "UNASSESSED"
	case r.Template == "safeguard":
		status, reason = "UNUSED_SENSITIVE", "Contains third-party safeguarding information about a child or vulnerable adult"
	case r.Template == "surveil":
		status, reason = "UNUSED_SENSITIVE", "Reveals covert surveillance methodology and observation points"
	case kind == "DIGITAL_DOWNLOAD" && r.Template == "cctv" && b.chance(0.5):
		status = "UNUSED_NON_SENSITIVE"
	case kind == "DOCUMENT" && b.chance(0.3):
		status = "UNUSED_NON_SENSITIVE"
	}
	props := map[string]any{
		"reference": ref, "kind": kind, "description": desc, "obtainedOn": keyline.Date{Time: obtained},
		"disclosureStatus": status, "reviewDate": keyline.Date{Time: obtained.AddDate(6, 0, 0)},
		"continuity": []string{},
	}
	if reason != "" {
		props["sensitivityReason"] = reason
	}
	store := "SOCU North West exhibits store, Liverpool"
	exhibitsOfficer := b.officers["garside"].Name
	if o.Team == teamWales {
		store, exhibitsOfficer = "North Wales SOCU exhibits store, St Asaph", b.officers["hopkins"].Name
	}
	t := obtained.Add(time.Duration(9+b.rng.IntN(8))*time.Hour + time.Duration(b.rng.IntN(60))*time.Minute)
	step := func(heldBy, location, purpose string) map[string]any {
		e := map[string]any{"at": t.Format(time.RFC3339), "heldBy": heldBy, "location": location, "purpose": purpose}
		t = t.Add(time.Duration(20+b.rng.IntN(72)) * time.Hour)
		return e
	}
	var chain []map[string]any
	switch kind {
	case "DRUGS", "CASH":
		chain = append(chain, step(o.Name, "Seized at the scene", "Seized, sealed and labelled"),
			step(exhibitsOfficer, store, "Booked into the exhibits store"))
		if kind == "DRUGS" {
			chain = append(chain, step("Forensic service provider (drugs)", "Drugs analysis laboratory", "Submitted for purity and weight analysis"))
		}
	case "DIGITAL_DOWNLOAD":
		chain = append(chain, step(o.Name, "Digital forensics unit", "Download produced and verified (hash recorded)"),
			step(exhibitsOfficer, store, "Master copy booked into store"))
	case "FORENSIC":
		chain = append(chain, step("Forensic service provider", "Laboratory", "Report produced"),
			step(o.Name, "Case file, SOCU office", "Report received and exhibited"))
	default:
		chain = append(chain, step(o.Name, "Case file, SOCU office", "Produced and exhibited"))
	}
	b.p.Exhibits = append(b.p.Exhibits, exhibitPlan{
		nodePlan: nodePlan{Key: "exhibit:" + ref, Kind: keyline.KindExhibit, Props: props,
			Refs: []refPlan{{Rel: cypher.RelObtainedBy, Dir: cypher.Outgoing, Targets: []refTargetPlan{{Key: actionKey}}}}},
		Continuity: chain,
	})
	// The exhibit evidences the links of what it is about: the people and
	// things at a seizure, the contacts in a line's call data.
	for _, f := range b.facts {
		evidences := (about.Kind == "Event" && f.To == about.Key) ||
			(r.Template == "subscriber" && f.Type == "CONTACTED" && (f.From == about.Key || f.To == about.Key))
		if evidences && len(f.sources)+len(f.exhibits) < maxSources {
			f.exhibits = append(f.exhibits, "exhibit:"+ref)
		}
	}
	b.obtained["exhibit:"+ref] = obtained
}

// buildLinks turns the facts into links: provenance, confidence from the
// grades of the sources, and first/last seen from when they were reported.
func (b *builder) buildLinks() {
	for _, f := range b.facts {
		if len(f.sources)+len(f.exhibits) == 0 {
			panic("seed: fact without a source: " + f.Type + " " + f.From + " " + f.To)
		}
		props := map[string]any{}
		best := 0.0
		var first, last time.Time
		if len(f.sources) > 0 {
			first, last = f.sources[0].Received, f.sources[0].Received
		}
		for _, x := range f.exhibits {
			// Exhibits are evidence; call records go back months.
			best = 1
			o := b.obtained[x]
			if from := o.AddDate(0, -6-b.rng.IntN(6), 0); first.IsZero() || from.Before(first) {
				first = from
			}
			if o.After(last) {
				last = o
			}
		}
		var srcs []string
		for _, it := range f.sources {
			best = max(best, it.Grade.Quality())
			if it.Received.Before(first) {
				first = it.Received
			}
			if it.Received.After(last) {
				last = it.Received
			}
			srcs = append(srcs, it.Key)
		}
		srcs = append(srcs, f.exhibits...)
		props["confidence"] = round2(min(0.95, 0.3+0.55*best+0.1*float64(len(srcs)-1)))
		if ev := b.ent(f.To); ev.Kind == "Event" {
			first, last = ev.When, ev.When
		} else if len(f.exhibits) == 0 {
			first = first.Add(-time.Duration(b.rng.IntN(45*24)) * time.Hour).Truncate(time.Hour)
		}
		props["firstSeen"], props["lastSeen"] = first, last
		switch f.Type {
		case "ASSOCIATE_OF":
			props["kind"] = f.Kind
		case "MEMBER_OF", "INVOLVED_IN":
			props["role"] = f.Role
		case "CONTACTED":
			props["count"] = f.Count
		}
		b.p.Links = append(b.p.Links, linkPlan{Type: f.Type, From: f.From, To: f.To, Props: props, Sources: srcs})
	}
}
