package importer

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

// The planning rules, without a database: the store's answers are given
// as the typed records cypher.ImportTx hands back, and plan's decisions
// (what is created, changed, left alone or refused, and what each
// reference resolves to) are read off the write it returns.

const planOp = "op_plan"

// planActor is a member of planOp cleared to OFFICIAL_SENSITIVE.
func planActor(roles ...keyline.Role) *keyline.Actor {
	if len(roles) == 0 {
		roles = []keyline.Role{keyline.RoleAnalyst}
	}
	return &keyline.Actor{Subject: "plan-test", Roles: roles, Clearance: keyline.OfficialSensitive, Operations: []string{planOp}}
}

// planRow maps one row of kind as the importer does, numbered line.
func planRow(t *testing.T, kind string, line int, vals map[string]any) Row {
	t.Helper()
	r, _, err := mapRow(t, kind, vals)
	if err != nil {
		t.Fatalf("%s %v: %v", kind, vals, err)
	}
	r.Line = line
	return r
}

// storedAs is row node n as an earlier import stored it with id, as the
// store reads it back (lists as []any).
func storedAs(n Node, id string) map[string]any {
	p := map[string]any{"id": id, "operationId": planOp, "version": int64(1)}
	for _, m := range []map[string]any{n.CreateOnly, n.Fixed, n.Props} {
		for k, v := range m {
			switch x := v.(type) {
			case nil:
				delete(p, k)
			case []string:
				l := make([]any, len(x))
				for i := range x {
					l[i] = x[i]
				}
				p[k] = l
			default:
				p[k] = v
			}
		}
	}
	if n.Kind == keyline.KindIntelligenceItem {
		p["urn"] = n.Key
	} else {
		p["importRef"] = n.Key
	}
	p["label"], p["searchText"] = keyline.Describe(n.Kind, p)
	return p
}

func with(p map[string]any, kv ...any) map[string]any {
	p = maps.Clone(p)
	for i := 0; i < len(kv); i += 2 {
		p[kv[i].(string)] = kv[i+1]
	}
	return p
}

func nominal(ref, family string) map[string]any {
	return map[string]any{"sourceRef": ref, "givenNames": "Kerry", "familyName": family}
}

const planURN = "INT/PLAN/1"

func graded(urn string) map[string]any {
	return intelRow(urn, "OFFICIAL", "2", "B", "P", "seen at the unit")
}

// planOf plans rows for actor a against what setup puts in the store's
// answers.
func planOf(a *keyline.Actor, setup func(st *stored), rows ...Row) (cypher.ImportWrite, BatchResult) {
	st := newStored(a, planOp)
	if setup != nil {
		setup(&st)
	}
	b := Batch{OperationID: planOp, RunID: "imp_plan", File: "plan.csv", FileKind: "test", Rows: rows}
	if len(rows) > 0 {
		b.FirstLine, b.LastLine = rows[0].Line, rows[len(rows)-1].Line
	}
	return plan(a, b, st)
}

