package keyline

import (
	"testing"
	"time"
)

func TestLinkUpdateRules(t *testing.T) {
	item, exhibit, person := NewID(KindIntelligenceItem), NewID(KindExhibit), NewID(KindPerson)
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		name   string
		u      LinkUpdate
		create bool
		field  string
		code   Code
		want   map[string]any
	}{
		{name: "create with a source", create: true, u: LinkUpdate{Type: "ASSOCIATE_OF", Confidence: ptr(0.8), SourceIDs: []string{item}},
			want: map[string]any{"confidence": 0.8}},
		{name: "create needs a source", create: true, u: LinkUpdate{Type: "ASSOCIATE_OF", Confidence: ptr(0.8)}, field: "input.sourceIds"},
		{name: "a source is an item or an exhibit", create: true, u: LinkUpdate{Type: "USES", Confidence: ptr(0.5), SourceIDs: []string{exhibit, person}},
			field: "input.sourceIds[1]", code: CodeNotFound},
		{name: "confidence within 0..1", create: true, u: LinkUpdate{Type: "USES", Confidence: ptr(1.5), SourceIDs: []string{item}}, field: "input.confidence"},
		{name: "MEMBER_OF needs a role", create: true, u: LinkUpdate{Type: "MEMBER_OF", Confidence: ptr(0.9), SourceIDs: []string{item}}, field: "input.role"},
		{name: "MEMBER_OF role upper-cased", create: true, u: LinkUpdate{Type: "MEMBER_OF", Role: ptr(" principal"), Confidence: ptr(0.9), SourceIDs: []string{item}},
			want: map[string]any{"role": "PRINCIPAL"}},
		{name: "MEMBER_OF role from the list", u: LinkUpdate{Type: "MEMBER_OF", Role: ptr("boss")}, field: "input.role"},
		{name: "other links take any role", u: LinkUpdate{Type: "ASSOCIATE_OF", Role: ptr("cousin")}, want: map[string]any{"role": "COUSIN"}},
		{name: "negative count", u: LinkUpdate{Type: "CONTACTED", Count: ptr(-1)}, field: "input.count"},
		{name: "last seen before first seen", u: LinkUpdate{Type: "USES", FirstSeen: &t0, LastSeen: ptr(t0.Add(-time.Hour))}, field: "input.lastSeen"},
		{name: "times stored in UTC", u: LinkUpdate{Type: "USES", FirstSeen: ptr(t0.In(time.FixedZone("BST", 3600)))}, want: map[string]any{"firstSeen": t0}},
		{name: "replacing only the sources", u: LinkUpdate{Type: "USES", SourceIDs: []string{item}}},
		{name: "an update must change something", u: LinkUpdate{Type: "USES"}, field: "input"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			props, err := propsOf(c.u, c.create)
			checkProps(t, props, err, c.field, c.want)
			if c.code != "" && ErrorCode(err) != c.code {
				t.Errorf("code %s, want %s", ErrorCode(err), c.code)
			}
		})
	}
}
