package keyline

import (
	"regexp"
	"testing"
	"time"
)

func TestIntelligenceUpdateRules(t *testing.T) {
	now := time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC)
	person := NewID(KindPerson)
	graded := func(u IntelligenceUpdate) IntelligenceUpdate {
		u.Grading = &Grading{Source: "2", Assessment: "B", Handling: "P"}
		if u.SanitisedText == nil {
			u.SanitisedText = ptr("Subject seen at the yard")
		}
		return u
	}
	cases := []struct {
		name  string
		u     IntelligenceUpdate
		field string
		want  map[string]any
	}{
		{name: "defaults: received now, OFFICIAL-SENSITIVE", u: graded(IntelligenceUpdate{SourceType: "CHIS"}),
			want: map[string]any{"receivedAt": now, "classification": "OFFICIAL_SENSITIVE", "gradeSource": "2", "gradeAssessment": "B", "gradeHandling": "P", "gradeConditions": nil}},
		{name: "every item graded", u: IntelligenceUpdate{SanitisedText: ptr("x")}, field: "input.grading"},
		{name: "one grading, not both", u: IntelligenceUpdate{Grading: &Grading{Source: "1", Assessment: "A", Handling: "P"},
			LegacyGrading: &LegacyGrading{Source: "B", Information: "2", Handling: "1"}, SanitisedText: ptr("x")}, field: "input.legacyGrading"},
		{name: "legacy 5x5x5 mapped and kept", u: IntelligenceUpdate{LegacyGrading: &LegacyGrading{Source: "B", Information: "2", Handling: "1"}, SanitisedText: ptr("x")},
			want: map[string]any{"gradeSource": "1", "gradeAssessment": "A", "gradeHandling": "P", "legacySource": "B", "legacyInformation": "2", "legacyHandling": "1"}},
		{name: "bad legacy source", u: IntelligenceUpdate{LegacyGrading: &LegacyGrading{Source: "F", Information: "2", Handling: "1"}, SanitisedText: ptr("x")},
			field: "input.legacyGrading.source"},
		{name: "C handling needs conditions", u: IntelligenceUpdate{Grading: &Grading{Source: "1", Assessment: "A", Handling: "C", Conditions: "  "}, SanitisedText: ptr("x")},
			field: "input.grading.conditions"},
		{name: "text required", u: IntelligenceUpdate{Grading: &Grading{Source: "1", Assessment: "A", Handling: "P"}}, field: "input.sanitisedText"},
		{name: "given URN trimmed", u: graded(IntelligenceUpdate{URN: ptr(" INT/2026/0001 ")}), want: map[string]any{"urn": "INT/2026/0001"}},
		{name: "mention of a non-entity", u: graded(IntelligenceUpdate{Mentions: []Mention{{EntityID: person, Role: "SUBJECT"}, {EntityID: NewID(KindAction), Role: "SUBJECT"}}}),
			field: "input.mentions[1].entityId"},
		{name: "mention needs a role", u: graded(IntelligenceUpdate{Mentions: []Mention{{EntityID: person}}}), field: "input.mentions[0].role"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			props, err := c.u.CreateProps("input.", now)
			checkProps(t, props, err, c.field, c.want)
		})
	}
	props, err := graded(IntelligenceUpdate{}).CreateProps("input.", now)
	if err != nil || !regexp.MustCompile(`^INT/2026/[0-9A-Z]{16}$`).MatchString(props["urn"].(string)) {
		t.Errorf("a URN is given: %v %v", props["urn"], err)
	}

	regrade := IntelligenceUpdate{Grading: &Grading{Source: "1", Assessment: "A", Handling: "P"}}
	if _, err := regrade.UpdateProps("input.", true); fieldOf(err) != "input.grading" {
		t.Errorf("a legacy item regraded: %v, want an error on input.grading", err)
	}
	if props, err := regrade.UpdateProps("input.", false); err != nil || props["gradeSource"] != "1" {
		t.Errorf("regrade: %v %v", props, err)
	}
	if _, err := (IntelligenceUpdate{}).UpdateProps("input.", false); fieldOf(err) != "input" {
		t.Errorf("an empty change: %v", err)
	}
}

func TestActionUpdateRules(t *testing.T) {
	item := NewID(KindIntelligenceItem)
	cases := []struct {
		name   string
		u      ActionUpdate
		create bool
		field  string
		want   map[string]any
	}{
		{name: "raised", create: true, u: ActionUpdate{Title: ptr(" Trace the car "), Priority: ptr("HIGH"), RaisedFrom: []string{item}},
			want: map[string]any{"title": "Trace the car", "status": "RAISED", "chaseCount": 0, "requiredSkills": []string{}, "priority": "HIGH"}},
		{name: "needs a title", create: true, u: ActionUpdate{}, field: "input.title"},
		{name: "raised from what may raise one", create: true, u: ActionUpdate{Title: ptr("x"), RaisedFrom: []string{item, NewID(KindPerson)}}, field: "input.raisedFromIds[1]"},
		{name: "skills upper-cased without repeats", u: ActionUpdate{RequiredSkills: []string{"pip2", "PIP2", "Surveillance"}},
			want: map[string]any{"requiredSkills": []string{"PIP2", "SURVEILLANCE"}}},
		{name: "empty skill", u: ActionUpdate{RequiredSkills: []string{"PIP2", " "}}, field: "input.requiredSkills[1]"},
		{name: "empty instructions removed", u: ActionUpdate{Instructions: ptr("")}, want: map[string]any{"instructions": nil}},
		{name: "an update must change something", u: ActionUpdate{}, field: "input"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			props, err := propsOf(c.u, c.create)
			checkProps(t, props, err, c.field, c.want)
		})
	}
}
