package keyline

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

func ptr[T any](v T) *T { return &v }

// fieldOf returns the field an error names ("" for none).
func fieldOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

func TestPersonUpdateRules(t *testing.T) {
	future := Date{Time: time.Now().AddDate(1, 0, 0)}
	cases := []struct {
		name   string
		u      PersonUpdate
		create bool
		field  string         // the field at fault, "" for none
		want   map[string]any // properties expected (a subset)
	}{
		{name: "create trims names and stores empty lists", create: true,
			u:    PersonUpdate{GivenNames: ptr(" Jake "), FamilyName: ptr("CARROLL")},
			want: map[string]any{"givenNames": "Jake", "familyName": "CARROLL", "aliases": []string{}, "identifiers": []string{}, "warningMarkers": []string{}}},
		{name: "create needs a family name", create: true, u: PersonUpdate{GivenNames: ptr("Jake")}, field: "input.familyName"},
		{name: "blank given names", create: true, u: PersonUpdate{GivenNames: ptr("  "), FamilyName: ptr("X")}, field: "input.givenNames"},
		{name: "over-long family name", u: PersonUpdate{FamilyName: ptr(string(make([]byte, MaxName+1)))}, field: "input.familyName"},
		{name: "date of birth in the future", u: PersonUpdate{DateOfBirth: &future}, field: "input.dateOfBirth"},
		{name: "PNC id upper-cased", u: PersonUpdate{PNCID: ptr(" 84/123456a ")}, want: map[string]any{"pncId": "84/123456A"}},
		{name: "bad PNC id", u: PersonUpdate{PNCID: ptr("123")}, field: "input.pncId"},
		{name: "empty PNC id removes it", u: PersonUpdate{PNCID: ptr("")}, want: map[string]any{"pncId": nil}},
		{name: "identifier written KIND:value", u: PersonUpdate{Identifiers: []string{"PASSPORT:123", "passport 123"}}, field: "input.identifiers[1]"},
		{name: "aliases trimmed without repeats", u: PersonUpdate{Aliases: []string{"Jay", " Jay", "JC"}}, want: map[string]any{"aliases": []string{"Jay", "JC"}}},
		{name: "empty alias", u: PersonUpdate{Aliases: []string{"Jay", ""}}, field: "input.aliases[1]"},
		{name: "markers without repeats", u: PersonUpdate{WarningMarkers: []string{"VIOLENT", "WEAPONS", "VIOLENT"}}, want: map[string]any{"warningMarkers": []string{"VIOLENT", "WEAPONS"}}},
		{name: "empty description removes it", u: PersonUpdate{Description: ptr(" ")}, want: map[string]any{"description": nil}},
		{name: "an update must change something", u: PersonUpdate{}, field: "input"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			props, err := propsOf(c.u, c.create)
			checkProps(t, props, err, c.field, c.want)
		})
	}
}

func TestPersonUpdateNamesTheCallersField(t *testing.T) {
	// The importer names its columns, the API its input fields.
	_, err := PersonUpdate{PNCID: ptr("123")}.UpdateProps("")
	if fieldOf(err) != "pncId" {
		t.Fatalf("error %v, want field pncId", err)
	}
}

// checkProps checks an outcome: the field at fault (none when field is
// ""), and the properties want among props.
func checkProps(t *testing.T, props map[string]any, err error, field string, want map[string]any) {
	t.Helper()
	if got := fieldOf(err); got != field || (field == "" && err != nil) {
		t.Fatalf("error %v (field %q), want field %q", err, got, field)
	}
	for k, v := range want {
		if !reflect.DeepEqual(props[k], v) {
			t.Errorf("%s = %#v, want %#v", k, props[k], v)
		}
	}
}

// propsOf validates u as a create or an update, as the API names fields.
func propsOf(u interface {
	CreateProps(string) (map[string]any, error)
	UpdateProps(string) (map[string]any, error)
}, create bool) (map[string]any, error) {
	if create {
		return u.CreateProps("input.")
	}
	return u.UpdateProps("input.")
}
