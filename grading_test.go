package keyline

import "testing"

func TestGradingValidate(t *testing.T) {
	tests := []struct {
		name  string
		g     Grading
		field string // "" means valid
	}{
		{"reliable direct, permitted", Grading{"1", "A", "P", ""}, ""},
		{"untested indirect, conditional", Grading{"2", "C", "C", "Not to be shared outside SOCU"}, ""},
		{"not reliable, suspected false", Grading{"3", "E", "P", ""}, ""},
		{"source out of range", Grading{"4", "A", "P", ""}, "g.source"},
		{"legacy letter as source", Grading{"B", "A", "P", ""}, "g.source"},
		{"assessment out of range", Grading{"1", "F", "P", ""}, "g.assessment"},
		{"lower-case assessment", Grading{"1", "a", "P", ""}, "g.assessment"},
		{"handling out of range", Grading{"1", "A", "X", ""}, "g.handling"},
		{"C without conditions", Grading{"1", "A", "C", ""}, "g.conditions"},
		{"P with conditions", Grading{"1", "A", "P", "x"}, "g.conditions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.g.Validate("g")
			if tt.field == "" {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			e, ok := err.(*Error)
			if !ok || e.Code != CodeInvalid || e.Field != tt.field {
				t.Fatalf("want BAD_USER_INPUT on %s, got %#v", tt.field, err)
			}
		})
	}
}

func TestLegacyGradingMap(t *testing.T) {
	tests := []struct {
		legacy LegacyGrading
		want   string
		cond   bool
		bad    string
	}{
		{LegacyGrading{"A", "1", "1"}, "1A P", false, ""},
		{LegacyGrading{"B", "2", "1"}, "1A P", false, ""},
		{LegacyGrading{"C", "3", "2"}, "2B C", true, ""},
		{LegacyGrading{"D", "4", "4"}, "3D C", true, ""},
		{LegacyGrading{"E", "5", "5"}, "2E C", true, ""},
		{LegacyGrading{"F", "1", "1"}, "", false, "l.source"},
		{LegacyGrading{"A", "6", "1"}, "", false, "l.information"},
		{LegacyGrading{"A", "1", "0"}, "", false, "l.handling"},
	}
	for _, tt := range tests {
		t.Run(tt.legacy.String(), func(t *testing.T) {
			g, err := tt.legacy.Map("l")
			if tt.bad != "" {
				if e, ok := err.(*Error); !ok || e.Field != tt.bad {
					t.Fatalf("want error on %s, got %v", tt.bad, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if g.String() != tt.want || (g.Conditions != "") != tt.cond {
				t.Fatalf("got %#v, want %s (conditions %v)", g, tt.want, tt.cond)
			}
			if err := g.Validate("mapped"); err != nil {
				t.Fatalf("mapped grade must itself be valid: %v", err)
			}
		})
	}
}

func TestGradingQualityOrdersGrades(t *testing.T) {
	best := Grading{Source: "1", Assessment: "A"}.Quality()
	mid := Grading{Source: "2", Assessment: "C"}.Quality()
	worst := Grading{Source: "3", Assessment: "E"}.Quality()
	if !(best > mid && mid > worst) || best != 1 || worst != 0 {
		t.Fatalf("quality must order 1A > 2C > 3E with 1A=1 and E=0: %v %v %v", best, mid, worst)
	}
}
