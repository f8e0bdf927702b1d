package resolvers_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/internal/latency"
)

// BenchmarkPackageAssembly: a target with 50 associates, 300 intelligence
// items and 100 actions, assembled with every section in one GraphQL query.
// Target p95 ≤ 100 ms (on the 1M-person network when
// KEYLINE_BENCH_OPERATION names it).
func BenchmarkPackageAssembly(b *testing.B) {
	lb := setupLinkBench(b)
	ctx := context.Background()
	a := &keyline.Actor{Subject: "bench-pkg", Roles: keyline.Roles, Clearance: keyline.TopSecret, Operations: []string{lb.op}}
	subject, err := lb.env.Store.CreateNode(ctx, a, keyline.KindPerson, lb.op, map[string]any{"givenNames": "Package", "familyName": "Subject",
		"aliases": []string{}, "identifiers": []string{}, "warningMarkers": []string{"FIREARMS"}}, nil)
	if err != nil {
		b.Fatal(err)
	}
	var items []string
	for i := 0; i < 300; i++ {
		it, err := lb.env.Store.CreateNode(ctx, a, keyline.KindIntelligenceItem, lb.op, map[string]any{
			"urn": fmt.Sprintf("BENCH/%s/%d", subject.ID(), i), "receivedAt": time.Now().UTC().AddDate(0, 0, -i), "sourceType": "CHIS",
			"gradeSource": []string{"1", "2", "3"}[i%3], "gradeAssessment": []string{"A", "B", "C", "D"}[i%4], "gradeHandling": "P",
			"classification": "OFFICIAL_SENSITIVE", "sanitisedText": "Benchmark report"},
			[]cypher.Ref{{Rel: cypher.RelMentions, Dir: cypher.Outgoing, Targets: []cypher.RefTarget{{ID: subject.ID(), Props: map[string]any{"role": "SUBJECT"}}}}})
		if err != nil {
			b.Fatal(err)
		}
		items = append(items, it.ID())
	}
	for i := 0; i < 50 && i < len(lb.persons); i++ {
		if _, err := lb.env.Store.CreateLink(ctx, a, "ASSOCIATE_OF", subject.ID(), lb.persons[i], map[string]any{"confidence": 0.7, "kind": "criminal"}, []string{items[i]}); err != nil {
			b.Fatal(err)
		}
	}
	tgt, err := lb.env.Store.CreateNode(ctx, a, keyline.KindTarget, lb.op, map[string]any{"status": "SUBMITTED", "nimLevel": "LEVEL_2",
		"threatAreas": []string{"FIREARMS"}, "subjectLabel": "SUBJECT, Package"},
		[]cypher.Ref{{Rel: cypher.RelSubject, Dir: cypher.Outgoing, Targets: []cypher.RefTarget{{ID: subject.ID()}}}})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 100; i++ {
		if _, err := lb.env.Store.RaiseAction(ctx, a, lb.op, map[string]any{"title": "Bench action", "priority": "MEDIUM", "status": "RAISED",
			"requiredSkills": []string{}, "chaseCount": 0}, []cypher.Ref{{Rel: cypher.RelRaisedFrom, Dir: cypher.Outgoing, Targets: []cypher.RefTarget{{ID: items[i]}}}}); err != nil {
			b.Fatal(err)
		}
	}
	q := `query($t: ID!) { node(id: $t) { ... on Target { package { subject { id } criminalActivity { entity { id } }
		lifestyle { locations { entity { id } } communications { entity { id } } vehicles { entity { id } } }
		associations { entity { id } link { type confidence } } intelligence { total byGrade { key count } handlingConditions items { urn grading { code } } }
		gaps { code } risks { code } actions { open overdue done items { number } } evidence { reference } } } } }`
	var rec latency.Recorder
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rec.Time(func() {
			res := lb.env.Do(lb.analyst, q, map[string]any{"t": tgt.ID()}).NoErrors()
			if res.Int("node", "package", "intelligence", "total") != 300 || res.Int("node", "package", "actions", "open") != 100 {
				b.Fatalf("package: %.300s", res.Raw)
			}
		})
	}
	rec.Report(b)
}

// BenchmarkRanking500: rank 500 assessed packages. Target ≤ 200 ms.
func BenchmarkRanking500(b *testing.B) {
	lb := setupLinkBench(b)
	ctx := context.Background()
	a := &keyline.Actor{Subject: "bench-rank", Roles: keyline.Roles, Clearance: keyline.TopSecret, Operations: []string{lb.op}}
	for i := 0; i < 500; i++ {
		score := float64((i*37)%1000) / 10
		prio := fmt.Sprintf(`{"score":%.1f,"band":"MEDIUM","modelVersion":"bench","scoredAt":"2026-11-23T00:00:00Z","factors":[],"inputs":"{}"}`, score)
		if _, err := lb.env.Store.CreateNode(ctx, a, keyline.KindTarget, lb.op, map[string]any{"status": "SUBMITTED", "nimLevel": "LEVEL_2",
			"threatAreas": []string{"DRUGS_SUPPLY"}, "subjectLabel": fmt.Sprint("Ranked ", i), "score": score, "band": "MEDIUM",
			"priority": prio, "lastReviewScore": score - 1}, nil); err != nil {
			b.Fatal(err)
		}
	}
	q := `query($op: ID!) { targetRanking(filter: {operationId: $op}, first: 500) { rank score band movement target { id status threatAreas } } }`
	var rec latency.Recorder
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rec.Time(func() {
			res := lb.env.Do(lb.analyst, q, map[string]any{"op": lb.op}).NoErrors()
			if len(res.Path("targetRanking").([]any)) < 500 {
				b.Fatal("ranking lost packages")
			}
		})
	}
	rec.Report(b)
}
