package resolvers_test

import (
	"fmt"
	"testing"

	"github.com/keyline/keyline"
)

// The access matrix: every role, member or not, at two clearances, against
// an OFFICIAL-SENSITIVE and a SECRET item, read by id, through lists and
// through link traversal, and written to.
func TestAccessMatrix(t *testing.T) {
	w := newWorld(t)
	per := w.create(t, w.analyst, "createPerson", "CreatePersonInput", map[string]any{"givenNames": "Ann", "familyName": "Lee"})
	phone := w.create(t, w.analyst, "createCommsDevice", "CreateCommsDeviceInput", map[string]any{"kind": "MOBILE", "number": "+447700900777"})
	item := func(class string) string {
		return w.create(t, w.analyst, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
			"sourceType": "CHIS", "classification": class, "grading": map[string]any{"source": "1", "assessment": "B", "handling": "P"},
			"sanitisedText": "Uses the phone", "sourceText": "CHIS detail", "mentions": []map[string]any{{"entityId": per, "role": "SUBJECT"}}})
	}
	sensitive, secret := item("OFFICIAL_SENSITIVE"), item("SECRET")
	w.env.Do(w.analyst, `mutation($p: ID!, $c: ID!, $a: ID!, $b: ID!) { link(input: {type: USES, fromId: $p, toId: $c, sourceIds: [$a, $b]}) { id } }`,
		map[string]any{"p": per, "c": phone, "a": sensitive, "b": secret}).NoErrors()

	writers := map[keyline.Role]bool{keyline.RoleAnalyst: true, keyline.RoleInvestigator: true, keyline.RoleActionManager: true,
		keyline.RoleSIO: true, keyline.RoleDeputySIO: true, keyline.RoleExternalSystem: true}
	sourceReaders := map[keyline.Role]bool{keyline.RoleSIO: true, keyline.RoleDeputySIO: true}
	for _, role := range keyline.Roles {
		for _, member := range []bool{true, false} {
			for _, clearance := range []keyline.Classification{keyline.OfficialSensitive, keyline.Secret} {
				name := fmt.Sprintf("%s/member=%v/%s", role, member, clearance)
				t.Run(name, func(t *testing.T) {
					a := w.env.Officer(role, clearance)
					if member && role != keyline.RoleAuditor {
						w.env.Do(w.sio, `mutation($op: ID!, $o: ID!) { addOperationMember(operationId: $op, officerId: $o) { id } }`,
							map[string]any{"op": w.op, "o": a.OfficerID}).NoErrors()
					}
					sees := member || role == keyline.RoleAuditor
					res := w.env.Do(a, `query($s: ID!, $x: ID!, $p: ID!, $op: ID!) {
						s: node(id: $s) { ... on IntelligenceItem { sourceText } } x: node(id: $x) { id }
						p: node(id: $p) { ... on Person { links { edges { node { sources { ... on IntelligenceItem { id } } } } } } }
						op: operation(id: $op) { intelligenceItems { totalCount } } }`,
						map[string]any{"s": sensitive, "x": secret, "p": per, "op": w.op}).NoErrors()
					if got := res.Path("s") != nil; got != sees {
						t.Errorf("OFFICIAL-SENSITIVE item visible = %v, want %v", got, sees)
					}
					wantSecret := sees && clearance == keyline.Secret
					if got := res.Path("x") != nil; got != wantSecret {
						t.Errorf("SECRET item visible = %v, want %v", got, wantSecret)
					}
					if sees {
						wantCount := 1
						if wantSecret {
							wantCount = 2
						}
						if got := res.Int("op", "intelligenceItems", "totalCount"); got != wantCount {
							t.Errorf("listed items = %d, want %d", got, wantCount)
						}
						if got := len(res.Path("p", "links", "edges", 0, "node", "sources").([]any)); got != wantCount {
							t.Errorf("sources seen through the link = %d, want %d", got, wantCount)
						}
						if got := res.Path("s", "sourceText") != nil; got != sourceReaders[role] {
							t.Errorf("source text visible = %v, want %v", got, sourceReaders[role])
						}
					} else if res.Path("p") != nil || res.Path("op") != nil {
						t.Errorf("a non-member reached the operation: %s", res)
					}
					net := w.env.Do(a, `query($p: ID!) { network(input: {seedIds: [$p], hops: 1}) { nodes { id } } }`, map[string]any{"p": per})
					if sees != (len(net.Errors) == 0) {
						t.Errorf("network traversal allowed = %v, want %v: %s", len(net.Errors) == 0, sees, net)
					}
					write := w.env.Do(a, `mutation($op: ID!) { createPerson(input: {operationId: $op, givenNames: "X", familyName: "Y"}) { id } }`, map[string]any{"op": w.op})
					wantWrite := member && writers[role]
					if (len(write.Errors) == 0) != wantWrite {
						t.Errorf("write allowed = %v, want %v: %s", len(write.Errors) == 0, wantWrite, write)
					}
					if !wantWrite && write.Code() != "FORBIDDEN" {
						t.Errorf("refused write code %q, want FORBIDDEN", write.Code())
					}
				})
			}
		}
	}
}
