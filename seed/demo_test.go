package seed

import (
	"context"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

func TestPlanIsDeterministic(t *testing.T) {
	a, b := plan(""), plan("")
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two plans differ: the demo content is not deterministic")
	}
	if c := plan("x1"); c.Reference != DemoReference+"-X1" || reflect.DeepEqual(a.Officers, c.Officers) {
		t.Fatalf("suffixed plan: reference %q; officers must differ", c.Reference)
	}
}

func within(t *testing.T, what string, n, lo, hi int) {
	t.Helper()
	if n < lo || n > hi {
		t.Errorf("%s = %d, want %d..%d", what, n, lo, hi)
	}
}

// TestPlanIsValid checks the plan against the rules the API applies to the
// same inputs (resolvers/inputs.go), so the seed never stores what a client
// could not.
func TestPlanIsValid(t *testing.T) {
	p := plan("")
	kinds := map[keyline.Kind]int{}
	keys := map[string]bool{}
	seen := func(k string) {
		if keys[k] {
			t.Errorf("duplicate plan key %s", k)
		}
		keys[k] = true
	}
	for _, o := range p.Officers {
		seen(o.Key)
	}
	var (
		identifier = regexp.MustCompile(`^[A-Z][A-Z_]{1,20}:.{1,100}$`)
		e164       = regexp.MustCompile(`^\+[1-9][0-9]{7,14}$`)
		drama      = regexp.MustCompile(`^\+447700900[0-9]{3}$`)
		exhibitRef = regexp.MustCompile(`^[A-Z]{2,4}/[0-9]{1,5}$`)
		email      = regexp.MustCompile(`^[^@\s]{1,64}@[^@\s]{1,255}\.[^@\s]+$`)
	)
	today := planToday.Time
	for _, e := range p.Entities {
		seen(e.Key)
		kinds[e.Kind]++
		pr := e.Props
		switch e.Kind {
		case keyline.KindPerson:
			dob := pr["dateOfBirth"].(keyline.Date)
			if dob.Year() < 1975 || dob.Year() > 2011 {
				t.Errorf("%s born %s", e.Key, dob)
			}
			if pnc, ok := pr["pncId"].(string); ok {
				if err := keyline.ValidatePNC("pncId", pnc); err != nil {
					t.Error(err)
				}
			}
			for _, id := range pr["identifiers"].([]string) {
				if !identifier.MatchString(id) {
					t.Errorf("%s identifier %q", e.Key, id)
				}
			}
		case keyline.KindLocation:
			pc := pr["postcode"].(string)
			if n, err := keyline.NormalisePostcode("postcode", pc); err != nil || n != pc {
				t.Errorf("%s postcode %q: %v", e.Key, pc, err)
			}
		case keyline.KindVehicle:
			v := pr["vrm"].(string)
			if n, err := keyline.NormaliseVRM("vrm", v); err != nil || n != v {
				t.Errorf("%s VRM %q: %v", e.Key, v, err)
			}
		case keyline.KindCommsDevice:
			switch pr["kind"] {
			case "MOBILE":
				n := pr["number"].(string)
				if !e164.MatchString(n) || !drama.MatchString(n) {
					t.Errorf("%s number %q is not in the drama range", e.Key, n)
				}
			case "HANDSET":
				if imei := pr["imei"].(string); len(imei) != 15 || !keyline.LuhnValid(imei) {
					t.Errorf("%s IMEI %q", e.Key, imei)
				}
			case "EMAIL":
				if !email.MatchString(pr["email"].(string)) {
					t.Errorf("%s email %q", e.Key, pr["email"])
				}
			}
		case keyline.KindEvent:
			if at := pr["occurredAt"].(time.Time); at.Before(day("2026-02-01").Time) || at.After(today) {
				t.Errorf("%s occurred %s", e.Key, at)
			}
		}
	}
	within(t, "persons", kinds[keyline.KindPerson], 55, 65)
	within(t, "organisations", kinds[keyline.KindOrganisation], 4, 4)
	within(t, "locations", kinds[keyline.KindLocation], 28, 36)
	within(t, "vehicles", kinds[keyline.KindVehicle], 14, 16)
	within(t, "comms devices", kinds[keyline.KindCommsDevice], 38, 42)
	within(t, "events", kinds[keyline.KindEvent], 38, 42)

	urns := map[string]bool{}
	var chis, legacy, handlingC int
	for _, it := range p.Intelligence {
		seen(it.Key)
		pr := it.Props
		if urns[pr["urn"].(string)] {
			t.Errorf("duplicate URN %s", pr["urn"])
		}
		urns[pr["urn"].(string)] = true
		g := keyline.Grading{Source: pr["gradeSource"].(string), Assessment: pr["gradeAssessment"].(string), Handling: pr["gradeHandling"].(string)}
		g.Conditions, _ = pr["gradeConditions"].(string)
		if err := g.Validate("grading"); err != nil {
			t.Errorf("%s: %v", it.Key, err)
		}
		if g.Handling == "C" {
			handlingC++
		}
		if src, ok := pr["legacySource"].(string); ok {
			legacy++
			l := keyline.LegacyGrading{Source: src, Information: pr["legacyInformation"].(string), Handling: pr["legacyHandling"].(string)}
			if m, err := l.Map("legacy"); err != nil || m != g {
				t.Errorf("%s: legacy %s maps to %#v, stored %#v (%v)", it.Key, l, m, g, err)
			}
		}
		if _, ok := pr["sourceText"]; ok {
			chis++
		}
		if n := len(pr["sanitisedText"].(string)); n == 0 || n > 20_000 {
			t.Errorf("%s text length %d", it.Key, n)
		}
		if m := len(it.Refs[0].Targets); it.Refs[0].Rel != cypher.RelMentions || m < 1 || m > 4 {
			t.Errorf("%s mentions %d entities", it.Key, m)
		}
		if r := pr["receivedAt"].(time.Time); r.After(today) {
			t.Errorf("%s received in the future: %s", it.Key, r)
		}
	}
	n := len(p.Intelligence)
	within(t, "intelligence", n, 140, 210)
	within(t, "legacy items", legacy, 8, 12)
	within(t, "CHIS items (% of all)", 100*chis/n, 15, 25)
	within(t, "handling C (% of all)", 100*handlingC/n, 18, 32)

	linkTypes := map[string]int{}
	for _, l := range p.Links {
		linkTypes[l.Type]++
		from, to := entityKind(p, l.From), entityKind(p, l.To)
		if !cypher.LinkAllowed(l.Type, string(from), string(to)) {
			t.Errorf("link %s %s(%s) -> %s(%s) not allowed", l.Type, l.From, from, l.To, to)
		}
		if len(l.Sources) < 1 || len(l.Sources) > 3 {
			t.Errorf("link %s %s -> %s cites %d sources", l.Type, l.From, l.To, len(l.Sources))
		}
		for _, s := range l.Sources {
			if !keys[s] && !slices.ContainsFunc(p.Exhibits, func(e exhibitPlan) bool { return e.Key == s }) {
				t.Errorf("link %s %s -> %s cites unknown %s", l.Type, l.From, l.To, s)
			}
		}
		if c := l.Props["confidence"].(float64); c < 0 || c > 1 {
			t.Errorf("confidence %v", c)
		}
		if l.Props["lastSeen"].(time.Time).Before(l.Props["firstSeen"].(time.Time)) {
			t.Errorf("link %s %s -> %s: last seen before first seen", l.Type, l.From, l.To)
		}
	}
	within(t, "links", len(p.Links), 400, 520)
	within(t, "ASSOCIATE_OF", linkTypes["ASSOCIATE_OF"], 110, 130)
	within(t, "CONTACTED", linkTypes["CONTACTED"], 70, 90)

	for _, n := range append(slices.Clone(p.LinesOfEnquiry), p.Decisions...) {
		seen(n.Key)
	}
	statuses := map[string]int{}
	for _, a := range p.Actions {
		final := "RAISED"
		for _, s := range a.Steps {
			switch s.Step {
			case "ALLOCATE":
				final = "ALLOCATED"
			case "START":
				final = "IN_PROGRESS"
			case "RESULT":
				final = "RESULTED"
			case "COMPLETE":
				final = "COMPLETED"
			case "REFER":
				final = "REFERRED"
			case "CANCEL":
				final = "CANCELLED"
			}
		}
		statuses[final]++
		for _, r := range a.Refs {
			for _, tg := range r.Targets {
				if !keys[tg.Key] && !slices.ContainsFunc(p.Actions, func(x actionPlan) bool { return x.Key == tg.Key }) {
					t.Errorf("%s raised from unknown %s", a.Key, tg.Key)
				}
			}
		}
	}
	for _, s := range []string{"RAISED", "ALLOCATED", "IN_PROGRESS", "RESULTED", "COMPLETED", "REFERRED", "CANCELLED"} {
		if statuses[s] == 0 {
			t.Errorf("no action is %s", s)
		}
	}
	within(t, "actions", len(p.Actions), 55, 70)

	refs := map[string]bool{}
	for _, e := range p.Exhibits {
		ref := e.Props["reference"].(string)
		if !exhibitRef.MatchString(ref) || refs[ref] {
			t.Errorf("exhibit reference %q invalid or repeated", ref)
		}
		refs[ref] = true
		if e.Props["disclosureStatus"] == "UNUSED_SENSITIVE" && e.Props["sensitivityReason"] == nil {
			t.Errorf("%s is sensitive without a reason", ref)
		}
		if len(e.Continuity) < 1 || len(e.Continuity) > 3 {
			t.Errorf("%s has %d continuity steps", ref, len(e.Continuity))
		}
	}
	within(t, "exhibits", len(p.Exhibits), 22, 32)
	within(t, "targets", len(p.Targets), 6, 6)
	within(t, "decisions", len(p.Decisions), 8, 8)
	within(t, "lines of enquiry", len(p.LinesOfEnquiry), 5, 5)
	for _, d := range p.Decisions {
		if d.Props["madeAt"].(time.Time).After(today) {
			t.Errorf("%s made in the future", d.Key)
		}
	}
	subjects := map[string]bool{}
	for _, o := range p.Officers {
		if s, ok := o.Props["subject"].(string); ok {
			subjects[s] = true
		}
	}
	for _, s := range []string{"dev-analyst", "dev-investigator", "dev-action-manager", "dev-sio", "dev-deputy-sio", "dev-auditor", "dev-external"} {
		if !subjects[s] {
			t.Errorf("no officer with subject %s", s)
		}
	}
}

