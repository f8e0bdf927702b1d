package fromapi

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/analysis"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
	"github.com/keyline/keyline/linkanalysis"
)

func TestDecodeHoldsOnlyValidQuestions(t *testing.T) {
	for _, c := range []struct {
		name  string
		kind  model.SavedSearchKind
		raw   string
		field string // "" when valid
	}{
		{"paths", model.SavedSearchKindPaths, `{"fromId":"per_a","toId":"per_b","mode":"K_SHORTEST","k":2}`, ""},
		{"unknown kind", "FORTUNE", `{}`, "input.kind"},
		{"unknown field", model.SavedSearchKindNetwork, `{"seedIds":["per_a"],"depth":2}`, "input.parameters"},
		{"unknown enum", model.SavedSearchKindPaths, `{"fromId":"per_a","toId":"per_b","mode":"LONGEST"}`, "input.parameters"},
		{"not an object", model.SavedSearchKindTimeline, `[1]`, "input.parameters"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in, err := Decode(c.kind, []byte(c.raw))
			if c.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				if p, ok := in.(*model.PathsInput); !ok || p.Mode != model.PathModeKShortest || *p.K != 2 {
					t.Fatalf("decoded %#v", in)
				}
				return
			}
			var e *keyline.Error
			if !errors.As(err, &e) || e.Code != keyline.CodeInvalid || e.Field != c.field {
				t.Fatalf("want BAD_USER_INPUT on %s, got %v", c.field, err)
			}
		})
	}
	// The decoder's words, short of the Go type they were meant for.
	_, err := Decode(model.SavedSearchKindNetwork, []byte(`{"seedIds":"per_a"}`))
	var e *keyline.Error
	if !errors.As(err, &e) || !strings.HasPrefix(e.Message, "not valid parameters for a NETWORK search: cannot unmarshal string") ||
		strings.Contains(e.Message, "json:") || strings.Contains(e.Message, " of type ") {
		t.Fatalf("message: %v", err)
	}
}

func TestChartOnlyOfChartableKinds(t *testing.T) {
	for kind, raw := range map[model.SavedSearchKind]string{
		model.SavedSearchKindPaths:       `{"fromId":"per_a","toId":"per_b"}`,
		model.SavedSearchKindNetwork:     `{"seedIds":["per_a"]}`,
		model.SavedSearchKindCommonLinks: `{"entityIds":["per_a","per_b"]}`,
		model.SavedSearchKindKeyPlayers:  `{"operationId":"op_a"}`,
	} {
		if _, err := Chart(kind, []byte(raw)); err != nil {
			t.Errorf("%s: %v", kind, err)
		}
	}
	for kind, raw := range map[model.SavedSearchKind]string{
		model.SavedSearchKindCoLocation: `{"operationId":"op_a","from":"2024-01-01T00:00:00Z","to":"2024-02-01T00:00:00Z"}`,
		model.SavedSearchKindTimeline:   `{"entityIds":["per_a"]}`,
	} {
		var e *keyline.Error
		if _, err := Chart(kind, []byte(raw)); !errors.As(err, &e) || e.Field != "kind" || e.Code != keyline.CodeInvalid {
			t.Errorf("%s: want no chart, got %v", kind, err)
		}
	}
}

func TestInputsReadAsQuestions(t *testing.T) {
	conf, deg := 0.4, 7
	f := Filter(&model.TraversalFilter{LinkTypes: []model.LinkType{model.LinkTypeAssociateOf}, MinConfidence: &conf, MaxDegree: &deg,
		AvoidKinds: []model.EntityKind{model.EntityKindLocation, model.EntityKindCommsDevice}, ThroughKinds: []model.EntityKind{model.EntityKindPerson}})
	if !slices.Equal(f.LinkTypes, []string{"ASSOCIATE_OF"}) || *f.MinConfidence != conf || *f.MaxDegree != deg ||
		!slices.Equal(f.AvoidKinds, []keyline.Kind{keyline.KindLocation, keyline.KindCommsDevice}) ||
		!slices.Equal(f.ThroughKinds, []keyline.Kind{keyline.KindPerson}) {
		t.Fatalf("filter read as %+v", f)
	}
	if Filter(nil) != nil {
		t.Fatal("no filter read as one")
	}
	p := Paths(model.PathsInput{FromID: "per_a", ToID: "per_b", Mode: model.PathModeAllShortest})
	if p.Mode != cypher.PathsAllShortest || p.FromID != "per_a" || p.ToID != "per_b" {
		t.Fatalf("paths read as %+v", p)
	}
	no, yes := false, true
	if !Timeline(model.TimelineInput{IncludeContacts: &no}).WithoutContacts ||
		Timeline(model.TimelineInput{IncludeContacts: &yes}).WithoutContacts || Timeline(model.TimelineInput{}).WithoutContacts {
		t.Fatal("contacts are included unless refused")
	}
	by := model.CentralityMeasureEigenvector
	if kp := KeyPlayers(model.KeyPlayersInput{RankBy: &by}); *kp.RankBy != analysis.MeasureEigenvector {
		t.Fatalf("rank by read as %v", *kp.RankBy)
	}
	if KeyPlayers(model.KeyPlayersInput{}).RankBy != nil {
		t.Fatal("no measure read as one")
	}
}

// Every measure the API names reads as one and names back the same, so
// an answer says what it was ranked by.
func TestMeasuresNameBack(t *testing.T) {
	for _, m := range model.AllCentralityMeasure {
		q := KeyPlayers(model.KeyPlayersInput{RankBy: &m})
		if got := MeasureName(*q.RankBy); got != m {
			t.Errorf("%s names back as %q", m, got)
		}
	}
	var _ linkanalysis.ChartQuestion = linkanalysis.KeyPlayersQuestion{}
}
