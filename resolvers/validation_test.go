package resolvers_test

import (
	"strings"
	"testing"
)

// Bad input gets a stable code and the field at fault, and changes nothing.
func TestBadInputIsRefusedAndChangesNothing(t *testing.T) {
	w := newWorld(t)
	item := w.create(t, w.analyst, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "PUBLIC", "grading": map[string]any{"source": "2", "assessment": "B", "handling": "P"}, "sanitisedText": "x"})
	per := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Ann", "familyName": "Lee"})
	per2 := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Bo", "familyName": "Lee"})

	tests := []struct {
		name, query string
		vars        map[string]any
		code, field string
	}{
		{"invalid grading code", `mutation($op: ID!) { createIntelligenceItem(input: {operationId: $op, sourceType: CHIS, sanitisedText: "t",
			grading: {source: "4", assessment: "A", handling: "P"}}) { id } }`, nil, "BAD_USER_INPUT", "input.grading.source"},
		{"handling C without conditions", `mutation($op: ID!) { createIntelligenceItem(input: {operationId: $op, sourceType: CHIS, sanitisedText: "t",
			grading: {source: "1", assessment: "A", handling: "C"}}) { id } }`, nil, "BAD_USER_INPUT", "input.grading.conditions"},
		{"ungraded item", `mutation($op: ID!) { createIntelligenceItem(input: {operationId: $op, sourceType: CHIS, sanitisedText: "t"}) { id } }`,
			nil, "BAD_USER_INPUT", "input.grading"},
		{"malformed date", `mutation($op: ID!) { createPerson(input: {operationId: $op, givenNames: "A", familyName: "B", dateOfBirth: "11/02/1994"}) { id } }`,
			nil, "BAD_USER_INPUT", ""},
		{"impossible date", `mutation($op: ID!) { createPerson(input: {operationId: $op, givenNames: "A", familyName: "B", dateOfBirth: "1994-02-30"}) { id } }`,
			nil, "BAD_USER_INPUT", ""},
		{"malformed VRM", `mutation($op: ID!) { createVehicle(input: {operationId: $op, vrm: "NOT A CAR"}) { id } }`, nil, "BAD_USER_INPUT", "input.vrm"},
		{"empty name", `mutation($op: ID!) { createPerson(input: {operationId: $op, givenNames: " ", familyName: "B"}) { id } }`, nil, "BAD_USER_INPUT", "input.givenNames"},
		{"unknown source id", `mutation($p: ID!, $q: ID!) { link(input: {type: ASSOCIATE_OF, fromId: $p, toId: $q, sourceIds: ["int_nope"]}) { id } }`,
			map[string]any{"p": per, "q": per2}, "NOT_FOUND", "input.sourceIds"},
		{"link without provenance", `mutation($p: ID!, $q: ID!) { link(input: {type: ASSOCIATE_OF, fromId: $p, toId: $q, sourceIds: []}) { id } }`,
			map[string]any{"p": per, "q": per2}, "BAD_USER_INPUT", "input.sourceIds"},
		{"confidence out of range", `mutation($p: ID!, $q: ID!, $i: ID!) { link(input: {type: ASSOCIATE_OF, fromId: $p, toId: $q, confidence: 1.5, sourceIds: [$i]}) { id } }`,
			map[string]any{"p": per, "q": per2, "i": item}, "BAD_USER_INPUT", "input.confidence"},
		{"unknown entity id", `mutation($i: ID!) { link(input: {type: ASSOCIATE_OF, fromId: "per_01nothere", toId: "per_02nothere", sourceIds: [$i]}) { id } }`,
			map[string]any{"i": item}, "NOT_FOUND", "input.fromId"},
		{"link type that cannot join these kinds", `mutation($p: ID!, $i: ID!) { link(input: {type: DRIVES, fromId: $p, toId: $p, sourceIds: [$i]}) { id } }`,
			map[string]any{"p": per, "i": item}, "BAD_USER_INPUT", "input.type"},
		{"stale version", `mutation($p: ID!) { updatePerson(id: $p, expectedVersion: 7, input: {givenNames: "Zed"}) { id } }`,
			map[string]any{"p": per}, "CONFLICT", ""},
		{"unknown id on update", `mutation { updatePerson(id: "per_01nothere", expectedVersion: 1, input: {givenNames: "Zed"}) { id } }`,
			nil, "NOT_FOUND", ""},
		{"id of the wrong type", `mutation($i: ID!) { updatePerson(id: $i, expectedVersion: 1, input: {givenNames: "Zed"}) { id } }`,
			map[string]any{"i": item}, "NOT_FOUND", ""},
		{"update with nothing to change", `mutation($p: ID!) { updatePerson(id: $p, expectedVersion: 1, input: {}) { id } }`,
			map[string]any{"p": per}, "BAD_USER_INPUT", "input"},
		{"bad cursor", `query($op: ID!) { operation(id: $op) { persons(after: "garbage") { totalCount } } }`, nil, "BAD_USER_INPUT", "after"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vars := map[string]any{"op": w.op}
			for k, v := range tt.vars {
				vars[k] = v
			}
			if !strings.Contains(tt.query, "$op") {
				delete(vars, "op")
			}
			res := w.env.Do(w.analyst, tt.query, vars)
			if res.Code() == "GRAPHQL_VALIDATION_FAILED" {
				t.Fatalf("the test query itself is invalid: %s", res)
			}
			if len(res.Errors) == 0 {
				t.Fatalf("want an error, got %s", res)
			}
			if tt.code != "" && res.Code() != tt.code {
				t.Errorf("code %q, want %q: %s", res.Code(), tt.code, res)
			}
			if tt.field != "" && res.Field() != tt.field {
				t.Errorf("field %q, want %q: %s", res.Field(), tt.field, res)
			}
			if strings.Contains(res.Raw, "MATCH") || strings.Contains(res.Raw, "neo4j") || strings.Contains(res.Raw, ".go:") {
				t.Errorf("internal detail leaked: %s", res)
			}
		})
	}
	// Nothing changed: the person is still version 1 with its first name,
	// and no vehicle or extra intelligence exists.
	after := w.env.Do(w.analyst, `query($op: ID!, $p: ID!) { node(id: $p) { ... on Person { givenNames version } }
		operation(id: $op) { vehicles { totalCount } intelligenceItems { totalCount } persons { totalCount } } }`,
		map[string]any{"op": w.op, "p": per}).NoErrors()
	if after.Str("node", "givenNames") != "Ann" || after.Int("node", "version") != 1 ||
		after.Int("operation", "vehicles", "totalCount") != 0 || after.Int("operation", "intelligenceItems", "totalCount") != 1 ||
		after.Int("operation", "persons", "totalCount") != 2 {
		t.Fatalf("refused input changed something: %s", after)
	}
}