func entityKind(p *demoPlan, key string) keyline.Kind {
	for _, e := range p.Entities {
		if e.Key == key {
			return e.Kind
		}
	}
	return ""
}

// TestDemo seeds a real Neo4j (NEO4J_URI, e.g. bolt://127.0.0.1:7687)
// under a unique suffix, so it can share a database with other tests.
func TestDemo(t *testing.T) {
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		t.Skip("NEO4J_URI not set")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	store, err := cypher.Open(ctx, cypher.Config{URI: uri, User: os.Getenv("NEO4J_USER"), Password: os.Getenv("NEO4J_PASSWORD")}, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close(ctx)
	if _, err := store.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	suffix := strings.ToLower(strconv.FormatInt(time.Now().UnixNano()%1_000_000_000, 36))
	start := time.Now()
	sum, err := demo(ctx, store, zerolog.New(zerolog.NewTestWriter(t)), suffix)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("seeded in %s: %+v", time.Since(start).Round(time.Millisecond), sum)

	p := plan(suffix)
	want := Summary{Operation: sum.Operation, Officers: len(p.Officers), Intelligence: len(p.Intelligence), Links: len(p.Links),
		Targets: len(p.Targets), Actions: len(p.Actions), Exhibits: len(p.Exhibits), Decisions: len(p.Decisions), LinesOfEnquiry: len(p.LinesOfEnquiry)}
	for _, e := range p.Entities {
		switch e.Kind {
		case keyline.KindPerson:
			want.Persons++
		case keyline.KindOrganisation:
			want.Organisations++
		case keyline.KindLocation:
			want.Locations++
		case keyline.KindVehicle:
			want.Vehicles++
		case keyline.KindCommsDevice:
			want.CommsDevices++
		case keyline.KindEvent:
			want.Events++
		}
	}
	if sum != want {
		t.Fatalf("summary %+v, want %+v", sum, want)
	}
	within(t, "persons", sum.Persons, 55, 65)
	within(t, "intelligence", sum.Intelligence, 140, 210)
	within(t, "links", sum.Links, 400, 520)
	within(t, "actions", sum.Actions, 55, 70)

	// Read back as the dev SIO would see it.
	officerID, ops, err := store.Membership(ctx, "dev-sio-"+suffix)
	if err != nil || officerID == "" || !slices.Contains(ops, sum.Operation) {
		t.Fatalf("dev-sio membership: %q %v %v", officerID, ops, err)
	}
	sio := &keyline.Actor{Subject: "dev-sio-" + suffix, OfficerID: officerID, Roles: []keyline.Role{keyline.RoleSIO}, Clearance: keyline.Secret, Operations: ops}
	for k, n := range map[keyline.Kind]int{keyline.KindPerson: sum.Persons, keyline.KindIntelligenceItem: sum.Intelligence,
		keyline.KindAction: sum.Actions, keyline.KindExhibit: sum.Exhibits, keyline.KindTarget: sum.Targets} {
		filters := map[string]any{"source": nil, "assessment": nil, "handlingCode": nil, "receivedAfter": nil, "receivedBefore": nil,
			"statuses": nil, "priority": nil, "allocatedTo": nil}
		pages, err := store.ListByOperation(ctx, cypher.ScopeOf(sio), k, []string{sum.Operation}, cypher.ListQuery{Limit: 1, Filters: filters})
		if err != nil {
			t.Fatalf("list %s: %v", k, err)
		}
		if got := pages[sum.Operation].Total; got != n {
			t.Errorf("%s: %d stored, want %d", k, got, n)
		}
	}
	dash, err := store.ActionDashboard(ctx, cypher.ScopeOf(sio), sum.Operation)
	if err != nil {
		t.Fatal(err)
	}
	if len(dash.ByStatus) != 7 || dash.Overdue == 0 {
		t.Errorf("dashboard by status %v, overdue %d: want all seven states and some overdue", dash.ByStatus, dash.Overdue)
	}

	// The reference is unique: seeding again under the same suffix conflicts.
	if _, err := demo(ctx, store, zerolog.Nop(), suffix); keyline.ErrorCode(err) != keyline.CodeConflict {
		t.Errorf("second seed: %v, want CONFLICT", err)
	}
}
