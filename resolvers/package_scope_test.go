package resolvers_test

import (
	"slices"
	"testing"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/internal/apitest"
)

// A target package lists the actions raised from intelligence about its
// subject, and the exhibits those actions obtained.
// An action raised only from an item the reader may not see is not listed
// (nor its exhibit): the action is the operation's and stays in the action
// queue, but listing it under this subject would tell the reader that
// hidden intelligence mentions them.
func TestPackageActionsFollowTheItemsTheReaderSees(t *testing.T) {
	env := apitest.New(t)
	sio := env.Officer(keyline.RoleSIO, keyline.TopSecret)
	analyst := env.Officer(keyline.RoleAnalyst, keyline.OfficialSensitive)
	op := env.Operation(sio, analyst)
	create := func(mutation, input string, in map[string]any) string {
		in["operationId"] = op
		return env.Do(sio, `mutation($in: `+input+`!) { r: `+mutation+`(input: $in) { id } }`, map[string]any{"in": in}).NoErrors().Str("r", "id")
	}
	person := create("createPerson", "CreatePersonInput", map[string]any{"givenNames": "Package", "familyName": "SUBJECT"})
	item := func(c keyline.Classification) string {
		return create("createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
			"sourceType": "CHIS", "classification": string(c), "grading": map[string]any{"source": "2", "assessment": "B", "handling": "P"},
			"sanitisedText": "Subject seen at the yard", "mentions": []map[string]any{{"entityId": person, "role": "SUBJECT"}}})
	}
	raise := func(title, from string) string {
		return create("raiseAction", "RaiseActionInput", map[string]any{"title": title, "raisedFromIds": []string{from}})
	}
	exhibit := func(ref, action string) string {
		return create("createExhibit", "CreateExhibitInput", map[string]any{"reference": ref, "kind": "DOCUMENT",
			"description": "Notes", "obtainedById": action, "disclosureStatus": "UNUSED_NON_SENSITIVE"})
	}
	openAction := raise("Trace the yard", item(keyline.OfficialSensitive))
	openExhibit := exhibit("PK/1", openAction)
	hiddenAction := raise("Research the CHIS report", item(keyline.Secret))
	hiddenExhibit := exhibit("PK/2", hiddenAction)
	target := env.Do(sio, `mutation($op: ID!, $p: ID!) { nominateTarget(input: {operationId: $op, subjectId: $p, threatAreas: [DRUGS_SUPPLY]}) { id } }`,
		map[string]any{"op": op, "p": person}).NoErrors().Str("nominateTarget", "id")

	read := func(a *keyline.Actor) (actions, exhibits []string) {
		res := env.Do(a, `query($t: ID!) { node(id: $t) { ... on Target { package { actions { open items { id } } evidence { id } } } } }`,
			map[string]any{"t": target}).NoErrors()
		for _, x := range res.Path("node", "package", "actions", "items").([]any) {
			actions = append(actions, x.(map[string]any)["id"].(string))
		}
		for _, x := range res.Path("node", "package", "evidence").([]any) {
			exhibits = append(exhibits, x.(map[string]any)["id"].(string))
		}
		slices.Sort(actions)
		slices.Sort(exhibits)
		return actions, exhibits
	}
	sorted := func(ids ...string) []string { slices.Sort(ids); return ids }

	acts, exh := read(sio)
	if want := sorted(openAction, hiddenAction); !slices.Equal(acts, want) {
		t.Errorf("SIO (TOP SECRET): package actions %v, want %v", acts, want)
	}
	if want := sorted(openExhibit, hiddenExhibit); !slices.Equal(exh, want) {
		t.Errorf("SIO (TOP SECRET): package evidence %v, want %v", exh, want)
	}
	acts, exh = read(analyst)
	if want := sorted(openAction); !slices.Equal(acts, want) {
		t.Errorf("analyst (OFFICIAL-SENSITIVE): package actions %v, want %v (no action resting only on the SECRET item)", acts, want)
	}
	if want := sorted(openExhibit); !slices.Equal(exh, want) {
		t.Errorf("analyst (OFFICIAL-SENSITIVE): package evidence %v, want %v", exh, want)
	}
}
