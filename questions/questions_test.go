package questions

import (
	"testing"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/graph/model"
)

func TestAboutIsTheFirstRecordTheQuestionNames(t *testing.T) {
	type pathsInput struct {
		FromID string `json:"fromId"`
		ToID   string `json:"toId"`
	}
	type networkInput struct {
		SeedIDs []string `json:"seedIds"`
	}
	for _, tc := range []struct {
		name   string
		params any
		want   string
	}{
		{"an id", map[string]any{"id": "tgt-1"}, "tgt-1"},
		{"the first seed", map[string]any{"seedIds": []any{"per-1", "per-2"}}, "per-1"},
		{"an entity before the operation", map[string]any{"operationId": "op-1", "entityIds": []any{"per-3"}}, "per-3"},
		{"the organisation before the operation", map[string]any{"operationId": "op-1", "organisationId": "org-1"}, "org-1"},
		{"the operation searched", map[string]any{"operationId": "op-1", "search": "carroll"}, "op-1"},
		{"an empty list names nothing", map[string]any{"seedIds": []any{}}, ""},
		{"an input type by its JSON names", pathsInput{FromID: "per-1", ToID: "per-2"}, "per-1"},
		{"an input type's list", networkInput{SeedIDs: []string{"veh-1"}}, "veh-1"},
		{"nothing named", map[string]any{"search": "x"}, ""},
		{"not an object", "network", ""},
		{"nil", nil, ""},
	} {
		if got := About(tc.params); got != tc.want {
			t.Errorf("%s: About(%v) = %q, want %q", tc.name, tc.params, got, tc.want)
		}
	}
}

func TestAnswerSizeCountsWhatTheAnswerHeld(t *testing.T) {
	for _, tc := range []struct {
		name string
		res  any
		want int
	}{
		{"paths", &model.PathsResult{Paths: make([]*model.Path, 3)}, 3},
		{"network entities", &model.Network{Nodes: make([]model.Entity, 4)}, 4},
		{"shared and co-mentioned", &model.CommonLinks{Shared: make([]*model.SharedEntity, 2), CoMentions: make([]*model.CoMention, 1)}, 3},
		{"schedule rows", &model.DisclosureSchedule{Entries: make([]*model.ScheduleEntry, 5)}, 5},
		{"a chart", keyline.Graph{Nodes: make([]keyline.GraphNode, 6)}, 6},
		{"a package", &model.TargetPackage{}, 1},
		{"no package", (*model.TargetPackage)(nil), 0},
		{"no network", (*model.Network)(nil), 0},
		{"something else", "text", 0},
	} {
		if got := AnswerSize(tc.res); got != tc.want {
			t.Errorf("%s: AnswerSize = %d, want %d", tc.name, got, tc.want)
		}
	}
}
