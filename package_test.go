package keyline

import (
	"slices"
	"testing"
	"time"
)

func codes(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

func TestPackageGaps(t *testing.T) {
	now := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	strong := ItemFact{Grading: Grading{Source: "1", Assessment: "A", Handling: "P"}, ReceivedAt: now.AddDate(0, 0, -5)}
	weak := ItemFact{Grading: Grading{Source: "2", Assessment: "C", Handling: "P"}, ReceivedAt: now.AddDate(0, 0, -5)}
	tests := []struct {
		name  string
		facts PackageFacts
		want  []string
	}{
		{"well-known subject", PackageFacts{AsOf: now, ResidenceLastSeen: []time.Time{now.AddDate(0, -1, 0)}, CommsConfidence: []float64{0.9},
			Items: []ItemFact{strong}, Associations: 3, StaleAfter: 90 * 24 * time.Hour}, nil},
		{"nothing known", PackageFacts{AsOf: now}, []string{"NO_CURRENT_ADDRESS", "COMMS_NOT_ATTRIBUTED", "NO_INTELLIGENCE"}},
		{"old address, weak phone", PackageFacts{AsOf: now, ResidenceLastSeen: []time.Time{now.AddDate(-1, 0, 0), {}}, CommsConfidence: []float64{0.3},
			Items: []ItemFact{strong}, Associations: 1}, []string{"NO_CURRENT_ADDRESS", "COMMS_NOT_ATTRIBUTED"}},
		{"only weak, unsupported claims", PackageFacts{AsOf: now, ResidenceLastSeen: []time.Time{now}, CommsConfidence: []float64{0.5},
			Items: []ItemFact{weak, weak}, Associations: 1}, []string{"UNCORROBORATED_CLAIMS"}},
		{"weak but evidenced", PackageFacts{AsOf: now, ResidenceLastSeen: []time.Time{now}, CommsConfidence: []float64{0.5},
			Items: []ItemFact{weak, {Grading: weak.Grading, ReceivedAt: weak.ReceivedAt, Corroborated: true}}, Associations: 1}, nil},
		{"stale picture, no associates", PackageFacts{AsOf: now, ResidenceLastSeen: []time.Time{now}, CommsConfidence: []float64{0.8},
			Items: []ItemFact{{Grading: strong.Grading, ReceivedAt: now.AddDate(0, -6, 0)}}, StaleAfter: 90 * 24 * time.Hour},
			[]string{"STALE_INTELLIGENCE", "ASSOCIATES_UNKNOWN"}},
	}
	for _, tt := range tests {
		if got := codes(PackageGaps(tt.facts)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestPackageRisks(t *testing.T) {
	f := PackageFacts{
		Markers:    map[string][]string{"per_b": {"VIOLENT"}, "per_a": {"FIREARMS", "VIOLENT"}, "per_c": {"DRUGS"}},
		Victims:    []string{"per_v"},
		TrapHouses: []string{"loc_t"},
		Minors:     []string{"per_m", "per_v"},
	}
	got := PackageRisks(f)
	if !slices.Equal(codes(got), []string{"FIREARMS_IN_NETWORK", "VIOLENCE_IN_NETWORK", "VULNERABLE_VICTIMS"}) {
		t.Fatalf("codes: %v", codes(got))
	}
	if !slices.Equal(got[1].EntityIDs, []string{"per_a", "per_b"}) || !slices.Equal(got[2].EntityIDs, []string{"loc_t", "per_m", "per_v"}) {
		t.Fatalf("entities: %+v", got)
	}
	if len(PackageRisks(PackageFacts{Markers: map[string][]string{"per_c": {"DRUGS"}}})) != 0 {
		t.Fatal("a drugs marker alone is not a listed risk")
	}
}