func TestPlanCreatesChangesOrLeavesAlone(t *testing.T) {
	person := func(t *testing.T, family string) Row { return planRow(t, "nominals", 2, nominal("N1", family)) }
	item := func(t *testing.T, vals map[string]any) Row { return planRow(t, "intelligence", 2, vals) }
	own := func(k keyline.Kind, n Node, id string, props map[string]any, rels ...cypher.ImportRel) func(*stored) {
		return func(st *stored) {
			st.addOwn(k, []cypher.ImportRecord{{Key: n.Key, Visible: true, Props: props, Rels: rels}})
		}
	}
	cases := []struct {
		name                       string
		actor                      *keyline.Actor
		row                        func(t *testing.T) Row
		setup                      func(t *testing.T, r Row) func(*stored)
		created, updated, unchange int
		// set is the change planned for the record (rec_1), when updated.
		set []string
	}{
		{name: "a new key is created", row: func(t *testing.T) Row { return person(t, "PRICE") }, created: 1},
		{name: "the same fields leave it alone", row: func(t *testing.T) Row { return person(t, "PRICE") },
			setup: func(t *testing.T, r Row) func(*stored) {
				return own(keyline.KindPerson, r.Nodes[0], "rec_1", storedAs(r.Nodes[0], "rec_1"))
			}, unchange: 1},
		{name: "a field the file does not give is kept", row: func(t *testing.T) Row { return person(t, "PRICE") },
			setup: func(t *testing.T, r Row) func(*stored) {
				return own(keyline.KindPerson, r.Nodes[0], "rec_1", with(storedAs(r.Nodes[0], "rec_1"), "description", "tall"))
			}, unchange: 1},
		{name: "a changed field is the change, with label and search text", row: func(t *testing.T) Row { return person(t, "PRYCE") },
			setup: func(t *testing.T, r Row) func(*stored) {
				return own(keyline.KindPerson, r.Nodes[0], "rec_1", with(storedAs(r.Nodes[0], "rec_1"), "familyName", "PRICE"))
			}, updated: 1, set: []string{"familyName", "label", "searchText"}},
		{name: "a date of birth compares by day", row: func(t *testing.T) Row {
			return planRow(t, "nominals", 2, with(nominal("N1", "PRICE"), "dateOfBirth", "1984-10-14"))
		}, setup: func(t *testing.T, r Row) func(*stored) {
			return own(keyline.KindPerson, r.Nodes[0], "rec_1", storedAs(r.Nodes[0], "rec_1"))
		}, unchange: 1},
		{name: "source text is not compared for who may not read it", row: func(t *testing.T) Row {
			return item(t, with(graded(planURN), "sourceText", "new words"))
		}, setup: func(t *testing.T, r Row) func(*stored) {
			return own(keyline.KindIntelligenceItem, r.Nodes[0], "rec_1", with(storedAs(r.Nodes[0], "rec_1"), "sourceText", "old words"))
		}, unchange: 1},
		{name: "source text is changed by who may read it", actor: planActor(keyline.RoleSIO), row: func(t *testing.T) Row {
			return item(t, with(graded(planURN), "sourceText", "new words"))
		}, setup: func(t *testing.T, r Row) func(*stored) {
			return own(keyline.KindIntelligenceItem, r.Nodes[0], "rec_1", with(storedAs(r.Nodes[0], "rec_1"), "sourceText", "old words"))
		}, updated: 1, set: []string{"label", "searchText", "sourceText"}},
		{name: "a mention the item has leaves it alone", row: func(t *testing.T) Row {
			return item(t, with(graded(planURN), "mentions", "N7:SUBJECT"))
		}, setup: func(t *testing.T, r Row) func(*stored) {
			return func(st *stored) {
				own(keyline.KindIntelligenceItem, r.Nodes[0], "rec_1", storedAs(r.Nodes[0], "rec_1"), cypher.ImportRel{Type: "MENTIONS", To: "per_7", Role: "SUBJECT"})(st)
				st.addRefs(keyline.KindPerson, cypher.ImportLookup{IDs: map[string]string{"N7": "per_7"}})
			}
		}, unchange: 1},
		{name: "a mention in another role changes the item", row: func(t *testing.T) Row {
			return item(t, with(graded(planURN), "mentions", "N7:ASSOCIATE"))
		}, setup: func(t *testing.T, r Row) func(*stored) {
			return func(st *stored) {
				own(keyline.KindIntelligenceItem, r.Nodes[0], "rec_1", storedAs(r.Nodes[0], "rec_1"), cypher.ImportRel{Type: "MENTIONS", To: "per_7", Role: "SUBJECT"})(st)
				st.addRefs(keyline.KindPerson, cypher.ImportLookup{IDs: map[string]string{"N7": "per_7"}})
			}
		}, updated: 1, set: []string{}},
		{name: "a vehicle entered by hand is adopted: given its import key", row: func(t *testing.T) Row {
			return planRow(t, "vehicles", 2, map[string]any{"vrm": "MA19 XYZ", "make": "Ford"})
		}, setup: func(t *testing.T, r Row) func(*stored) {
			return func(st *stored) {
				st.adopt(keyline.KindVehicle, []cypher.ImportRecord{{Key: "MA19XYZ", Visible: true,
					Props: map[string]any{"id": "rec_1", "operationId": planOp, "vrm": "MA19XYZ", "make": "Ford"}}}, cypher.ImportChanges)
			}
		}, updated: 1, set: []string{"importRef", "label", "searchText"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := c.actor
			if a == nil {
				a = planActor()
			}
			r := c.row(t)
			var setup func(*stored)
			if c.setup != nil {
				setup = c.setup(t, r)
			}
			w, res := planOf(a, setup, r)
			if res.Created != c.created || res.Updated != c.updated || res.Unchanged != c.unchange || len(res.Rejected) != 0 {
				t.Fatalf("created %d, updated %d, unchanged %d, rejected %v; want %d, %d, %d", res.Created, res.Updated, res.Unchanged, res.Rejected, c.created, c.updated, c.unchange)
			}
			n := r.Nodes[0]
			id := res.Resolved[n.Kind][n.Key]
			if id == "" {
				t.Fatalf("%s %s not resolved: %v", n.Kind, n.Key, res.Resolved)
			}
			var creates int
			for _, cs := range w.Creates {
				creates += len(cs)
			}
			if creates != c.created || len(w.Updates) != c.updated {
				t.Fatalf("writes %d creates and %d updates: %+v", creates, len(w.Updates), w)
			}
			switch {
			case c.created == 1:
				rec := w.Creates[n.Kind][0]
				if rec["id"] != id || rec["importRef"] != n.Key || rec["label"] == "" || rec["searchText"] == "" || rec["version"] != nil {
					t.Fatalf("new record: %v", rec)
				}
				if !slices.Equal(w.Audit.Records, []string{id}) {
					t.Fatalf("audit records %v, want the new id", w.Audit.Records)
				}
			case c.updated == 1:
				u := w.Updates[0]
				if got := slices.Sorted(maps.Keys(u.Set)); u.ID != "rec_1" || !slices.Equal(got, c.set) {
					t.Fatalf("change to %s: %v; want fields %v", u.ID, u.Set, c.set)
				}
				if !slices.Equal(w.Audit.Records, []string{"rec_1"}) {
					t.Fatalf("audit records %v", w.Audit.Records)
				}
			default:
				if len(w.Audit.Records) != 0 || len(w.Rels["MENTIONS"]) != 0 {
					t.Fatalf("an unchanged record written: %+v", w)
				}
			}
			if w.Audit.Created != c.created || w.Audit.Updated != c.updated || w.Audit.Unchanged != c.unchange || w.Audit.Rows != 1 {
				t.Fatalf("audit: %+v", w.Audit)
			}
		})
	}
}

