package keyline

import "testing"

func TestRankOfficers(t *testing.T) {
	cands := []Candidate{
		{OfficerID: "a", Name: "Busy specialist", Skills: []string{"phone_download", "FORENSICS"}, OpenHigh: 5},
		{OfficerID: "b", Name: "Free generalist", Skills: []string{"INTERVIEW_TIER3"}},
		{OfficerID: "c", Name: "Free specialist", Skills: []string{"PHONE_DOWNLOAD"}, OpenLow: 1},
		{OfficerID: "d", Name: "Half match", Skills: []string{"FORENSICS"}, OpenMedium: 1},
	}
	got := RankOfficers([]string{"Phone_Download", "FORENSICS"}, cands)
	order := []string{}
	for _, s := range got {
		order = append(order, s.OfficerID)
	}
	// c: 0.6*0.5+0.4*(14/15)=0.673; d: 0.3+0.4*(13/15)=0.647; a: 0.6+0=0.6; b: 0+0.4=0.4
	want := []string{"c", "d", "a", "b"}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("order %v, want %v (%+v)", order, want, got)
		}
	}
	if got[2].Workload != 15 || got[2].OpenActions != 5 || len(got[2].SkillsMissing) != 0 {
		t.Errorf("busy specialist: %+v", got[2])
	}
	if got[0].SkillsMissing[0] != "FORENSICS" || len(got[0].Reasons) != 2 {
		t.Errorf("reasons: %+v", got[0])
	}
	// Same inputs, same order and scores.
	again := RankOfficers([]string{"Phone_Download", "FORENSICS"}, cands)
	for i := range got {
		if got[i].OfficerID != again[i].OfficerID || got[i].Score != again[i].Score {
			t.Fatal("ranking is not deterministic")
		}
	}
	// No skills required: capacity decides, ties by name.
	free := RankOfficers(nil, []Candidate{{OfficerID: "y", Name: "Zoe"}, {OfficerID: "x", Name: "Amy"}})
	if free[0].OfficerID != "x" || free[0].Score != 1 {
		t.Errorf("no skills: %+v", free)
	}
}
