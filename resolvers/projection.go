package resolvers

import (
	"reflect"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
)

// Projected link reads.
//
// An entity's links page used to bring back every property of every link
// and of every far end (a person's search text, import key, aliases, ...)
// whatever the selection asked: for an entity, its associates and theirs,
// 110 whole records decoded to fill a few fields. linkProjection reads the
// links field's selection and names the properties it needs, so links_of
// returns only those. It vouches only for what it understands: a field
// that is a stored property of the model (same name), the fields that
// need just the id (links, mentionedIn, operation), and the ends. Anything
// else anywhere below (a field computed from several properties, a field
// it does not know) means whole records, as before.
//
// A far end may be asked again below: through its own links' from and to
// (the end itself, the viewpoint of the next level). Those selections are
// folded into what the end needs, however deep, so the model decoded from
// the projected record serves every field asked of it. Projected records
// are used only for the response subtree that asked for them: link pages
// are remembered under a key that includes the projection, and link ends
// never enter the request's node cache.

// Always read: what identifies a record and what scope and labels rely on.
var (
	alwaysLinkProps  = []string{"id", "operationId", "confidence"}
	alwaysEntityProp = []string{"id", "operationId", "label"}
)

// linkProjection returns the properties a LinkConnection selection needs
// of its links and of their far ends, or nil for whole records.
func linkProjection(oc *graphql.OperationContext, conn ast.SelectionSet) *cypher.Projection {
	link, other := setOf(alwaysLinkProps), setOf(alwaysEntityProp)
	for _, cf := range graphql.CollectFields(oc, conn, satisfies("LinkConnection")) {
		switch cf.Name {
		case "__typename", "totalCount", "pageInfo":
		case "edges":
			for _, ef := range graphql.CollectFields(oc, cf.Selections, satisfies("LinkEdge")) {
				switch ef.Name {
				case "__typename", "cursor":
				case "node":
					if !linkNeeds(oc, ef.Selections, link, other) {
						return nil
					}
				default:
					return nil
				}
			}
		default:
			return nil
		}
	}
	return &cypher.Projection{Link: sortedSet(link), Other: sortedSet(other)}
}

// linkNeeds adds what a Link selection needs of the link and of its ends.
func linkNeeds(oc *graphql.OperationContext, sel ast.SelectionSet, link, ends map[string]bool) bool {
	for _, lf := range graphql.CollectFields(oc, sel, satisfies("Link")) {
		switch lf.Name {
		case "__typename", "type": // type comes from the relationship itself
		case "from", "to", "other":
			if !entityNeeds(oc, lf.Selections, ends) {
				return false
			}
		default:
			if !storedField(reflect.TypeFor[model.Link](), lf.Name) {
				return false
			}
			link[lf.Name] = true
		}
	}
	return true
}

// entityNeeds adds what an Entity selection needs of the entity.
func entityNeeds(oc *graphql.OperationContext, sel ast.SelectionSet, need map[string]bool) bool {
	for _, k := range keyline.EntityKinds {
		t := reflect.TypeOf(newModel(k)).Elem()
		for _, f := range graphql.CollectFields(oc, sel, satisfies(string(k))) {
			switch f.Name {
			case "__typename", "mentionedIn", "operation": // by id and operationId
			case "links":
				// Its links' from or to may be this very entity again.
				ok := true
				for _, cf := range graphql.CollectFields(oc, f.Selections, satisfies("LinkConnection")) {
					for _, ef := range graphql.CollectFields(oc, cf.Selections, satisfies("LinkEdge")) {
						for _, lf := range graphql.CollectFields(oc, ef.Selections, satisfies("Link")) {
							if lf.Name == "from" || lf.Name == "to" {
								ok = ok && entityNeeds(oc, lf.Selections, need)
							}
						}
					}
				}
				if !ok {
					return false
				}
			default:
				if !storedField(t, f.Name) {
					return false
				}
				need[f.Name] = true
			}
		}
	}
	return true
}

// storedField reports whether name is a field of model type t filled
// straight from the stored property of the same name.
func storedField(t reflect.Type, name string) bool {
	fp, ok := planOf(t).fields[name]
	return ok && fp.set != nil
}

func setOf(names []string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// projectionKey identifies a projection in a loader key.
func projectionKey(p *cypher.Projection) string {
	if p == nil {
		return "*"
	}
	return strings.Join(p.Link, ",") + "|" + strings.Join(p.Other, ",")
}
