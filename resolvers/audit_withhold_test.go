package resolvers

import (
	"testing"

	"github.com/keyline/keyline"
)

// auditEventFor applies keyline.Actor.SeesMarking to every event's values:
// clearance, the handling code (an external system receives P only, so
// never a C-coded value, whatever trail it could reach), and an unmarked
// event (written before events were marked) is withheld from everyone.
func TestAuditEventValuesFollowTheMarking(t *testing.T) {
	row := func(class, handling string) map[string]any {
		r := map[string]any{"id": "aud_1", "actor": "someone", "action": "UPDATE", "entityKind": "IntelligenceItem", "entityId": "int_1",
			"operationId": "op_1", "before": `{"sanitisedText":"old"}`, "after": `{"sanitisedText":"new"}`, "reason": "why",
			"purpose": "for what", "question": "network", "parameters": `{"seedIds":["per_1"]}`, "resultSize": int64(3)}
		if class != "" {
			r["classification"], r["handling"] = class, handling
		}
		return r
	}
	auditor := &keyline.Actor{Subject: "aud", Roles: []keyline.Role{keyline.RoleAuditor}, Clearance: keyline.TopSecret}
	secret := &keyline.Actor{Subject: "sio", Roles: []keyline.Role{keyline.RoleSIO}, Clearance: keyline.Secret}
	external := &keyline.Actor{Subject: "ext", Roles: []keyline.Role{keyline.RoleExternalSystem}, Clearance: keyline.TopSecret}
	for _, c := range []struct {
		name     string
		reader   *keyline.Actor
		row      map[string]any
		withheld bool
	}{
		{"cleared", auditor, row("TOP_SECRET", "C"), false},
		{"above clearance", secret, row("TOP_SECRET", "P"), true},
		{"within clearance", secret, row("SECRET", "C"), false},
		{"C to an external system", external, row("OFFICIAL", "C"), true},
		{"P to an external system", external, row("OFFICIAL", "P"), false},
		{"unknown classification", auditor, row("COSMIC", "P"), true},
		{"unknown handling", auditor, row("OFFICIAL", "X"), true},
		{"unmarked", auditor, row("", ""), true},
	} {
		ev, err := auditEventFor(c.reader, c.row)
		if err != nil {
			t.Fatal(err)
		}
		if ev.Withheld != c.withheld {
			t.Errorf("%s: withheld %v, want %v", c.name, ev.Withheld, c.withheld)
		}
		hasValues := ev.Before != nil || ev.After != nil || ev.Reason != nil || ev.Purpose != nil || ev.Parameters != nil || ev.ResultSize != nil
		if hasValues == c.withheld {
			t.Errorf("%s: values present %v with withheld %v: %+v", c.name, hasValues, c.withheld, ev)
		}
		if ev.ID != "aud_1" || ev.Actor != "someone" || ev.Action != "UPDATE" || ev.EntityID != "int_1" || ev.Question == nil {
			t.Errorf("%s: metadata lost: %+v", c.name, ev)
		}
	}
}