func TestPlanRefuses(t *testing.T) {
	external := &keyline.Actor{Subject: "feed", Roles: []keyline.Role{keyline.RoleExternalSystem}, Clearance: keyline.Secret, Operations: []string{planOp}}
	hiddenOwn := func(k keyline.Kind, key string) func(*stored) {
		return func(st *stored) { st.addOwn(k, []cypher.ImportRecord{{Key: key, Visible: false}}) }
	}
	item := func(t *testing.T) Row { return planRow(t, "intelligence", 2, graded(planURN)) }
	storedItem := func(t *testing.T, props ...any) func(*stored) {
		return func(st *stored) {
			st.addOwn(keyline.KindIntelligenceItem, []cypher.ImportRecord{{Key: planURN, Visible: true, Props: with(storedAs(item(t).Nodes[0], "int_1"), props...)}})
		}
	}
	cases := []struct {
		name          string
		actor         *keyline.Actor
		rows          func(t *testing.T) []Row
		setup         func(t *testing.T) func(*stored)
		field, reason string
	}{
		{name: "a person key held by a hidden record",
			rows:   func(t *testing.T) []Row { return []Row{planRow(t, "nominals", 2, nominal("N1", "PRICE"))} },
			setup:  func(*testing.T) func(*stored) { return hiddenOwn(keyline.KindPerson, "N1") },
			reason: "a record with the same import reference already exists"},
		{name: "a URN held by a hidden item", rows: func(t *testing.T) []Row { return []Row{item(t)} },
			setup: func(*testing.T) func(*stored) { return hiddenOwn(keyline.KindIntelligenceItem, planURN) },
			field: "urn", reason: "a record with the same URN already exists"},
		{name: "a URN held by an item of another operation", rows: func(t *testing.T) []Row { return []Row{item(t)} },
			setup: func(t *testing.T) func(*stored) { return storedItem(t, "operationId", "op_other") },
			field: "urn", reason: "a record with the same URN already exists"},
		{name: "a URN held by an item above the clearance, whatever the store said", rows: func(t *testing.T) []Row { return []Row{item(t)} },
			setup: func(t *testing.T) func(*stored) { return storedItem(t, "classification", "SECRET") },
			field: "urn", reason: "a record with the same URN already exists"},
		{name: "a hidden item that disagrees tells nothing of its grade", rows: func(t *testing.T) []Row { return []Row{item(t)} },
			setup: func(t *testing.T) func(*stored) { return storedItem(t, "classification", "SECRET", "gradeSource", "1") },
			field: "urn", reason: "a record with the same URN already exists"},
		{name: "a grade the item does not have", rows: func(t *testing.T) []Row { return []Row{item(t)} },
			setup: func(t *testing.T) func(*stored) { return storedItem(t, "gradeSource", "1") },
			field: "gradeSource", reason: "is 1 in Keyline and an import does not change it (regrade through the API)"},
		{name: "a marking above the clearance", rows: func(t *testing.T) []Row {
			return []Row{planRow(t, "intelligence", 2, intelRow(planURN, "SECRET", "2", "B", "P", "seen"))}
		}, field: "classification", reason: "SECRET: you may not mark a record above your own clearance"},
		{name: "the marking is refused before a hidden record is", rows: func(t *testing.T) []Row {
			return []Row{planRow(t, "intelligence", 2, intelRow(planURN, "SECRET", "2", "B", "P", "seen"))}
		}, setup: func(*testing.T) func(*stored) { return hiddenOwn(keyline.KindIntelligenceItem, planURN) },
			field: "classification", reason: "SECRET: you may not mark a record above your own clearance"},
		{name: "a handling code the importer may not receive", actor: external, rows: func(t *testing.T) []Row {
			return []Row{planRow(t, "intelligence", 2, intelRow(planURN, "OFFICIAL", "2", "B", "C", "seen"))}
		}, field: "gradeHandling", reason: "you may not record material with handling code C"},
		{name: "a VRM entered by hand twice is ambiguous", rows: func(t *testing.T) []Row {
			return []Row{planRow(t, "vehicles", 2, map[string]any{"vrm": "KX66ABC"})}
		}, setup: func(*testing.T) func(*stored) {
			return func(st *stored) {
				v := func(id string) cypher.ImportRecord {
					return cypher.ImportRecord{Key: "KX66ABC", Visible: true, Props: map[string]any{"id": id, "operationId": planOp, "vrm": "KX66ABC"}}
				}
				st.adopt(keyline.KindVehicle, []cypher.ImportRecord{v("veh_1"), v("veh_2")}, cypher.ImportChanges)
			}
		}, reason: `2 vehicle records with "KX66ABC" were entered in Keyline: merge them there, then import again`},
		{name: "call data naming a number held by a hidden phone", rows: func(t *testing.T) []Row {
			return []Row{planRow(t, "contacts", 2, map[string]any{"fromNumber": "07700900001", "toNumber": "07700900002", "sourceUrn": planURN})}
		}, setup: func(*testing.T) func(*stored) {
			return func(st *stored) {
				st.addRefs(keyline.KindCommsDevice, cypher.ImportLookup{IDs: map[string]string{"+447700900002": "com_2"}, Hidden: []string{"+447700900001"}})
				st.addItems([]cypher.ImportItem{{URN: planURN, ID: "int_1", Marking: keyline.Marking{OperationID: planOp}}})
			}
		}, reason: "a record with the same import reference already exists"},
		{name: "the same key twice in a batch", rows: func(t *testing.T) []Row {
			return []Row{planRow(t, "nominals", 2, nominal("N1", "PRICE")), planRow(t, "nominals", 3, nominal("N1", "PRYCE"))}
		}, reason: `same key "N1" as line 2`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := c.actor
			if a == nil {
				a = planActor()
			}
			var setup func(*stored)
			if c.setup != nil {
				setup = c.setup(t)
			}
			rows := c.rows(t)
			w, res := planOf(a, setup, rows...)
			last := rows[len(rows)-1]
			want := Reject{File: "plan.csv", Line: last.Line, Field: c.field, Reason: c.reason}
			if len(res.Rejected) != 1 || res.Rejected[0] != want {
				t.Fatalf("rejected %+v; want %+v", res.Rejected, want)
			}
			if !slices.Equal(w.Audit.RejectedLines, []int{last.Line}) {
				t.Fatalf("audit rejected lines %v", w.Audit.RejectedLines)
			}
			// Nothing of the refused row is written.
			written := res.Created + res.Updated + res.Unchanged + len(w.Links["CONTACTED"])
			if written != len(rows)-1 {
				t.Fatalf("the refused row was planned: %+v %+v", res, w)
			}
		})
	}
}

