package keyline

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Candidate is an officer who could take an action, with their current
// open work across all operations.
type Candidate struct {
	OfficerID string
	Name      string
	Skills    []string
	// Open actions allocated to the officer, by priority.
	OpenHigh, OpenMedium, OpenLow int
}

// Suggestion is a candidate ranked for an action, with the reasons.
type Suggestion struct {
	Candidate
	Score         float64
	SkillsMatched []string
	SkillsMissing []string
	OpenActions   int
	Workload      int
	Reasons       []string
}

// Allocation weights: a skills match matters more than spare capacity,
// but an overloaded specialist ranks below a free generalist.
const (
	skillWeight    = 0.6
	capacityWeight = 0.4
	// fullLoad is the weighted workload at which capacity counts as zero
	// (e.g. five High priority actions).
	fullLoad = 15
)

// Workload weighs open actions by priority: High 3, Medium 2, Low 1.
func (c Candidate) Workload() int { return 3*c.OpenHigh + 2*c.OpenMedium + c.OpenLow }

// RankOfficers orders candidates for an action needing the given skills:
// best first, ties broken by lighter workload then name, so the same
// inputs always give the same order.
func RankOfficers(required []string, candidates []Candidate) []Suggestion {
	req := normaliseSkills(required)
	out := make([]Suggestion, 0, len(candidates))
	for _, c := range candidates {
		have := normaliseSkills(c.Skills)
		s := Suggestion{Candidate: c, Workload: c.Workload(), OpenActions: c.OpenHigh + c.OpenMedium + c.OpenLow,
			SkillsMatched: []string{}, SkillsMissing: []string{}}
		for _, r := range req {
			if slices.Contains(have, r) {
				s.SkillsMatched = append(s.SkillsMatched, r)
			} else {
				s.SkillsMissing = append(s.SkillsMissing, r)
			}
		}
		match := 1.0
		if len(req) > 0 {
			match = float64(len(s.SkillsMatched)) / float64(len(req))
		}
		capacity := 1 - min(float64(s.Workload)/fullLoad, 1)
		s.Score = round3(skillWeight*match + capacityWeight*capacity)
		switch {
		case len(req) == 0:
			s.Reasons = append(s.Reasons, "no particular skills required")
		case len(s.SkillsMissing) == 0:
			s.Reasons = append(s.Reasons, "has every required skill: "+strings.Join(s.SkillsMatched, ", "))
		case len(s.SkillsMatched) == 0:
			s.Reasons = append(s.Reasons, "has none of the required skills ("+strings.Join(s.SkillsMissing, ", ")+")")
		default:
			s.Reasons = append(s.Reasons, fmt.Sprintf("has %d of %d required skills; lacks %s", len(s.SkillsMatched), len(req), strings.Join(s.SkillsMissing, ", ")))
		}
		s.Reasons = append(s.Reasons, fmt.Sprintf("%d open actions (%d High, %d Medium, %d Low): workload %d of %d",
			s.OpenActions, c.OpenHigh, c.OpenMedium, c.OpenLow, s.Workload, fullLoad))
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Workload != b.Workload {
			return a.Workload < b.Workload
		}
		return a.Name < b.Name
	})
	return out
}

func normaliseSkills(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		s = strings.ToUpper(strings.TrimSpace(s))
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }
