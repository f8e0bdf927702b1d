package resolvers

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/graph/model"
)

// jsonDecode is the reference: the JSON round trip decodeInto falls back to.
func jsonDecode(props map[string]any, dst any) error {
	b, err := json.Marshal(props)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, dst)
}

// decodeInto gives exactly what the JSON round trip gives, for every
// model and the value shapes the store returns.
func TestDecodeIntoMatchesJSON(t *testing.T) {
	at := time.Date(2026, 3, 4, 5, 6, 7, 890, time.UTC)
	dob, _ := keyline.ParseDate("d", "1990-02-03")
	base := map[string]any{"id": "per_1", "operationId": "op_1", "createdAt": at, "updatedAt": at, "updatedBy": "sub", "version": int64(3),
		"searchText": "ignored", "notAField": []any{"x"}}
	with := func(extra map[string]any) map[string]any {
		m := map[string]any{}
		for k, v := range base {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	cases := []struct {
		name  string
		new   func() any
		props map[string]any
	}{
		{"person", func() any { return &model.Person{} }, with(map[string]any{"label": "A B", "givenNames": "A", "familyName": "B",
			"aliases": []any{"x", "y"}, "dateOfBirth": dob, "pncId": "99/1A", "identifiers": []any{}, "warningMarkers": []any{"VIOLENT"}})},
		{"person bad marker", func() any { return &model.Person{} }, with(map[string]any{"warningMarkers": []any{"NOPE"}})},
		{"person null", func() any { return &model.Person{} }, with(map[string]any{"pncId": nil, "aliases": nil})},
		{"link", func() any { return &model.Link{} }, with(map[string]any{"type": "ASSOCIATE_OF", "kind": "FAMILY", "count": int64(2),
			"firstSeen": at, "confidence": 0.75, "sources": []any{"int_1", "exh_2"}})},
		{"link int confidence", func() any { return &model.Link{} }, with(map[string]any{"confidence": int64(1)})},
		{"location", func() any { return &model.Location{} }, with(map[string]any{"label": "L", "address": "1 Road", "latitude": 51.5, "longitude": int64(0), "kind": "RESIDENTIAL"})},
		{"location bad kind", func() any { return &model.Location{} }, with(map[string]any{"kind": "CASTLE"})},
		{"operation", func() any { return &model.Operation{} }, with(map[string]any{"reference": "OP-1", "name": "N", "status": "OPEN",
			"classification": "SECRET", "opened": dob, "policyHighHours": int64(12)})},
		{"intelligence", func() any { return &model.IntelligenceItem{} }, with(map[string]any{"urn": "U1", "receivedAt": at, "sanitisedText": "t",
			"gradeSource": "1", "gradeAssessment": "A", "gradeHandling": "P", "classification": "OFFICIAL"})},
		{"officer", func() any { return &model.Officer{} }, with(map[string]any{"collarNumber": "1", "name": "N", "rank": "DC", "role": "ANALYST", "skills": []any{"a"}})},
		{"case differs", func() any { return &model.Person{} }, with(map[string]any{"Label": "upper"})},
		{"wrong type", func() any { return &model.Person{} }, with(map[string]any{"label": int64(4)})},
		{"time as string", func() any { return &model.Person{} }, with(map[string]any{"createdAt": "2026-01-01T00:00:00Z"})},
		{"action", func() any { return &model.Action{} }, with(map[string]any{"seq": int64(4), "status": "ALLOCATED"})},
		{"target", func() any { return &model.Target{} }, with(map[string]any{"label": "T"})},
		{"exhibit", func() any { return &model.Exhibit{} }, with(map[string]any{"label": "E"})},
	}
	fastCases := map[string]bool{"person": true, "person null": true, "link": true, "link int confidence": true, "location": true,
		"operation": true, "intelligence": true, "officer": true, "action": true, "target": true, "exhibit": true}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, want := c.new(), c.new()
			gerr, werr := decodeInto(c.props, got), jsonDecode(c.props, want)
			if (gerr == nil) != (werr == nil) {
				t.Fatalf("error %v, JSON path error %v", gerr, werr)
			}
			if werr == nil && !reflect.DeepEqual(got, want) {
				t.Fatalf("decoded\n%#v\nJSON path\n%#v", got, want)
			}
			// The common shapes take the direct path (the point of it).
			fast := fastDecode(c.props, reflect.ValueOf(c.new()).Elem())
			if wantFast := fastCases[c.name]; fast != wantFast {
				t.Fatalf("direct path used: %v, want %v", fast, wantFast)
			}
		})
	}
}
