package resolvers

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/keyline/keyline/graph"
	"github.com/keyline/keyline/graph/model"
)

// linksSelection parses q against the schema and returns the operation
// context and the selection of the first `links` field under node(id).
func linksSelection(t *testing.T, q string) (*graphql.OperationContext, ast.SelectionSet) {
	t.Helper()
	schema := graph.NewExecutableSchema(graph.Config{Resolvers: &Resolver{}}).Schema()
	doc, errs := gqlparser.LoadQueryWithRules(schema, q, nil) // nil: the default rules
	if errs != nil {
		t.Fatalf("query does not validate: %v", errs)
	}
	oc := &graphql.OperationContext{RawQuery: q, Doc: doc, Operation: doc.Operations[0], Variables: map[string]any{}}
	for _, f := range graphql.CollectFields(oc, doc.Operations[0].SelectionSet, []string{"Query"}) {
		for _, pf := range graphql.CollectFields(oc, f.Selections, satisfies("Person")) {
			if pf.Name == "links" {
				return oc, pf.Selections
			}
		}
	}
	t.Fatal("no links field under node")
	return nil, nil
}

func TestLinkProjection(t *testing.T) {
	cases := []struct {
		name        string
		links       string // the selection of Person.links
		link, other string // expected, comma-separated; "*" for whole records
	}{
		{"ids only", `{ totalCount edges { node { id other { id } } } }`,
			"confidence,id,operationId", "id,label,operationId"},
		{"the benchmark's entity and associates", `{ totalCount edges { node { id kind confidence
			other { id label ... on Person { givenNames familyName links(filter: {types: [ASSOCIATE_OF]}, first: 10) {
				totalCount edges { node { id kind confidence other { id label } } } } } } } } }`,
			"confidence,id,kind,operationId", "familyName,givenNames,id,label,operationId"},
		{"fields of several kinds and link properties", `{ edges { cursor node { __typename type count firstSeen sources { __typename }
			from { ... on Vehicle { vrm } } to { ... on Location { postcode } } } } pageInfo { hasNextPage } }`,
			"confidence,count,firstSeen,id,operationId,sources", "id,label,operationId,postcode,vrm"},
		{"an end asked again through its own links' from and to", `{ edges { node { other { id
			links(first: 5) { edges { node { from { ... on Person { pncId } } to { ... on Person { dateOfBirth } } other { ... on Person { aliases } } } } } } } } }`,
			"confidence,id,operationId", "dateOfBirth,id,label,operationId,pncId"},
		{"deeper still", `{ edges { node { other { links { edges { node { other { links { edges { node { from { ... on Person { description } } } } } } } } } } } } }`,
			"confidence,id,operationId", "id,label,operationId"},
		{"the end's operation and intelligence need only ids", `{ edges { node { other { operation { id } mentionedIn { totalCount } } } } }`,
			"confidence,id,operationId", "id,label,operationId"},
		{"every entity kind's own fields", `{ edges { node { other { ... on Event { kind occurredAt summary crimeNumber }
			... on CommsDevice { imei email } ... on Location { latitude locationKind: kind } ... on Organisation { name reference } } } } }`,
			"confidence,id,operationId", "crimeNumber,email,id,imei,kind,label,latitude,name,occurredAt,operationId,reference,summary"},
		// Event.classification is stored as crimeClassification: a name
		// that is not the property's means whole records.
		{"a field stored under another name means whole records", `{ edges { node { other { ... on Event { classification } } } } }`,
			"*", "*"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			oc, sel := linksSelection(t, `query($id: ID!) { node(id: $id) { ... on Person { links`+c.links+` } } }`)
			p := linkProjection(oc, sel)
			if c.link == "*" {
				if p != nil {
					t.Fatalf("projection %+v, want whole records", *p)
				}
				return
			}
			if p == nil {
				t.Fatal("whole records, want a projection")
			}
			if got := strings.Join(p.Link, ","); got != c.link {
				t.Errorf("link properties %s, want %s", got, c.link)
			}
			if got := strings.Join(p.Other, ","); got != c.other {
				t.Errorf("end properties %s, want %s", got, c.other)
			}
			if !slices.IsSorted(p.Link) || !slices.IsSorted(p.Other) {
				t.Error("projection not sorted: keys would differ for the same selection")
			}
		})
	}
}

// Only a model field filled straight from the property of the same name
// may be projected; anything else (a method, a resolver, a field this
// does not know) sends linkProjection back to whole records.
func TestStoredField(t *testing.T) {
	cases := []struct {
		t    reflect.Type
		name string
		want bool
	}{
		{reflect.TypeFor[model.Person](), "familyName", true},
		{reflect.TypeFor[model.Person](), "dateOfBirth", true},
		{reflect.TypeFor[model.Person](), "id", true},
		{reflect.TypeFor[model.Person](), "links", false},
		{reflect.TypeFor[model.Person](), "FamilyName", false},
		{reflect.TypeFor[model.Person](), "nonsense", false},
		{reflect.TypeFor[model.Event](), "classification", false},
		{reflect.TypeFor[model.Link](), "sources", true},
		{reflect.TypeFor[model.Link](), "from", false},
		{reflect.TypeFor[model.Link](), "other", false},
	}
	for _, c := range cases {
		if got := storedField(c.t, c.name); got != c.want {
			t.Errorf("storedField(%s, %q) = %v, want %v", c.t.Name(), c.name, got, c.want)
		}
	}
}