func TestPlanResolvesReferences(t *testing.T) {
	const src = "INT/PLAN/SRC"
	source := func(st *stored) {
		st.addItems([]cypher.ImportItem{{URN: src, ID: "int_src", Marking: keyline.Marking{OperationID: planOp, Classification: keyline.Official}}})
	}
	address := func(t *testing.T, line int, personRef string) Row {
		return planRow(t, "addresses", line, map[string]any{"sourceRef": "L1", "address": "1 High Street", "personRef": personRef, "sourceUrn": src})
	}
	phone := func(t *testing.T, line int, userRef string) Row {
		return planRow(t, "phones", line, map[string]any{"number": "07700900001", "userRef": userRef, "sourceUrn": src})
	}
	cases := []struct {
		name  string
		rows  func(t *testing.T) []Row
		setup func(*stored)
		// from names the link's expected start: an id, or "new:KEY" for the
		// record the batch creates with that key.
		from, to      string
		field, reason string
	}{
		{name: "a stored person", rows: func(t *testing.T) []Row { return []Row{address(t, 2, "N1")} },
			setup: func(st *stored) {
				source(st)
				st.addRefs(keyline.KindPerson, cypher.ImportLookup{IDs: map[string]string{"N1": "per_1"}})
			}, from: "per_1", to: "new:L1"},
		{name: "a person known from an earlier batch", rows: func(t *testing.T) []Row { return []Row{phone(t, 2, "N1")} },
			setup: func(st *stored) {
				source(st)
				st.refs[keyline.KindPerson] = map[string]string{"N1": "per_9"}
			}, from: "per_9", to: "new:+447700900001"},
		{name: "a person the batch creates on an earlier line", rows: func(t *testing.T) []Row {
			return []Row{planRow(t, "nominals", 2, nominal("N1", "PRICE")), address(t, 3, "N1")}
		}, setup: source, from: "new:N1", to: "new:L1"},
		{name: "a person nobody holds", rows: func(t *testing.T) []Row { return []Row{address(t, 2, "N9")} }, setup: source,
			field: "personRef", reason: `no person with import reference "N9" in this operation`},
		{name: "a hidden person looks missing", rows: func(t *testing.T) []Row { return []Row{address(t, 2, "N9")} },
			setup: func(st *stored) {
				source(st)
				st.addRefs(keyline.KindPerson, cypher.ImportLookup{IDs: map[string]string{}, Hidden: []string{"N9"}})
			}, field: "personRef", reason: `no person with import reference "N9" in this operation`},
		{name: "a source nobody holds", rows: func(t *testing.T) []Row { return []Row{address(t, 2, "N1")} },
			setup: func(st *stored) {
				st.addRefs(keyline.KindPerson, cypher.ImportLookup{IDs: map[string]string{"N1": "per_1"}})
			}, field: "sourceUrn", reason: `no intelligence item with URN "INT/PLAN/SRC" in this operation`},
		{name: "a source above the clearance looks missing", rows: func(t *testing.T) []Row { return []Row{address(t, 2, "N1")} },
			setup: func(st *stored) {
				st.addItems([]cypher.ImportItem{{URN: src, ID: "int_src", Marking: keyline.Marking{OperationID: planOp, Classification: keyline.Secret}}})
				st.addRefs(keyline.KindPerson, cypher.ImportLookup{IDs: map[string]string{"N1": "per_1"}})
			}, field: "sourceUrn", reason: `no intelligence item with URN "INT/PLAN/SRC" in this operation`},
		{name: "a mention naming both a person and a location", rows: func(t *testing.T) []Row {
			return []Row{planRow(t, "intelligence", 2, with(graded(planURN), "mentions", "X1:SUBJECT"))}
		}, setup: func(st *stored) {
			st.addRefs(keyline.KindPerson, cypher.ImportLookup{IDs: map[string]string{"X1": "per_1"}})
			st.addRefs(keyline.KindLocation, cypher.ImportLookup{IDs: map[string]string{"X1": "loc_1"}})
		}, field: "mentions", reason: `"X1" names both a Person and a Location: prefix it with the kind`},
		{name: "a mention of a hand-entered phone adopted as a reference", rows: func(t *testing.T) []Row {
			return []Row{planRow(t, "intelligence", 2, with(graded(planURN), "mentions", "PHONE:07700900001:USER"))}
		}, setup: func(st *stored) {
			st.adopt(keyline.KindCommsDevice, []cypher.ImportRecord{{Key: "+447700900001", Visible: true,
				Props: map[string]any{"id": "com_1", "operationId": planOp}}}, cypher.ImportJoins)
		}, from: "new:" + planURN, to: "com_1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows := c.rows(t)
			w, res := planOf(planActor(), c.setup, rows...)
			last := rows[len(rows)-1]
			if c.reason != "" {
				want := Reject{File: "plan.csv", Line: last.Line, Field: c.field, Reason: c.reason}
				if len(res.Rejected) != 1 || res.Rejected[0] != want {
					t.Fatalf("rejected %+v; want %+v", res.Rejected, want)
				}
				var links int
				for _, l := range w.Links {
					links += len(l)
				}
				if res.Created != len(rows)-1 || links != 0 {
					t.Fatalf("the refused row was planned: %+v %+v", res, w)
				}
				return
			}
			if len(res.Rejected) != 0 {
				t.Fatalf("rejected %+v", res.Rejected)
			}
			id := func(s string) string {
				if key, ok := strings.CutPrefix(s, "new:"); ok {
					for _, ids := range res.Resolved {
						if id := ids[key]; id != "" {
							return id
						}
					}
					t.Fatalf("%s not resolved: %v", key, res.Resolved)
				}
				return s
			}
			var from, to string
			switch {
			case len(last.Links) == 1:
				l := w.Links[last.Links[0].Type]
				if len(l) != 1 || l[0].SourceID != "int_src" || l[0].Create["id"] == nil {
					t.Fatalf("links: %+v", w.Links)
				}
				from, to = l[0].FromID, l[0].ToID
			default:
				r := w.Rels["MENTIONS"]
				if len(r) != 1 || r[0].Props["role"] != "USER" {
					t.Fatalf("mentions: %+v", w.Rels)
				}
				from, to = r[0].FromID, r[0].ToID
			}
			if from != id(c.from) || to != id(c.to) {
				t.Fatalf("%s -> %s; want %s -> %s", from, to, id(c.from), id(c.to))
			}
		})
	}
}

