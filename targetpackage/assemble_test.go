package targetpackage

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
)

var now = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

func person(id string, markers ...model.WarningMarker) *model.Person {
	return &model.Person{Base: model.Base{ID: id}, WarningMarkers: markers}
}

func linked(e model.Entity, t model.LinkType, mod func(*model.Link)) *model.LinkedEntity {
	l := &model.Link{Type: t, Confidence: 0.8}
	if mod != nil {
		mod(l)
	}
	return &model.LinkedEntity{Entity: e, Link: l}
}

func item(id, source, assessment string, received time.Time, conditions string, corroborated bool) Item {
	it := &model.IntelligenceItem{Base: model.Base{ID: id, OperationID: "op-1"}, GradeSource: source, GradeAssessment: assessment, GradeHandling: "P", ReceivedAt: received}
	if conditions != "" {
		it.GradeConditions = &conditions
	}
	return Item{Item: it, Corroborated: corroborated}
}

func TestAssembleSortsTheLifestyleAndGathersTheFactsTheRulesRead(t *testing.T) {
	seen := now.AddDate(0, -1, 0)
	victim, child := "victim of exploitation", keyline.Date{Time: now.AddDate(-15, 0, 0)}
	trap := &model.Location{Base: model.Base{ID: "loc-2"}, Kind: model.LocationKindTrapHouse}
	recs := Records{
		Subject:  person("per-1", model.WarningMarkerViolent, model.WarningMarkerViolent),
		Activity: []*model.LinkedEntity{linked(&model.Event{Base: model.Base{ID: "evt-1"}}, model.LinkTypeInvolvedIn, nil)},
		Lifestyle: []*model.LinkedEntity{
			linked(&model.CommsDevice{Base: model.Base{ID: "com-1"}}, model.LinkTypeUses, func(l *model.Link) { l.Confidence = 0.3 }),
			linked(&model.Vehicle{Base: model.Base{ID: "veh-1"}}, model.LinkTypeDrives, nil),
			linked(&model.Vehicle{Base: model.Base{ID: "veh-2"}}, model.LinkTypeRegisteredKeeper, nil),
			linked(&model.Location{Base: model.Base{ID: "loc-1"}}, model.LinkTypeResidesAt, func(l *model.Link) { l.LastSeen = &seen }),
			linked(&model.Location{Base: model.Base{ID: "loc-3"}}, model.LinkTypeResidesAt, nil),
			linked(trap, model.LinkTypeFrequents, nil),
		},
		Associations: []*model.LinkedEntity{
			linked(person("per-2", model.WarningMarkerFirearms), model.LinkTypeAssociateOf, nil),
			linked(person("per-3"), model.LinkTypeAssociateOf, func(l *model.Link) { l.Kind = &victim }),
			linked(&model.Person{Base: model.Base{ID: "per-4"}, DateOfBirth: &child}, model.LinkTypeAssociateOf, nil),
			linked(&model.Organisation{Base: model.Base{ID: "org-1"}}, model.LinkTypeMemberOf, nil),
		},
	}
	pkg, f := assemble(&model.Target{Base: model.Base{ID: "tgt-1"}}, recs, now, 90*24*time.Hour)

	ids := func(les []*model.LinkedEntity) (out []string) {
		for _, le := range les {
			out = append(out, le.Entity.(interface{ NodeID() string }).NodeID())
		}
		return out
	}
	for _, tc := range []struct {
		name      string
		got, want any
	}{
		{"communications", ids(pkg.Lifestyle.Communications), []string{"com-1"}},
		{"vehicles", ids(pkg.Lifestyle.Vehicles), []string{"veh-1", "veh-2"}},
		{"locations", ids(pkg.Lifestyle.Locations), []string{"loc-1", "loc-3", "loc-2"}},
		{"activity", ids(pkg.CriminalActivity), []string{"evt-1"}},
		{"associations", ids(pkg.Associations), []string{"per-2", "per-3", "per-4", "org-1"}},
		{"subject's markers", pkg.WarningMarkers, []model.WarningMarker{model.WarningMarkerViolent, model.WarningMarkerViolent}},
		{"comms confidence", f.CommsConfidence, []float64{0.3}},
		{"residences last seen (zero when unknown)", f.ResidenceLastSeen, []time.Time{seen, {}}},
		{"trap houses", f.TrapHouses, []string{"loc-2"}},
		{"associations counted", f.Associations, 4},
		{"markers, each once", f.Markers, map[string][]string{"per-1": {"VIOLENT"}, "per-2": {"FIREARMS"}}},
		{"victims", f.Victims, []string{"per-3"}},
		{"minors", f.Minors, []string{"per-4"}},
		{"as of", f.AsOf, now},
		{"stale after", f.StaleAfter, 90 * 24 * time.Hour},
	} {
		if !equal(tc.got, tc.want) {
			t.Errorf("%s = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
	if pkg.Evidence == nil || pkg.Actions == nil || pkg.Actions.Items == nil || pkg.Intelligence == nil {
		t.Errorf("empty sections must be empty lists, not null: %+v", pkg)
	}
}

func TestPictureSummarisesByGradeBestFirst(t *testing.T) {
	old, recent := now.AddDate(0, -6, 0), now.AddDate(0, 0, -3)
	var f keyline.PackageFacts
	pic := picture(5, []Item{
		item("int-1", "3", "C", old, "", false),
		item("int-2", "1", "A", recent, "no onward disclosure", true),
		item("int-3", "3", "C", old, "no onward disclosure", false),
		item("int-4", "2", "B", old, "", true),
	}, &f)
	var grades []string
	for _, c := range pic.ByGrade {
		grades = append(grades, fmt.Sprintf("%s x%d", c.Key, c.Count))
	}
	for _, tc := range []struct {
		name      string
		got, want any
	}{
		{"total is the store's count", pic.Total, 5},
		{"items", len(pic.Items), 4},
		{"by grade, best first", grades, []string{"1A P x1", "2B P x1", "3C P x2"}},
		{"handling conditions once each", pic.HandlingConditions, []string{"no onward disclosure"}},
		{"corroborated", pic.Corroborated, 2},
		{"latest received", *pic.LatestReceivedAt, recent},
		{"facts, one per item", len(f.Items), 4},
	} {
		if !equal(tc.got, tc.want) {
			t.Errorf("%s = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
	if empty := picture(0, nil, &f); empty.LatestReceivedAt != nil || empty.Items == nil || empty.ByGrade == nil || empty.HandlingConditions == nil {
		t.Errorf("no intelligence: %+v, want empty lists and no latest", empty)
	}
}

func TestActionsCountOpenOverdueAndDone(t *testing.T) {
	past, future := keyline.Date{Time: now.AddDate(-1, 0, 0)}, keyline.Date{Time: time.Now().AddDate(1, 0, 0)}
	for _, tc := range []struct {
		name                string
		actions             []*model.Action
		open, overdue, done int
	}{
		{"none", nil, 0, 0, 0},
		{"raised, due later", []*model.Action{{Status: model.ActionStatusRaised, DueDate: &future}}, 1, 0, 0},
		{"allocated, past due", []*model.Action{{Status: model.ActionStatusAllocated, DueDate: &past}}, 1, 1, 0},
		{"resulted and completed are done", []*model.Action{{Status: model.ActionStatusResulted}, {Status: model.ActionStatusCompleted, DueDate: &past}}, 0, 0, 2},
		{"referred and cancelled are neither", []*model.Action{{Status: model.ActionStatusReferred}, {Status: model.ActionStatusCancelled}}, 0, 0, 0},
	} {
		got := actions(tc.actions)
		if got.Open != tc.open || got.Overdue != tc.overdue || got.Done != tc.done || len(got.Items) != len(tc.actions) {
			t.Errorf("%s: open %d overdue %d done %d items %d, want %d %d %d %d", tc.name, got.Open, got.Overdue, got.Done, len(got.Items), tc.open, tc.overdue, tc.done, len(tc.actions))
		}
	}
}

func TestFindingsNameOnlyTheEntitiesTheReaderSees(t *testing.T) {
	fs := []keyline.Finding{
		{Code: "FIREARMS_IN_NETWORK", Description: "d", EntityIDs: []string{"per-2", "per-9"}},
		{Code: "NO_INTELLIGENCE", Description: "n"},
	}
	if got, want := entityIDs(fs, []keyline.Finding{{EntityIDs: []string{"loc-2"}}}), []string{"per-2", "per-9", "loc-2"}; !slices.Equal(got, want) {
		t.Errorf("entityIDs = %v, want %v", got, want)
	}
	got := findings(fs, map[string]model.Entity{"per-2": person("per-2")})
	if len(got) != 2 || got[0].Code != "FIREARMS_IN_NETWORK" || len(got[0].Entities) != 1 || got[1].Entities == nil || len(got[1].Entities) != 0 {
		t.Errorf("findings = %+v %+v", got[0], got[1])
	}
}

// store is an in-memory Store: it checks what Assemble asks and records,
// not what the graph holds or hides (the resolvers' and reports' tests do
// that against Neo4j).
type store struct {
	recs  Records
	found bool
	reads []cypher.Read
}

func (s *store) Target(context.Context, string) (*model.Target, error) { return nil, nil }
func (s *store) PackageRecords(context.Context, string) (Records, bool, error) {
	return s.recs, s.found, nil
}
func (s *store) Entities(_ context.Context, ids []string) (map[string]model.Entity, error) {
	out := map[string]model.Entity{}
	for _, id := range ids {
		out[id] = person(id)
	}
	return out, nil
}
func (s *store) Read(_ context.Context, reads []cypher.Read) error {
	s.reads = append(s.reads, reads...)
	return nil
}

func TestAssembleRecordsTheTargetAndEveryItemShown(t *testing.T) {
	tgt := &model.Target{Base: model.Base{ID: "tgt-1", OperationID: "op-1"}}
	hidden := &store{}
	if _, err := Assemble(context.Background(), hidden, tgt, Options{}); keyline.ErrorCode(err) != keyline.CodeNotFound || len(hidden.reads) != 0 {
		t.Errorf("a target the reader may not see: err %v, reads %v; want not found and nothing recorded", err, hidden.reads)
	}
	s := &store{found: true, recs: Records{Subject: person("per-1", model.WarningMarkerFirearms),
		Items: []Item{item("int-1", "1", "A", time.Now(), "", false), item("int-2", "2", "B", time.Now(), "", false)}}}
	pkg, err := Assemble(context.Background(), s, tgt, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []cypher.Read{{Kind: keyline.KindTarget, ID: "tgt-1", OperationID: "op-1"},
		{Kind: keyline.KindIntelligenceItem, ID: "int-1", OperationID: "op-1"}, {Kind: keyline.KindIntelligenceItem, ID: "int-2", OperationID: "op-1"}}
	if !slices.Equal(s.reads, want) {
		t.Errorf("reads = %v, want %v", s.reads, want)
	}
	if len(pkg.Risks) != 1 || len(pkg.Risks[0].Entities) != 1 {
		t.Errorf("risks = %+v, want the subject's firearms marker naming the subject", pkg.Risks)
	}
	stale := false
	for _, g := range pkg.Gaps {
		stale = stale || g.Code == "STALE_INTELLIGENCE"
	}
	if stale {
		t.Errorf("intelligence received today counted stale: %+v", pkg.Gaps)
	}
}

func equal(a, b any) bool { return reflect.DeepEqual(a, b) }
