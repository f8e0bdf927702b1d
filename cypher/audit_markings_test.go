package cypher_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/internal/neo4jtest"
)

func hexSHA(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// Source-revealing text becomes its digest form, once: scrubbing a
// scrubbed value changes nothing, and other fields are kept.
func TestScrubSourceRevealing(t *testing.T) {
	in := map[string]any{"sourceText": "CHIS 12 said so", "sanitisedText": "it is said"}
	out := cypher.ScrubSourceRevealing(in)
	d, _ := out["sourceText"].(map[string]any)
	if d["changed"] != true || d["sha256"] != hexSHA("CHIS 12 said so") || out["sanitisedText"] != "it is said" {
		t.Fatalf("scrubbed: %v", out)
	}
	if in["sourceText"] != "CHIS 12 said so" {
		t.Fatalf("the writer's map was changed: %v", in)
	}
	if again := cypher.ScrubSourceRevealing(out); again["sourceText"].(map[string]any)["sha256"] != d["sha256"] {
		t.Fatalf("scrubbing twice: %v", again)
	}
	if gone := cypher.ScrubSourceRevealing(map[string]any{"sourceText": nil}); gone["sourceText"].(map[string]any)["changed"] != true {
		t.Fatalf("removed text: %v", gone)
	}
	if text := cypher.ScrubJSONText(`{"sourceText":"CHIS 12 said so"}`); strings.Contains(text, "CHIS") || !strings.Contains(text, hexSHA("CHIS 12 said so")) {
		t.Fatalf("stored text: %s", text)
	}
	if text := cypher.ScrubJSONText(`not json "sourceText": "CHIS 12"`); strings.Contains(text, "CHIS") {
		t.Fatalf("unreadable text must be withheld whole: %s", text)
	}
}

// Events are marked where they are written (the strictest of the record
// and the writer's marking) and never hold source text; migration 0006
// marks and scrubs the events older versions wrote, idempotently, leaving
// events about records that no longer exist unmarked (withheld).
func TestAuditEventsAreMarkedAndMigrationBackfills(t *testing.T) {
	s := neo4jtest.Store(t)
	ctx := context.Background()
	sio := &keyline.Actor{Subject: "audit-markings-test", Roles: []keyline.Role{keyline.RoleSIO}, Clearance: keyline.TopSecret}
	op, err := s.CreateNode(ctx, sio, keyline.KindOperation, "", map[string]any{
		"reference": "OP-AUD-" + keyline.NewID(keyline.KindOperation)[3:12], "name": "Audit markings", "status": "OPEN",
		"classification": "OFFICIAL", "opened": keyline.Date{}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	sio.Operations = []string{op.ID()}
	item, err := s.CreateNode(ctx, sio, keyline.KindIntelligenceItem, op.ID(), map[string]any{
		"urn": "URN-" + keyline.NewID(keyline.KindIntelligenceItem)[4:14], "receivedAt": time.Now().UTC(), "sourceType": "CHIS",
		"gradeSource": "1", "gradeAssessment": "B", "gradeHandling": "C", "gradeConditions": "SIO only",
		"classification": "TOP_SECRET", "sanitisedText": "sanitised", "sourceText": "CHIS 31 at the garage"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	event := func(id string) map[string]any {
		t.Helper()
		rows, err := s.AuditEventsForTest(ctx, `MATCH (a:AuditEvent {id: $id}) RETURN properties(a) AS a`, map[string]any{"id": id})
		if err != nil || len(rows) != 1 {
			t.Fatalf("event %s: %v %v", id, rows, err)
		}
		return rows[0]["a"].(map[string]any)
	}

	// Written now: marked, and the source text only as a digest.
	rows, err := s.AuditEventsForTest(ctx, `MATCH (a:AuditEvent {entityId: $id, action: 'CREATE'}) RETURN a.id AS id`, map[string]any{"id": item.ID()})
	if err != nil || len(rows) != 1 {
		t.Fatalf("create event: %v %v", rows, err)
	}
	created := event(rows[0]["id"].(string))
	if created["classification"] != "TOP_SECRET" || created["handling"] != "C" || strings.Contains(created["after"].(string), "CHIS 31") ||
		!strings.Contains(created["after"].(string), hexSHA("CHIS 31 at the garage")) {
		t.Fatalf("new event: %v", created)
	}

	// As older versions wrote them: unmarked, with source text.
	legacy := map[string]map[string]any{
		"item":    {"entityKind": "IntelligenceItem", "entityId": item.ID(), "action": "UPDATE", "before": `{"sourceText":"CHIS 31 old"}`, "after": `{"sanitisedText":"s","sourceText":"CHIS 31 new"}`},
		"gone":    {"entityKind": "Person", "entityId": "per_gone" + keyline.NewAuditID(), "action": "UPDATE", "before": `{"familyName":"A"}`, "after": `{"familyName":"B"}`},
		"link":    {"entityKind": "Link", "entityId": "lnk_" + keyline.NewAuditID(), "action": "LINK", "after": `{"from":"per_a","sources":["` + item.ID() + `"],"type":"ASSOCIATE_OF"}`},
		"account": {"entityKind": "ServiceAccount", "entityId": "sa_" + keyline.NewAuditID(), "action": "CREATE", "after": `{"name":"feed"}`},
	}
	ids := map[string]string{}
	for name, ev := range legacy {
		ids[name] = keyline.NewAuditID()
		ev["id"], ev["at"], ev["actor"], ev["operationId"] = ids[name], time.Now().UTC(), "legacy", op.ID()
		if _, err := s.AuditEventsForTest(ctx, `CREATE (a:AuditEvent) SET a = $e`, map[string]any{"e": ev}); err != nil {
			t.Fatal(err)
		}
	}
	for range 2 { // idempotent
		if err := s.RunAuditMigrationForTest(ctx); err != nil {
			t.Fatal(err)
		}
	}
	for name, want := range map[string][2]any{"item": {"TOP_SECRET", "C"}, "gone": {nil, nil}, "link": {"TOP_SECRET", "C"}, "account": {"OFFICIAL", "P"}} {
		ev := event(ids[name])
		if ev["classification"] != want[0] || ev["handling"] != want[1] {
			t.Errorf("%s: marked %v/%v, want %v/%v", name, ev["classification"], ev["handling"], want[0], want[1])
		}
	}
	it := event(ids["item"])
	var before, after map[string]any
	_ = json.Unmarshal([]byte(it["before"].(string)), &before)
	_ = json.Unmarshal([]byte(it["after"].(string)), &after)
	if strings.Contains(it["before"].(string)+it["after"].(string), "CHIS") || after["sanitisedText"] != "s" ||
		before["sourceText"].(map[string]any)["sha256"] != hexSHA("CHIS 31 old") || after["sourceText"].(map[string]any)["sha256"] != hexSHA("CHIS 31 new") {
		t.Errorf("migrated item event: %v", it)
	}

	// An event that escaped both (a writer bypassing auditEntry) is still
	// scrubbed on the way out of the trail.
	stray := keyline.NewAuditID()
	if _, err := s.AuditEventsForTest(ctx, `CREATE (a:AuditEvent {id: $id, at: datetime(), actor: 'stray', action: 'UPDATE', entityKind: 'IntelligenceItem',
		entityId: $item, operationId: $op, after: '{"sourceText":"CHIS 31 stray"}', classification: 'TOP_SECRET', handling: 'C'})`,
		map[string]any{"id": stray, "item": item.ID(), "op": op.ID()}); err != nil {
		t.Fatal(err)
	}
	page, _, err := s.AuditTrail(ctx, cypher.ScopeOf(sio), cypher.AuditFilter{Actor: "stray", Limit: 10})
	if err != nil || len(page) != 1 || strings.Contains(page[0]["after"].(string), "CHIS") {
		t.Fatalf("trail read of a stray event: %v %v", page, err)
	}
}