// Call data joins the numbers it names, writes nothing of them, and takes
// a row that is one contact as that contact's time.
func TestPlanCallDataJoinsNumbers(t *testing.T) {
	at := time.Date(2026, 4, 1, 9, 30, 0, 0, time.UTC)
	row := planRow(t, "contacts", 2, map[string]any{"fromNumber": "07700900001", "toNumber": "07700900002", "sourceUrn": planURN,
		"firstSeen": at.Format(time.RFC3339)})
	w, res := planOf(planActor(), func(st *stored) {
		st.addRefs(keyline.KindCommsDevice, cypher.ImportLookup{IDs: map[string]string{"+447700900001": "com_1"}})
		st.addItems([]cypher.ImportItem{{URN: planURN, ID: "int_1", Marking: keyline.Marking{OperationID: planOp}}})
	}, row)
	if res.Created != 1 || res.Updated+res.Unchanged != 0 || len(res.Rejected) != 0 {
		t.Fatalf("%+v", res)
	}
	created := w.Creates[keyline.KindCommsDevice]
	if len(created) != 1 || created[0]["importRef"] != "+447700900002" {
		t.Fatalf("creates: %v", created)
	}
	l := w.Links["CONTACTED"]
	if len(l) != 1 || l[0].FromID != "com_1" || l[0].ToID != created[0]["id"] || l[0].SourceID != "int_1" ||
		!l[0].ContactAt.Equal(at) || !l[0].FirstSeen.Equal(at) || !l[0].HasCount || l[0].Count != 1 || l[0].Create["count"] != nil {
		t.Fatalf("link: %+v", l)
	}
	if res.Resolved[keyline.KindCommsDevice]["+447700900001"] != "com_1" {
		t.Fatalf("resolved: %v", res.Resolved)
	}
}

