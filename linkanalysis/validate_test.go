package linkanalysis

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/analysis"
	"github.com/keyline/keyline/cypher"
)

func ptr[T any](v T) *T { return &v }

// fieldError checks err is an application error with the code and field.
func fieldError(t *testing.T, err error, code keyline.Code, field string) {
	t.Helper()
	var e *keyline.Error
	if !errors.As(err, &e) {
		t.Fatalf("want a %s error on %q, got %v", code, field, err)
	}
	if e.Code != code || e.Field != field {
		t.Fatalf("want a %s error on %q, got %s on %q: %s", code, field, e.Code, e.Field, e.Message)
	}
}

const (
	per1 = "per_01J0000000000000000000000A"
	per2 = "per_01J0000000000000000000000B"
	org1 = "org_01J0000000000000000000000C"
)

func TestFilterValidatesIntoTheStoresFilter(t *testing.T) {
	after := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	before := after.Add(-time.Hour)
	for _, c := range []struct {
		name  string
		f     *Filter
		field string // "" when valid
	}{
		{"none", nil, ""},
		{"confidence above 1", &Filter{MinConfidence: ptr(1.5)}, "input.filter.minConfidence"},
		{"confidence below 0", &Filter{MinConfidence: ptr(-0.1)}, "input.filter.minConfidence"},
		{"window ending before it starts", &Filter{SeenAfter: &after, SeenBefore: &before}, "input.filter.seenBefore"},
		{"negative hub limit", &Filter{MaxDegree: ptr(-1)}, "input.filter.maxDegree"},
		{"everything", &Filter{LinkTypes: []string{"ASSOCIATE_OF", "ASSOCIATE_OF", "USES"}, MinConfidence: ptr(0.5),
			SeenAfter: &before, SeenBefore: &after, AvoidKinds: []keyline.Kind{keyline.KindLocation},
			ThroughKinds: []keyline.Kind{keyline.KindPerson}, MaxDegree: ptr(0)}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			lf, err := c.f.linkFilter()
			if c.field != "" {
				fieldError(t, err, keyline.CodeInvalid, c.field)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.f == nil {
				if lf.Types != nil || lf.MaxDegree != 0 || lf.MinConfidence != 0 {
					t.Fatalf("no filter restricts nothing: %+v", lf)
				}
				return
			}
			if !slices.Equal(lf.Types, []string{"ASSOCIATE_OF", "USES"}) || lf.MinConfidence != 0.5 ||
				!slices.Equal(lf.Avoid, []string{"Location"}) || !slices.Equal(lf.Through, []string{"Person"}) ||
				*lf.SeenAfter != before || *lf.SeenBefore != after {
				t.Fatalf("filter read as %+v", lf)
			}
		})
	}
}

func TestPathsQuestionChecksEveryBound(t *testing.T) {
	ok := PathsQuestion{FromID: per1, ToID: per2}
	for _, c := range []struct {
		name  string
		edit  func(*PathsQuestion)
		code  keyline.Code
		field string
	}{
		{"no hops", func(q *PathsQuestion) { q.MaxHops = ptr(0) }, keyline.CodeInvalid, "input.maxHops"},
		{"too many hops", func(q *PathsQuestion) { q.MaxHops = ptr(cypher.MaxPathHops + 1) }, keyline.CodeInvalid, "input.maxHops"},
		{"k too large", func(q *PathsQuestion) { q.K = ptr(cypher.MaxPaths + 1) }, keyline.CodeInvalid, "input.k"},
		{"limit too large", func(q *PathsQuestion) { q.Limit = ptr(51) }, keyline.CodeInvalid, "input.limit"},
		{"bad filter", func(q *PathsQuestion) { q.Filter = &Filter{MaxDegree: ptr(-1)} }, keyline.CodeInvalid, "input.filter.maxDegree"},
		{"one entity", func(q *PathsQuestion) { q.ToID = per1 }, keyline.CodeInvalid, "input.toId"},
		{"from not an entity", func(q *PathsQuestion) { q.FromID = "op_01J0000000000000000000000D" }, keyline.CodeNotFound, "input.fromId"},
		{"to not an id", func(q *PathsQuestion) { q.ToID = "nonsense" }, keyline.CodeNotFound, "input.toId"},
	} {
		t.Run(c.name, func(t *testing.T) {
			q := ok
			c.edit(&q)
			_, err := q.validate()
			fieldError(t, err, c.code, c.field)
		})
	}
	b, err := ok.validate()
	if err != nil {
		t.Fatal(err)
	}
	if b.hops != 6 || b.k != 3 || b.limit != 10 || b.filter.MaxDegree != DefaultPathMaxDegree {
		t.Fatalf("defaults: %+v", b)
	}
	// A hub limit the caller gives, even 0 (none), is theirs.
	q := ok
	q.Filter = &Filter{MaxDegree: ptr(0)}
	if b, _ := q.validate(); b.filter.MaxDegree != 0 {
		t.Fatalf("given hub limit 0 read as %d", b.filter.MaxDegree)
	}
}

