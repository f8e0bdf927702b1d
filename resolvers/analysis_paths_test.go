package resolvers_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/keyline/keyline"
)

// Issue 13, defects 3 and 4: paths are routes (sequences of entities),
// each step listing every link joining its pair, and maxDegree counts an
// entity's links only. The graphs and answers, worked by hand, are in
// testdata/analysis/paths_routes.json (and .md).

type pathsCase struct {
	Graphs []struct {
		Name     string
		Entities map[string]string
		Items    map[string]struct {
			Classification string
			Mentions       []string
		}
		Links     [][4]string
		Questions []struct {
			Name      string
			As        string
			From, To  string
			Mode      string
			K         int
			Limit     int
			Filter    map[string]any
			Routes    []string
			Truncated bool
			Steps     map[string][][]string
		}
	}
}

func TestPathsRoutesAndHubs(t *testing.T) {
	var tc pathsCase
	readAnalysisCase(t, "paths_routes.json", &tc)
	for _, g := range tc.Graphs {
		t.Run(g.Name, func(t *testing.T) {
			w := newWorld(t)
			id, name := map[string]string{}, map[string]string{}
			for _, n := range slices.Sorted(func(yield func(string) bool) {
				for k := range g.Entities {
					if !yield(k) {
						return
					}
				}
			}) {
				var mut, typ string
				in := map[string]any{}
				switch g.Entities[n] {
				case "PERSON":
					mut, typ, in["givenNames"], in["familyName"] = "createPerson", "CreatePersonInput", n, "Route"
				case "VEHICLE":
					mut, typ, in["vrm"] = "createVehicle", "CreateVehicleInput", "CX19KLM"
				case "LOCATION":
					mut, typ, in["address"], in["postcode"] = "createLocation", "CreateLocationInput", n+" Route Street", "L8 1AB"
				default:
					t.Fatalf("kind %s", g.Entities[n])
				}
				id[n] = w.create(t, w.analyst, mut, typ, in)
				name[id[n]] = n
			}
			for _, n := range slices.Sorted(func(yield func(string) bool) {
				for k := range g.Items {
					if !yield(k) {
						return
					}
				}
			}) {
				it := g.Items[n]
				var mentions []map[string]any
				for _, m := range it.Mentions {
					mentions = append(mentions, map[string]any{"entityId": id[m], "role": "SUBJECT"})
				}
				id[n] = w.create(t, w.analyst, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
					"sourceType": "SURVEILLANCE", "grading": map[string]any{"source": "1", "assessment": "B", "handling": "P"},
					"classification": it.Classification, "sanitisedText": "Route test " + n, "mentions": mentions})
			}
			for _, l := range g.Links {
				w.env.Do(w.analyst, `mutation($t: LinkType!, $a: ID!, $b: ID!, $i: ID!) { link(input: {type: $t, fromId: $a, toId: $b, confidence: 0.8,
					firstSeen: "2026-02-01T00:00:00Z", lastSeen: "2026-03-01T00:00:00Z", sourceIds: [$i]}) { id } }`,
					map[string]any{"t": l[0], "a": id[l[1]], "b": id[l[2]], "i": id[l[3]]}).NoErrors()
			}
			actors := map[string]*keyline.Actor{"analyst": w.analyst, "lowClearance": w.lowClearance}
			q := `query($in: PathsInput!) { paths(input: $in) { truncated paths { length nodes { id } links { type }
				steps { from { id } to { id } links { type from { id } to { id } } } } } }`
			for _, qn := range g.Questions {
				t.Run(qn.Name, func(t *testing.T) {
					in := map[string]any{"fromId": id[qn.From], "toId": id[qn.To], "mode": qn.Mode}
					if qn.K > 0 {
						in["k"] = qn.K
					}
					if qn.Limit > 0 {
						in["limit"] = qn.Limit
					}
					if qn.Filter != nil {
						in["filter"] = qn.Filter
					}
					res := w.env.Do(actors[qn.As], q, map[string]any{"in": in}).NoErrors()
					var got []string
					lengths := []int{}
					for i, p := range res.Path("paths", "paths").([]any) {
						var names []string
						for _, n := range p.(map[string]any)["nodes"].([]any) {
							names = append(names, name[n.(map[string]any)["id"].(string)])
						}
						route := strings.Join(names, "-")
						got = append(got, route)
						lengths = append(lengths, res.Int("paths", "paths", i, "length"))
						if l := len(res.Path("paths", "paths", i, "links").([]any)); l != len(names)-1 {
							t.Errorf("%s: %d links for %d steps", route, l, len(names)-1)
						}
						steps := res.Path("paths", "paths", i, "steps").([]any)
						if len(steps) != len(names)-1 {
							t.Fatalf("%s: %d steps", route, len(steps))
						}
						for s := range steps {
							from, to := name[res.Str("paths", "paths", i, "steps", s, "from", "id")], name[res.Str("paths", "paths", i, "steps", s, "to", "id")]
							if from != names[s] || to != names[s+1] {
								t.Errorf("%s step %d: %s to %s", route, s, from, to)
							}
							var types []string
							for j, l := range res.Path("paths", "paths", i, "steps", s, "links").([]any) {
								types = append(types, l.(map[string]any)["type"].(string))
								ends := []string{name[res.Str("paths", "paths", i, "steps", s, "links", j, "from", "id")], name[res.Str("paths", "paths", i, "steps", s, "links", j, "to", "id")]}
								slices.Sort(ends)
								want := []string{from, to}
								slices.Sort(want)
								if !slices.Equal(ends, want) {
									t.Errorf("%s step %d: link joins %v", route, s, ends)
								}
							}
							if len(types) == 0 {
								t.Errorf("%s step %d: no links", route, s)
							}
							if want, ok := qn.Steps[route]; ok && !slices.Equal(types, want[s]) {
								t.Errorf("%s step %d: links %v, want %v", route, s, types, want[s])
							}
							followed := res.Str("paths", "paths", i, "links", s, "type")
							if !slices.Contains(types, followed) {
								t.Errorf("%s step %d: the link followed (%s) is not among the step's %v", route, s, followed, types)
							}
						}
					}
					if !slices.IsSorted(lengths) {
						t.Errorf("routes not shortest first: %v %v", got, lengths)
					}
					if !sameRoutes(got, qn.Routes) {
						t.Errorf("routes %v, want %v (%s)", got, qn.Routes, res)
					}
					if res.Path("paths", "truncated") != qn.Truncated {
						t.Errorf("truncated %v, want %v", res.Path("paths", "truncated"), qn.Truncated)
					}
				})
			}
		})
	}
}

// sameRoutes compares routes given shortest first, where routes of equal
// length may come in either order.
func sameRoutes(got, want []string) bool {
	key := func(rs []string) []string {
		out := slices.Clone(rs)
		slices.SortStableFunc(out, func(a, b string) int {
			if d := strings.Count(a, "-") - strings.Count(b, "-"); d != 0 {
				return d
			}
			return strings.Compare(a, b)
		})
		return out
	}
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if strings.Count(got[i], "-") != strings.Count(want[i], "-") {
			return false
		}
	}
	return slices.Equal(key(got), key(want))
}