func TestSameValue(t *testing.T) {
	day := time.Date(1984, 10, 14, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		stored, given any
		same          bool
	}{
		{keyline.Date{Time: day}, keyline.Date{Time: day}, true},
		{keyline.Date{Time: day}, keyline.Date{Time: day.AddDate(0, 0, 1)}, false},
		{"1984-10-14", keyline.Date{Time: day}, false},
		{day, day.In(time.FixedZone("BST", 3600)), true},
		{day, day.Add(time.Second), false},
		{[]any{"A", "B"}, []string{"A", "B"}, true},
		{[]any{"A"}, []string{"A", "B"}, false},
		{nil, []string{}, false},
		{int64(3), 3, true},
		{int64(3), 4, false},
		{nil, 0, false},
		{0.6, 0.6, true},
		{int64(1), 1.0, false},
		{nil, nil, true},
		{"x", nil, false},
		{"PRICE", "PRICE", true},
		{"PRICE", "PRYCE", false},
	}
	for _, c := range cases {
		if got := sameValue(c.stored, c.given); got != c.same {
			t.Errorf("sameValue(%#v, %#v) = %v, want %v", c.stored, c.given, got, c.same)
		}
	}
}

// read asks the store only for what it does not know: keys an earlier
// batch resolved are not looked up, and a batch assumed new reads none of
// its own keys (vehicles and phones, which may join a record entered by
// hand, are always read).
func TestReadAsksOnlyForWhatItDoesNotKnow(t *testing.T) {
	row := func(t *testing.T) []Row {
		return []Row{
			planRow(t, "nominals", 2, nominal("N1", "PRICE")),
			planRow(t, "phones", 3, map[string]any{"number": "07700900001", "userRef": "N2", "sourceUrn": planURN}),
			planRow(t, "contacts", 4, map[string]any{"fromNumber": "07700900001", "toNumber": "07700900002", "sourceUrn": planURN}),
		}
	}
	known := func(k keyline.Kind, key string) (string, bool) {
		if k == keyline.KindPerson && key == "N2" {
			return "per_2", true
		}
		return "", false
	}
	for _, c := range []struct {
		name      string
		assumeNew bool
		known     func(keyline.Kind, string) (string, bool)
		want      []string
	}{
		{name: "everything", want: []string{"existing CommsDevice [+447700900001]", "existing Person [N1]", "items [INT/PLAN/1]",
			"lookup CommsDevice [+447700900002]", "lookup Person [N2]", "unkeyed CommsDevice [+447700900001] true", "unkeyed CommsDevice [+447700900002] false"}},
		{name: "known references", known: known, want: []string{"existing CommsDevice [+447700900001]", "existing Person [N1]", "items [INT/PLAN/1]",
			"lookup CommsDevice [+447700900002]", "unkeyed CommsDevice [+447700900001] true", "unkeyed CommsDevice [+447700900002] false"}},
		{name: "assumed new", assumeNew: true, known: known, want: []string{"existing CommsDevice [+447700900001]", "items [INT/PLAN/1]",
			"lookup CommsDevice [+447700900002]", "unkeyed CommsDevice [+447700900001] true", "unkeyed CommsDevice [+447700900002] false"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			tx := &askedTx{}
			b := Batch{OperationID: planOp, Rows: row(t), Known: c.known, AssumeNew: c.assumeNew}
			if _, err := read(t.Context(), tx, planActor(), b); err != nil {
				t.Fatal(err)
			}
			slices.Sort(tx.asked)
			if !slices.Equal(tx.asked, c.want) {
				t.Fatalf("asked\n%s\nwant\n%s", strings.Join(tx.asked, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// askedTx records what read asks of the store and finds nothing.
type askedTx struct{ asked []string }

func (x *askedTx) Existing(_ context.Context, k keyline.Kind, keys []string) ([]cypher.ImportRecord, error) {
	x.asked = append(x.asked, fmt.Sprintf("existing %s %v", k, keys))
	return nil, nil
}

func (x *askedTx) Unkeyed(_ context.Context, k keyline.Kind, keys []string, use cypher.ImportUse) ([]cypher.ImportRecord, error) {
	x.asked = append(x.asked, fmt.Sprintf("unkeyed %s %v %v", k, keys, use))
	return nil, nil
}

func (x *askedTx) Lookup(_ context.Context, k keyline.Kind, keys []string) (cypher.ImportLookup, error) {
	x.asked = append(x.asked, fmt.Sprintf("lookup %s %v", k, keys))
	return cypher.ImportLookup{}, nil
}

func (x *askedTx) Items(_ context.Context, urns []string) ([]cypher.ImportItem, error) {
	x.asked = append(x.asked, fmt.Sprintf("items %v", urns))
	return nil, nil
}

// BenchmarkPlan plans a batch of DefaultBatchSize nominals, first against
// nothing stored (a first import: every row a create), then against every
// record stored as the rows give it (a re-run: every row unchanged): the
// importer's own CPU per batch, apart from reading and writing.
func BenchmarkPlan(b *testing.B) {
	a := planActor()
	var rows []Row
	k := kinds["nominals"]
	for i := range DefaultBatchSize {
		vals, lerr := jsonValues(k, map[string]any{"sourceRef": fmt.Sprintf("N%07d", i), "givenNames": "Daniel", "familyName": "SHAW",
			"dateOfBirth": "1984-10-14", "aliases": "Danny;DJ"})
		if lerr != nil {
			b.Fatal(lerr)
		}
		r := &row{vals: vals}
		out, _ := k.build(r, &mapCtx{now: time.Now()})
		if r.err != nil {
			b.Fatal(r.err)
		}
		out.Line = i + 2
		rows = append(rows, out)
	}
	batch := Batch{OperationID: planOp, File: "nominals.csv", Rows: rows}
	rerun := newStored(a, planOp)
	for i, r := range rows {
		n := r.Nodes[0]
		rerun.addOwn(n.Kind, []cypher.ImportRecord{{Key: n.Key, Visible: true, Props: storedAs(n, fmt.Sprintf("per_%d", i))}})
	}
	for _, c := range []struct {
		name    string
		st      func() stored
		created int
	}{
		{"new", func() stored { return newStored(a, planOp) }, len(rows)},
		{"unchanged", func() stored { return rerun }, 0},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, res := plan(a, batch, c.st()); res.Created != c.created || len(res.Rejected) != 0 {
					b.Fatalf("%+v", res)
				}
			}
			b.ReportMetric(float64(len(rows))*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