func TestKeyPlayersQuestionChecksEveryBound(t *testing.T) {
	op := "op_01J0000000000000000000000D"
	for _, c := range []struct {
		name  string
		q     KeyPlayersQuestion
		field string
	}{
		{"nothing to analyse", KeyPlayersQuestion{}, "input"},
		{"two networks", KeyPlayersQuestion{OperationID: &op, SeedIDs: []string{per1}}, "input"},
		{"too many hops", KeyPlayersQuestion{SeedIDs: []string{per1}, Hops: ptr(4)}, "input.hops"},
		{"no budget", KeyPlayersQuestion{SeedIDs: []string{per1}, NodeBudget: ptr(0)}, "input.nodeBudget"},
		{"too many ranked", KeyPlayersQuestion{SeedIDs: []string{per1}, First: ptr(201)}, "input.first"},
		{"bad filter", KeyPlayersQuestion{SeedIDs: []string{per1}, Filter: &Filter{MinConfidence: ptr(2.0)}}, "input.filter.minConfidence"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.q.validate()
			fieldError(t, err, keyline.CodeInvalid, c.field)
		})
	}
	b, err := KeyPlayersQuestion{OrganisationID: ptr(org1)}.validate()
	if err != nil {
		t.Fatal(err)
	}
	if b.hops != 2 || b.budget != 500 || b.first != 20 || b.by != analysis.MeasureBetweenness {
		t.Fatalf("defaults: %+v", b)
	}
}

// Questions refused for their shape are refused before anything is read:
// the service here has no store.
func TestQuestionsRefusedBeforeReading(t *testing.T) {
	s := &Service{}
	c := Caller{Actor: &keyline.Actor{Subject: "analyst"}}
	ctx := context.Background()
	from := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	seeds := func(n int) []string { return slices.Repeat([]string{per1}, n) }
	for _, c := range []struct {
		name  string
		ask   func() error
		field string
	}{
		{"network without seeds", func() error { _, err := s.ExpandNetwork(ctx, c, NetworkQuestion{}); return err }, "input.seedIds"},
		{"network of 51 seeds", func() error { _, err := s.ExpandNetwork(ctx, c, NetworkQuestion{SeedIDs: seeds(51)}); return err }, "input.seedIds"},
		{"network of 4 hops", func() error {
			_, err := s.ExpandNetwork(ctx, c, NetworkQuestion{SeedIDs: seeds(1), Hops: ptr(4)})
			return err
		}, "input.hops"},
		{"network budget", func() error {
			_, err := s.ExpandNetwork(ctx, c, NetworkQuestion{SeedIDs: seeds(1), NodeBudget: ptr(2001)})
			return err
		}, "input.nodeBudget"},
		{"common links of one", func() error { _, err := s.CommonLinks(ctx, c, CommonLinksQuestion{EntityIDs: seeds(1)}); return err }, "input.entityIds"},
		{"common links of 21", func() error { _, err := s.CommonLinks(ctx, c, CommonLinksQuestion{EntityIDs: seeds(21)}); return err }, "input.entityIds"},
		{"shared by more than asked", func() error {
			_, err := s.CommonLinks(ctx, c, CommonLinksQuestion{EntityIDs: seeds(3), MinShared: ptr(4)})
			return err
		}, "input.minShared"},
		{"common links limit", func() error {
			_, err := s.CommonLinks(ctx, c, CommonLinksQuestion{EntityIDs: seeds(2), Limit: ptr(201)})
			return err
		}, "input.limit"},
		{"co-location window", func() error {
			_, err := s.CoLocation(ctx, c, CoLocationQuestion{From: from, To: from.Add(time.Hour), WindowMinutes: ptr(-1)})
			return err
		}, "input.windowMinutes"},
		{"co-location period reversed", func() error {
			_, err := s.CoLocation(ctx, c, CoLocationQuestion{From: from, To: from})
			return err
		}, "input.to"},
		{"co-location of 51", func() error {
			_, err := s.CoLocation(ctx, c, CoLocationQuestion{From: from, To: from.Add(time.Hour), EntityIDs: seeds(51)})
			return err
		}, "input.entityIds"},
		{"timeline of none", func() error { _, err := s.Timeline(ctx, c, TimelineQuestion{}); return err }, "input.entityIds"},
		{"timeline limit", func() error {
			_, err := s.Timeline(ctx, c, TimelineQuestion{EntityIDs: seeds(1), Limit: ptr(1001)})
			return err
		}, "input.limit"},
	} {
		t.Run(c.name, func(t *testing.T) { fieldError(t, c.ask(), keyline.CodeInvalid, c.field) })
	}
	// Nobody asking is a wiring fault, answered as unauthenticated.
	_, err := s.ExpandNetwork(ctx, Caller{}, NetworkQuestion{SeedIDs: seeds(1)})
	if keyline.ErrorCode(err) != keyline.CodeUnauthenticated {
		t.Fatalf("no actor: %v", err)
	}
}

// A seed named by an id of the wrong kind is not found, indexed when
// there are several, before anything is read.
func TestEntityIDsCheckedByKindFirst(t *testing.T) {
	a := asker{actor: &keyline.Actor{}}
	_, err := a.entities(context.Background(), "input.seedIds", []string{per1, org1, "op_01J0000000000000000000000D"})
	fieldError(t, err, keyline.CodeNotFound, "input.seedIds[2]")
	_, err = a.entities(context.Background(), "input.organisationId", []string{"per"})
	fieldError(t, err, keyline.CodeNotFound, "input.organisationId")
}
