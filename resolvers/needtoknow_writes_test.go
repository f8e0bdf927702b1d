package resolvers_test

import (
	"strings"
	"testing"

	"github.com/keyline/keyline"
)

// Issue #12, defects 1, 7 and 8: a mutation naming a record the caller
// cannot see answers NOT_FOUND exactly as for a record that does not
// exist, and returns nothing of it; a hidden item cannot be cited as a
// link's source; nobody writes above their own clearance or a handling
// code they may not receive; a link resting only on hidden material is
// hidden, and an edit of its sources keeps those the editor cannot see.
func TestNeedToKnowOnWrites(t *testing.T) {
	w := newWorld(t)
	investigator := w.env.Officer(keyline.RoleInvestigator, keyline.OfficialSensitive)
	external := w.env.Officer(keyline.RoleExternalSystem, keyline.TopSecret)
	for _, o := range []*keyline.Actor{investigator, external} {
		w.env.Do(w.sio, `mutation($op: ID!, $o: ID!) { addOperationMember(operationId: $op, officerId: $o) { id } }`,
			map[string]any{"op": w.op, "o": o.OfficerID}).NoErrors()
	}
	per := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Ann", "familyName": "Lee"})
	other := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Bo", "familyName": "Kay"})
	item := func(class, handling string) string {
		g := map[string]any{"source": "1", "assessment": "B", "handling": handling}
		if handling == "C" {
			g["conditions"] = "SOCU only"
		}
		return w.create(t, w.sio, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
			"sourceType": "CHIS", "classification": class, "grading": g,
			"sanitisedText": "CANARY sanitised " + class + handling, "sourceText": "CANARY source " + class + handling,
			"mentions": []map[string]any{{"entityId": per, "role": "SUBJECT"}}})
	}
	secret, coded, open := item("SECRET", "P"), item("OFFICIAL", "C"), item("OFFICIAL", "P")
	missing := keyline.NewID(keyline.KindIntelligenceItem)

	// 1. Mutation results: the same answer as for a record that does not
	// exist, and nothing of the item.
	notFound := func(a *keyline.Actor, mutation string, vars map[string]any, hidden string) {
		t.Helper()
		res := w.env.Do(a, mutation, vars)
		vars2 := map[string]any{}
		for k, v := range vars {
			vars2[k] = v
			if v == hidden {
				vars2[k] = missing
			}
		}
		ref := w.env.Do(a, mutation, vars2)
		if res.Code() != "NOT_FOUND" || ref.Code() != "NOT_FOUND" {
			t.Errorf("%s on a hidden record: %s; on a missing one: %s", mutation, res, ref)
		}
		if got, want := strings.ReplaceAll(res.String(), hidden, "ID"), strings.ReplaceAll(ref.String(), missing, "ID"); got != want {
			t.Errorf("a hidden record answers differently from a missing one:\n%s\n%s", got, want)
		}
		if strings.Contains(res.String(), "CANARY") || strings.Contains(res.String(), "SOCU only") {
			t.Errorf("a refused mutation returned the item: %s", res)
		}
	}
	add := `mutation($i: ID!, $e: ID!) { addMention(itemId: $i, entityId: $e, role: "ASSOCIATE") { id classification sanitisedText grading { code conditions } } }`
	remove := `mutation($i: ID!, $e: ID!) { removeMention(itemId: $i, entityId: $e) { id classification sanitisedText } }`
	update := `mutation($i: ID!) { updateIntelligenceItem(id: $i, expectedVersion: 1, input: {sanitisedText: "x"}) { id sanitisedText } }`
	for _, c := range []struct {
		who    *keyline.Actor
		hidden string
	}{{investigator, secret}, {external, coded}} {
		notFound(c.who, add, map[string]any{"i": c.hidden, "e": other}, c.hidden)
		notFound(c.who, remove, map[string]any{"i": c.hidden, "e": per}, c.hidden)
		notFound(c.who, update, map[string]any{"i": c.hidden}, c.hidden)
	}
	// The item is as it was: no mention added or removed, no new version.
	sio := w.env.Do(w.sio, `query($s: ID!, $c: ID!) { s: node(id: $s) { ... on IntelligenceItem { version mentions { role } } }
		c: node(id: $c) { ... on IntelligenceItem { version mentions { role } } } }`, map[string]any{"s": secret, "c": coded}).NoErrors()
	for _, k := range []string{"s", "c"} {
		if sio.Int(k, "version") != 1 || len(sio.Path(k, "mentions").([]any)) != 1 {
			t.Errorf("a refused mutation changed the item: %s", sio)
		}
	}
	// A visible item's mutation still answers.
	w.env.Do(investigator, add, map[string]any{"i": open, "e": other}).NoErrors()

	// 7. Citing a hidden item as a link's source answers as a missing one.
	link := `mutation($p: ID!, $q: ID!, $i: ID!) { link(input: {type: ASSOCIATE_OF, fromId: $p, toId: $q, kind: "criminal", confidence: 0.7, sourceIds: [$i]}) { id } }`
	notFound(investigator, link, map[string]any{"p": per, "q": other, "i": secret}, secret)
	notFound(external, link, map[string]any{"p": per, "q": other, "i": coded}, coded)

	// 8. Writing above one's own clearance, or a handling code one may not
	// receive, is refused and writes nothing.
	create := func(a *keyline.Actor, class, handling string) string {
		g := map[string]any{"source": "2", "assessment": "C", "handling": handling}
		if handling == "C" {
			g["conditions"] = "SOCU only"
		}
		return w.env.Do(a, `mutation($in: CreateIntelligenceItemInput!) { createIntelligenceItem(input: $in) { id } }`,
			map[string]any{"in": map[string]any{"operationId": w.op, "sourceType": "OPEN_SOURCE", "classification": class,
				"grading": g, "sanitisedText": "above"}}).Code()
	}
	if got := create(investigator, "SECRET", "P"); got != "FORBIDDEN" {
		t.Errorf("OFFICIAL-SENSITIVE investigator writing SECRET: %s", got)
	}
	if got := create(external, "OFFICIAL", "C"); got != "FORBIDDEN" {
		t.Errorf("external system writing a C-coded item: %s", got)
	}
	if got := create(investigator, "OFFICIAL_SENSITIVE", "P"); got != "" {
		t.Errorf("investigator writing at their clearance: %s", got)
	}
	regrade := w.env.Do(investigator, `mutation($i: ID!) { updateIntelligenceItem(id: $i, expectedVersion: 2, input: {classification: SECRET}) { id } }`,
		map[string]any{"i": open})
	if regrade.Code() != "FORBIDDEN" {
		t.Errorf("regrading above one's clearance: %s", regrade)
	}
	if n := w.env.Do(investigator, `query($op: ID!) { operation(id: $op) { intelligenceItems { totalCount } } }`, map[string]any{"op": w.op}).NoErrors().
		Int("operation", "intelligenceItems", "totalCount"); n != 3 {
		// open, coded (OFFICIAL, C: the investigator receives C) and the
		// one written at their clearance; never SECRET.
		t.Errorf("investigator sees %d items, want 3", n)
	}

	// 7. Links: one resting on the SECRET item alone is hidden from the
	// OFFICIAL-SENSITIVE investigator everywhere; one resting on both is
	// shown with the visible source only; an edit of its sources by the
	// investigator keeps the SECRET one.
	hiddenLink := w.env.Do(w.sio, link, map[string]any{"p": per, "q": other, "i": secret}).NoErrors().Str("link", "id")
	shared := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Cy", "familyName": "Day"})
	both := w.env.Do(w.sio, `mutation($p: ID!, $q: ID!, $a: ID!, $b: ID!) { link(input: {type: ASSOCIATE_OF, fromId: $p, toId: $q, kind: "criminal", confidence: 0.6, sourceIds: [$a, $b]}) { id version } }`,
		map[string]any{"p": per, "q": shared, "a": secret, "b": open}).NoErrors().Str("link", "id")
	view := `query($l: ID!, $h: ID!, $p: ID!, $q: ID!) { l: node(id: $l) { ... on Link { id sources { ... on IntelligenceItem { id } } } }
		h: node(id: $h) { id }
		p: node(id: $p) { ... on Person { links { totalCount edges { node { id } } } } }
		paths(input: {fromId: $p, toId: $q}) { paths { length } } }`
	low := w.env.Do(investigator, view, map[string]any{"l": both, "h": hiddenLink, "p": per, "q": other}).NoErrors()
	if low.Path("h") != nil || low.Int("p", "links", "totalCount") != 1 || len(low.Path("paths", "paths").([]any)) != 0 {
		t.Errorf("the link resting on SECRET material alone reached the investigator: %s", low)
	}
	if srcs := low.Path("l", "sources").([]any); len(srcs) != 1 {
		t.Errorf("investigator sees %d sources of the shared link, want 1: %s", len(srcs), low)
	}
	w.env.Do(investigator, `mutation($l: ID!, $o: ID!) { updateLink(id: $l, expectedVersion: 1, input: {sourceIds: [$o]}) { id } }`,
		map[string]any{"l": both, "o": open}).NoErrors()
	if srcs := w.env.Do(w.sio, view, map[string]any{"l": both, "h": hiddenLink, "p": per, "q": other}).NoErrors().Path("l", "sources").([]any); len(srcs) != 2 {
		t.Errorf("an edit by someone who could not see a source erased it: %v", srcs)
	}
	// A regrade that hides the only source hides the link: the SIO
	// regrades the open item to SECRET, and the shared link (now resting
	// on two SECRET items) leaves the investigator's view.
	v := w.env.Do(w.sio, `query($i: ID!) { node(id: $i) { ... on IntelligenceItem { version } } }`, map[string]any{"i": open}).NoErrors().Int("node", "version")
	w.env.Do(w.sio, `mutation($i: ID!, $v: Int!) { updateIntelligenceItem(id: $i, expectedVersion: $v, input: {classification: SECRET}) { id } }`,
		map[string]any{"i": open, "v": v}).NoErrors()
	if n := w.env.Do(investigator, view, map[string]any{"l": both, "h": hiddenLink, "p": per, "q": other}).NoErrors().Int("p", "links", "totalCount"); n != 0 {
		t.Errorf("after the regrade the investigator still sees %d links", n)
	}
}
