package resolvers_test

import (
	"strings"
	"testing"
)

// A level 2 target package assembles in one query with every NIM section;
// the DI assesses and reviews it; each review leaves a decision and an
// immutable snapshot; packages rank by score.
func TestTargetPackageAssessReviewRank(t *testing.T) {
	w := newLinkWorld(t)
	w.env.Do(w.analyst, `mutation($p: ID!) { updatePerson(id: $p, expectedVersion: 1, input: {warningMarkers: [FIREARMS]}) { id } }`,
		map[string]any{"p": w.id["B"]}).NoErrors()
	cond := w.create(t, w.analyst, "createIntelligenceItem", "CreateIntelligenceItemInput", map[string]any{
		"sourceType": "CHIS", "grading": map[string]any{"source": "2", "assessment": "C", "handling": "C", "conditions": "Not to be shared outside SOCU"},
		"sanitisedText": "A runs the line", "sourceText": "CHIS 12 says", "mentions": []map[string]any{{"entityId": w.id["A"], "role": "SUBJECT"}}})
	target := w.env.Do(w.analyst, `mutation($op: ID!, $a: ID!) { nominateTarget(input: {operationId: $op, subjectId: $a, threatAreas: [DRUGS_SUPPLY, FIREARMS]}) { id } }`,
		map[string]any{"op": w.op, "a": w.id["A"]}).NoErrors().Str("nominateTarget", "id")
	w.env.Do(w.analyst, `mutation($op: ID!, $i: ID!) { raiseAction(input: {operationId: $op, title: "Identify A's address", raisedFromIds: [$i]}) { id } }`,
		map[string]any{"op": w.op, "i": cond}).NoErrors()

	pkgQ := `query($t: ID!) { node(id: $t) { ... on Target { package {
		subject { id } warningMarkers
		criminalActivity { entity { id } link { type } }
		lifestyle { locations { entity { id } } communications { entity { id } link { confidence } } vehicles { entity { id } } }
		associations { entity { id } link { type kind } }
		intelligence { total byGrade { key count } handlingConditions corroborated items { urn sourceText } }
		gaps { code } risks { code entities { id } }
		actions { open overdue done items { number } } evidence { reference }
	} } } }`
	res := w.env.Do(w.analyst, pkgQ, map[string]any{"t": target}).NoErrors()
	p := func(path ...any) any { return res.Path(append([]any{"node", "package"}, path...)...) }
	if p("subject", "id") != w.id["A"] || len(p("criminalActivity").([]any)) != 1 || len(p("lifestyle", "vehicles").([]any)) != 1 ||
		len(p("lifestyle", "communications").([]any)) != 1 || len(p("associations").([]any)) != 2 {
		t.Fatalf("sections: %s", res)
	}
	if res.Int("node", "package", "intelligence", "total") != 1 || p("intelligence", "handlingConditions", 0) != "Not to be shared outside SOCU" ||
		p("intelligence", "items", 0, "sourceText") != nil || p("intelligence", "byGrade", 0, "key") != "2C C" {
		t.Fatalf("intelligence picture (conditions travel, source text withheld): %s", res)
	}
	gaps := ""
	for _, g := range p("gaps").([]any) {
		gaps += g.(map[string]any)["code"].(string) + " "
	}
	if !strings.Contains(gaps, "NO_CURRENT_ADDRESS") || !strings.Contains(gaps, "UNCORROBORATED_CLAIMS") || strings.Contains(gaps, "COMMS_NOT_ATTRIBUTED") {
		t.Fatalf("gaps: %s", gaps)
	}
	if p("risks", 0, "code") != "FIREARMS_IN_NETWORK" || p("risks", 0, "entities", 0, "id") != w.id["B"] {
		t.Fatalf("risks: %s", res)
	}
	if res.Int("node", "package", "actions", "open") != 1 {
		t.Fatalf("actions: %s", res)
	}

	assess := `mutation($t: ID!, $v: Int!, $in: PriorityAssessmentInput!) { assessTarget(id: $t, expectedVersion: $v, input: $in) {
		version priority { score band modelVersion factors { name contribution explanation } inputs } assessment { assessedBy } } }`
	in := map[string]any{"physical": 4, "psychological": 2, "financial": 2, "community": 3, "victimVulnerability": 3, "geographicScope": 2,
		"likelihood": 3, "confidence": "MEDIUM", "capacity": 0, "capability": 0, "opportunity": 0, "rationale": "Firearms in the network"}
	if bad := w.env.Do(w.analyst, assess, map[string]any{"t": target, "v": 1, "in": map[string]any{"physical": 5, "psychological": 2, "financial": 2, "community": 3,
		"victimVulnerability": 3, "geographicScope": 2, "likelihood": 3, "confidence": "MEDIUM", "capacity": 0, "capability": 0, "opportunity": 0, "rationale": "x"}}); bad.Code() != "BAD_USER_INPUT" || !strings.Contains(bad.Field(), "physical") {
		t.Fatalf("out-of-range harm: %s", bad)
	}
	in["capacity"] = 3
	if bad := w.env.Do(w.analyst, assess, map[string]any{"t": target, "v": 1, "in": in}); bad.Code() != "FORBIDDEN" {
		t.Fatalf("organisational position is the DI's: %s", bad)
	}
	in["capacity"] = 0
	first := w.env.Do(w.analyst, assess, map[string]any{"t": target, "v": 1, "in": in}).NoErrors()
	sum := 0.0
	for _, f := range first.Path("assessTarget", "priority", "factors").([]any) {
		sum += f.(map[string]any)["contribution"].(float64)
	}
	score := first.Path("assessTarget", "priority", "score").(float64)
	if d := sum - score; d > 0.01 || d < -0.01 || first.Str("assessTarget", "priority", "modelVersion") == "" ||
		!strings.Contains(first.Str("assessTarget", "priority", "inputs"), "betweenness") {
		t.Fatalf("the breakdown must add up and carry its inputs: %s", first)
	}
	in["capacity"], in["capability"], in["opportunity"] = 4, 4, 4
	second := w.env.Do(w.sio, assess, map[string]any{"t": target, "v": 2, "in": in}).NoErrors()
	if second.Path("assessTarget", "priority", "score").(float64) <= score {
		t.Fatalf("the DI's organisational position raises the score: %s", second)
	}

	review := `mutation($t: ID!, $v: Int!, $s: TargetStatus!, $r: String!) { reviewTarget(id: $t, expectedVersion: $v, input: {status: $s, rationale: $r}) {
		status version reviews { from to score snapshot decision { decision rationale author { id } } } } }`
	if bad := w.env.Do(w.sio, review, map[string]any{"t": target, "v": 3, "s": "ADOPTED", "r": "x"}); bad.Code() != "CONFLICT" {
		t.Fatalf("a draft cannot be adopted directly: %s", bad)
	}
	w.env.Do(w.analyst, review, map[string]any{"t": target, "v": 3, "s": "SUBMITTED", "r": "Package complete"}).NoErrors()
	if bad := w.env.Do(w.analyst, review, map[string]any{"t": target, "v": 4, "s": "ADOPTED", "r": "x"}); bad.Code() != "FORBIDDEN" {
		t.Fatalf("only the DI adopts: %s", bad)
	}
	adopted := w.env.Do(w.sio, review, map[string]any{"t": target, "v": 4, "s": "ADOPTED", "r": "Highest harm; capacity available"}).NoErrors()
	if adopted.Str("reviewTarget", "status") != "ADOPTED" || adopted.Str("reviewTarget", "reviews", 0, "decision", "rationale") != "Highest harm; capacity available" ||
		adopted.Str("reviewTarget", "reviews", 0, "decision", "author", "id") != w.sio.OfficerID {
		t.Fatalf("review with decision: %s", adopted)
	}
	snap := adopted.Str("reviewTarget", "reviews", 0, "snapshot")
	if !strings.Contains(snap, "A runs the line") || strings.Contains(snap, "CHIS 12 says") {
		t.Fatalf("the snapshot keeps the package but never source text: %.300s", snap)
	}
	// The graph changes; the snapshot does not.
	w.env.Do(w.analyst, `mutation($p: ID!) { updatePerson(id: $p, expectedVersion: 2, input: {givenNames: "Renamed"}) { id } }`, map[string]any{"p": w.id["B"]}).NoErrors()
	again := w.env.Do(w.sio, `query($t: ID!) { node(id: $t) { ... on Target { reviews { snapshot } policy: operation { decisions { totalCount } } } } }`,
		map[string]any{"t": target}).NoErrors()
	if again.Str("node", "reviews", 0, "snapshot") != snap || again.Int("node", "policy", "decisions", "totalCount") != 2 {
		t.Fatalf("snapshot must be immutable; each review is a policy-file decision: %s", again)
	}

	rank := w.env.Do(w.sio, `query($op: ID!) { targetRanking(filter: {operationId: $op, threatArea: FIREARMS}) { rank score band movement target { id } } }`,
		map[string]any{"op": w.op}).NoErrors()
	if rank.Str("targetRanking", 0, "target", "id") != target || rank.Path("targetRanking", 0, "movement") == nil {
		t.Fatalf("ranking: %s", rank)
	}
	if none := w.env.Do(w.sio, `query($op: ID!) { targetRanking(filter: {operationId: $op, threatArea: FRAUD}) { rank } }`, map[string]any{"op": w.op}).NoErrors(); len(none.Path("targetRanking").([]any)) != 0 {
		t.Fatalf("threat-area filter: %s", none)
	}
	audit := w.env.Do(w.auditor, `query($t: ID!) { auditTrail(filter: {entityId: $t, actions: ["READ"]}) { totalCount } }`, map[string]any{"t": target}).NoErrors()
	if audit.Int("auditTrail", "totalCount") == 0 {
		t.Fatalf("reading a package is audited: %s", audit)
	}
}
