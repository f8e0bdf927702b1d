package priority

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/keyline/keyline"
)

var asOf = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

// grade builds a grading from its compact form, "1A" (handling P) or
// "2C/C" (handling C, with conditions recorded).
func grade(code string) keyline.Grading {
	g := keyline.Grading{Source: code[:1], Assessment: code[1:2], Handling: "P"}
	if len(code) > 2 {
		g.Handling, g.Conditions = "C", "Not to be shared outside the SOCU"
	}
	return g
}

// items returns n items of one grade, all ageDays old at asOf.
func items(n int, code string, ageDays int, corroborated bool) []IntelItem {
	out := make([]IntelItem, n)
	for i := range out {
		out[i] = IntelItem{Grading: grade(code), ReceivedAt: asOf.AddDate(0, 0, -ageDays), Corroborated: corroborated}
	}
	return out
}

// eig is an eigenvector centrality that counts as share of fully central
// under DefaultModel (whose EigenvectorFull is 1/√2).
func eig(share float64) float64 { return share * math.Sqrt2 / 2 }

// firearmsPrincipal heads a firearms-linked supply network; the picture
// is strong and recent.
func firearmsPrincipal() Inputs {
	return Inputs{
		Physical: 4, Psychological: 3, Financial: 3, Community: 3, VictimVulnerability: 3, GeographicScope: 3,
		Likelihood: 4,
		Confidence: ConfidenceHigh,
		Capacity:   3, Capability: 4, Opportunity: 2,
		Intelligence: slices.Concat(
			items(6, "1A", 0, false),
			items(4, "1B", 0, false),
			items(2, "2A/C", 90, false),
			items(2, "2C", 90, true),
			items(2, "3D", 180, false),
		),
		AsOf:        asOf,
		Betweenness: 0.6, EigenvectorCentrality: eig(0.8), NetworkSize: 24,
	}
}

// peripheralRunner carries drugs for the network; the little intelligence
// there is weak and old.
func peripheralRunner() Inputs {
	return Inputs{
		Physical: 1, Psychological: 1, Financial: 1, Community: 2, VictimVulnerability: 1, GeographicScope: 1,
		Likelihood: 2,
		Confidence: ConfidenceLow,
		Capacity:   2, Capability: 2, Opportunity: 1,
		Intelligence: slices.Concat(
			items(1, "2C", 180, false),
			items(1, "3D", 360, false),
			items(1, "2B", 270, false),
		),
		AsOf:        asOf,
		Betweenness: 0.1, EigenvectorCentrality: eig(0.2), NetworkSize: 24,
	}
}

// midLevelSupplier moves wholesale quantities across force borders.
func midLevelSupplier() Inputs {
	return Inputs{
		Physical: 2, Psychological: 2, Financial: 3, Community: 3, VictimVulnerability: 2, GeographicScope: 3,
		Likelihood: 3,
		Confidence: ConfidenceMedium,
		Capacity:   2, Capability: 3, Opportunity: 3,
		Intelligence: slices.Concat(
			items(5, "1A", 90, false),
			items(5, "2C", 0, false),
		),
		AsOf:        asOf,
		Betweenness: 0.3, EigenvectorCentrality: eig(0.5), NetworkSize: 12,
	}
}

func allZeros() Inputs {
	return Inputs{Confidence: ConfidenceLow, AsOf: asOf}
}

func maximum() Inputs {
	return Inputs{
		Physical: 4, Psychological: 4, Financial: 4, Community: 4, VictimVulnerability: 4, GeographicScope: 4,
		Likelihood: 4,
		Confidence: ConfidenceHigh,
		Capacity:   4, Capability: 4, Opportunity: 4,
		Intelligence: items(20, "1A", 0, true),
		AsOf:         asOf,
		Betweenness:  1, EigenvectorCentrality: eig(1), NetworkSize: 50,
	}
}

// TestScoreProfiles checks scores worked out by hand under DefaultModel
// (weights 35/20/15/15/15). The working is in each case's comment.
func TestScoreProfiles(t *testing.T) {
	tests := []struct {
		name string
		in   Inputs
		// contributions: harm, likelihood, position, intelligence, network
		contributions [5]float64
		score         float64
		band          string
		low, high     float64
		lowBand       string
		highBand      string
	}{
		{
			// harm (3*4+2*3+3+3+2*3+3)/10 = 3.3 of 4 -> 35*0.825 = 28.875
			// likelihood 4/4 -> 20
			// position (3+4+2)/12 = 0.75 -> 11.25
			// intelligence worth 6*1 + 4*0.8 + 2*0.6*0.5 + 2*0.3*0.5
			//   + 2*(0.075*0.5)*0.25 = 10.11875 over 20 -> 15*0.5059375 = 7.5890625
			// network (0.6+0.8)/2 = 0.7 -> 10.5
			// total 78.2140625 -> 78.2; tenths shared by largest remainder:
			//   288|200|112|75|105 = 780, +1 intelligence (.89), +1 harm (.75)
			name: "firearms-linked principal, strong recent intelligence", in: firearmsPrincipal(),
			contributions: [5]float64{28.9, 20, 11.2, 7.6, 10.5}, score: 78.2, band: BandHigh,
			low: 73.2, high: 83.2, lowBand: BandHigh, highBand: BandHigh,
		},
		{
			// harm (3+2+1+2+2+1)/10 = 1.1 of 4 -> 35*0.275 = 9.625
			// likelihood 2/4 -> 10
			// position 5/12 -> 6.25
			// intelligence 0.6*0.5*0.5*0.25 (2C, 2 half-lives)
			//   + 0.25*0.3*0.5*0.0625 (3D, 4 half-lives) + 0.6*0.8*0.125 (2B, 3)
			//   = 0.09984375 over 20 -> 15*0.0049921875 = 0.0748828125
			// network (0.1+0.2)/2 = 0.15 -> 2.25
			// total 28.1998828125 -> 28.2; 96|100|62|0|22 = 280,
			//   +1 intelligence (.75), +1 position (.5, listed before network's .5)
			name: "peripheral runner, weak old intelligence", in: peripheralRunner(),
			contributions: [5]float64{9.6, 10, 6.3, 0.1, 2.2}, score: 28.2, band: BandLow,
			low: 8.2, high: 48.2, lowBand: BandLow, highBand: BandMedium,
		},
		{
			// harm (2*3+2*2+3+3+2*2+3)/10 = 2.3 -> 35*0.575 = 20.125
			// likelihood 3/4 -> 15; position 8/12 -> 10
			// intelligence 5*1*0.5 + 5*0.6*0.5*0.5 = 3.25 over 20 -> 2.4375
			// network (0.3+0.5)/2 = 0.4 -> 6
			// total 53.5625 -> 53.6; 201|150|100|24|60 = 535, +1 intelligence (.375)
			name: "mid-level supplier, mixed intelligence", in: midLevelSupplier(),
			contributions: [5]float64{20.1, 15, 10, 2.5, 6}, score: 53.6, band: BandMedium,
			low: 43.6, high: 63.6, lowBand: BandMedium, highBand: BandMedium,
		},
		{
			name: "all zeros", in: allZeros(),
			contributions: [5]float64{0, 0, 0, 0, 0}, score: 0, band: BandLow,
			low: 0, high: 20, lowBand: BandLow, highBand: BandLow,
		},
		{
			name: "maximum everything", in: maximum(),
			contributions: [5]float64{35, 20, 15, 15, 15}, score: 100, band: BandHigh,
			low: 95, high: 100, lowBand: BandHigh, highBand: BandHigh,
		},
	}
	m := DefaultModel()
	names := []string{FactorHarm, FactorLikelihood, FactorOrganisationalPosition, FactorIntelligence, FactorNetwork}
	weights := []float64{0.35, 0.20, 0.15, 0.15, 0.15}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Score(m, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if r.Score != tt.score || r.Band != tt.band {
				t.Errorf("score %v %s, want %v %s", r.Score, r.Band, tt.score, tt.band)
			}
			if r.ModelVersion != "morile-keyline/1" {
				t.Errorf("model version %q", r.ModelVersion)
			}
			if len(r.Factors) != 5 {
				t.Fatalf("want 5 factors, got %d", len(r.Factors))
			}
			for i, f := range r.Factors {
				if f.Name != names[i] {
					t.Errorf("factor %d is %q, want %q", i, f.Name, names[i])
				}
				if math.Abs(f.Weight-weights[i]) > 1e-12 {
					t.Errorf("%s weight %v, want %v", f.Name, f.Weight, weights[i])
				}
				if f.Contribution != tt.contributions[i] {
					t.Errorf("%s contributes %v, want %v (%s)", f.Name, f.Contribution, tt.contributions[i], f.Explanation)
				}
				if f.Value < 0 || f.Value > 1 {
					t.Errorf("%s value %v outside 0..1", f.Name, f.Value)
				}
				if f.Explanation == "" {
					t.Errorf("%s has no explanation", f.Name)
				}
			}
			rg := r.Range
			if rg.Low != tt.low || rg.High != tt.high || rg.LowBand != tt.lowBand || rg.HighBand != tt.highBand || rg.Confidence != tt.in.Confidence {
				t.Errorf("range %+v, want %v (%s) to %v (%s)", rg, tt.low, tt.lowBand, tt.high, tt.highBand)
			}
		})
	}
}

func TestScoreExplanations(t *testing.T) {
	r, err := Score(DefaultModel(), firearmsPrincipal())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"harm 3.3 of 4, the weighted mean of physical 4, psychological 3, financial 3, community 3, victim vulnerability 3, geographic scope 3 (weights 3, 2, 1, 1, 2, 1)",
		"likelihood 4 of 4 (almost certain)",
		"organisational position 3.0 of 4, the mean of capacity 3, capability 4 and opportunity 2 to act",
		"16 items: volume 0.80 (20 counts as full) x mean worth 0.63 per item (quality x recency) = 0.506; " +
			"mean quality 0.69 (2 uncorroborated C/D/E items at 0.5 of their grade quality); " +
			"mean recency 0.78 (half-life 90 days; newest 0 days old, oldest 180 days old)",
		"network position 0.70, the mean of betweenness 0.60 and eigenvector centrality 0.57 (0.80 of the 0.71 that counts as fully central) in a network of 24 entities",
	}
	for i, f := range r.Factors {
		if f.Explanation != want[i] {
			t.Errorf("%s explanation\n got %s\nwant %s", f.Name, f.Explanation, want[i])
		}
	}
	wantRange := "HIGH confidence (±5 points): the assessment supports a score from 73.2 (HIGH) to 83.2 (HIGH); confidence does not change the score"
	if r.Range.Explanation != wantRange {
		t.Errorf("range explanation\n got %s\nwant %s", r.Range.Explanation, wantRange)
	}

	none, err := Score(DefaultModel(), allZeros())
	if err != nil {
		t.Fatal(err)
	}
	if got := none.Factors[3].Explanation; got != "no intelligence items on the subject" {
		t.Errorf("empty intelligence explained as %q", got)
	}
	if got := none.Factors[4].Explanation; got != "network position 0.00, the mean of betweenness 0.00 and eigenvector centrality 0.00 (0.00 of the 0.71 that counts as fully central); the network has 0 entities, fewer than 5, so it counts 0/5 = 0.000" {
		t.Errorf("empty network explained as %q", got)
	}
}

func TestBand(t *testing.T) {
	m := DefaultModel()
	tests := []struct {
		score float64
		want  string
	}{
		{100, BandHigh},
		{70, BandHigh},
		{69.9, BandMedium},
		{40, BandMedium},
		{39.9, BandLow},
		{0, BandLow},
	}
	for _, tt := range tests {
		if got := Band(m, tt.score); got != tt.want {
			t.Errorf("Band(%v) = %s, want %s", tt.score, got, tt.want)
		}
	}
}

// TestBandBoundariesThroughScore lands scores exactly on the thresholds.
func TestBandBoundariesThroughScore(t *testing.T) {
	severe := Inputs{
		Physical: 4, Psychological: 4, Financial: 4, Community: 4, VictimVulnerability: 4, GeographicScope: 4,
		Confidence: ConfidenceHigh, AsOf: asOf,
	}
	high := severe
	high.Likelihood = 4
	high.Capacity, high.Capability, high.Opportunity = 4, 4, 4 // 35 + 20 + 15
	medium := severe
	medium.Likelihood = 1 // 35 + 5
	tests := []struct {
		name  string
		in    Inputs
		score float64
		band  string
	}{
		{"exactly HIGH", high, 70, BandHigh},
		{"exactly MEDIUM", medium, 40, BandMedium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Score(DefaultModel(), tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if r.Score != tt.score || r.Band != tt.band {
				t.Errorf("got %v %s, want %v %s", r.Score, r.Band, tt.score, tt.band)
			}
		})
	}
}

func TestMovement(t *testing.T) {
	tests := []struct{ prev, cur, want float64 }{
		{53.6, 78.2, 24.6},
		{78.2, 53.6, -24.6},
		{28.2, 28.2, 0},
		{0, 100, 100},
		{0.1, 0.3, 0.2}, // not 0.19999999999999998
	}
	for _, tt := range tests {
		if got := Movement(tt.prev, tt.cur); got != tt.want {
			t.Errorf("Movement(%v, %v) = %v, want %v", tt.prev, tt.cur, got, tt.want)
		}
	}
}

func TestScoreValidation(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Inputs)
		field  string
	}{
		{"physical below 0", func(in *Inputs) { in.Physical = -1 }, "harm.physical"},
		{"physical above 4", func(in *Inputs) { in.Physical = 5 }, "harm.physical"},
		{"psychological", func(in *Inputs) { in.Psychological = 5 }, "harm.psychological"},
		{"financial", func(in *Inputs) { in.Financial = -1 }, "harm.financial"},
		{"community", func(in *Inputs) { in.Community = 9 }, "harm.community"},
		{"victim vulnerability", func(in *Inputs) { in.VictimVulnerability = 5 }, "harm.victimVulnerability"},
		{"geographic scope", func(in *Inputs) { in.GeographicScope = 5 }, "harm.geographicScope"},
		{"likelihood", func(in *Inputs) { in.Likelihood = 5 }, "likelihood"},
		{"likelihood negative", func(in *Inputs) { in.Likelihood = -1 }, "likelihood"},
		{"confidence missing", func(in *Inputs) { in.Confidence = "" }, "confidence"},
		{"confidence lower case", func(in *Inputs) { in.Confidence = "high" }, "confidence"},
		{"confidence unknown", func(in *Inputs) { in.Confidence = "CERTAIN" }, "confidence"},
		{"capacity", func(in *Inputs) { in.Capacity = 5 }, "organisationalPosition.capacity"},
		{"capability", func(in *Inputs) { in.Capability = -1 }, "organisationalPosition.capability"},
		{"opportunity", func(in *Inputs) { in.Opportunity = 7 }, "organisationalPosition.opportunity"},
		{"no scoring time", func(in *Inputs) { in.AsOf = time.Time{} }, "asOf"},
		{"bad source", func(in *Inputs) { in.Intelligence[1].Grading.Source = "4" }, "intelligence[1].grading.source"},
		{"legacy grade not mapped", func(in *Inputs) { in.Intelligence[2].Grading.Assessment = "3" }, "intelligence[2].grading.assessment"},
		{"bad handling", func(in *Inputs) { in.Intelligence[0].Grading.Handling = "X" }, "intelligence[0].grading.handling"},
		{"C handling without conditions", func(in *Inputs) { in.Intelligence[10].Grading.Conditions = "" }, "intelligence[10].grading.conditions"},
		{"no received time", func(in *Inputs) { in.Intelligence[3].ReceivedAt = time.Time{} }, "intelligence[3].receivedAt"},
		{"received after scoring", func(in *Inputs) { in.Intelligence[4].ReceivedAt = asOf.Add(time.Second) }, "intelligence[4].receivedAt"},
		{"betweenness negative", func(in *Inputs) { in.Betweenness = -0.1 }, "network.betweenness"},
		{"betweenness above 1", func(in *Inputs) { in.Betweenness = 1.1 }, "network.betweenness"},
		{"betweenness NaN", func(in *Inputs) { in.Betweenness = math.NaN() }, "network.betweenness"},
		{"eigenvector above 1", func(in *Inputs) { in.EigenvectorCentrality = 1.01 }, "network.eigenvectorCentrality"},
		{"eigenvector NaN", func(in *Inputs) { in.EigenvectorCentrality = math.NaN() }, "network.eigenvectorCentrality"},
		{"network size negative", func(in *Inputs) { in.NetworkSize = -1 }, "network.size"},
		{"central in a network of one", func(in *Inputs) { in.NetworkSize = 1 }, "network.size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := firearmsPrincipal()
			tt.change(&in)
			_, err := Score(DefaultModel(), in)
			wantFieldError(t, err, tt.field)
		})
	}
}

func TestScoreAcceptsEdges(t *testing.T) {
	in := peripheralRunner()
	in.Intelligence[0].ReceivedAt = asOf // received at the scoring time
	in.NetworkSize = 2                   // a pair: eigenvector 1/√2 each
	in.Betweenness, in.EigenvectorCentrality = 0, math.Sqrt2/2
	in.AsOf = asOf.In(time.FixedZone("BST", 3600))
	if _, err := Score(DefaultModel(), in); err != nil {
		t.Fatalf("want valid, got %v", err)
	}
}

func TestScoreIsDeterministic(t *testing.T) {
	m := DefaultModel()
	in := firearmsPrincipal()
	// Items of every kind, received at distinct and at shared times, so
	// that the order of summation would show in the last bits.
	for i := range 40 {
		codes := []string{"1A", "1B", "2A/C", "2C", "3D", "2E", "3B"}
		in.Intelligence = append(in.Intelligence, IntelItem{
			Grading:      grade(codes[i%len(codes)]),
			ReceivedAt:   asOf.Add(-time.Duration(i*i*7919) * time.Minute),
			Corroborated: i%3 == 0,
		})
	}
	original := slices.Clone(in.Intelligence)
	first, err := Score(m, in)
	if err != nil {
		t.Fatal(err)
	}
	firstJSON, _ := json.Marshal(first)
	if !slices.Equal(in.Intelligence, original) {
		t.Fatal("Score reordered the caller's intelligence")
	}

	check := func(name string, in Inputs) {
		t.Helper()
		r, err := Score(m, in)
		if err != nil {
			t.Fatal(err)
		}
		if math.Float64bits(r.Score) != math.Float64bits(first.Score) || !reflect.DeepEqual(r, first) {
			t.Fatalf("%s: result differs:\n%+v\n%+v", name, r, first)
		}
		for i := range r.Factors {
			if math.Float64bits(r.Factors[i].Value) != math.Float64bits(first.Factors[i].Value) {
				t.Fatalf("%s: %s value %v, was %v", name, r.Factors[i].Name, r.Factors[i].Value, first.Factors[i].Value)
			}
		}
		b, _ := json.Marshal(r)
		if string(b) != string(firstJSON) {
			t.Fatalf("%s: JSON differs", name)
		}
	}
	check("scored again", in)

	reversed := in
	reversed.Intelligence = slices.Clone(in.Intelligence)
	slices.Reverse(reversed.Intelligence)
	check("reversed", reversed)

	rng := rand.New(rand.NewPCG(1, 2)) // the test's shuffles, not the scoring, are random
	for i := range 20 {
		shuffled := in
		shuffled.Intelligence = slices.Clone(in.Intelligence)
		rng.Shuffle(len(shuffled.Intelligence), func(a, b int) {
			shuffled.Intelligence[a], shuffled.Intelligence[b] = shuffled.Intelligence[b], shuffled.Intelligence[a]
		})
		check(fmt.Sprintf("shuffle %d", i), shuffled)
	}

	// The same instants in another time zone are the same inputs.
	zoned := in
	bst := time.FixedZone("BST", 3600)
	zoned.AsOf = in.AsOf.In(bst)
	zoned.Intelligence = slices.Clone(in.Intelligence)
	for i := range zoned.Intelligence {
		zoned.Intelligence[i].ReceivedAt = zoned.Intelligence[i].ReceivedAt.In(bst)
	}
	check("time zone", zoned)

	// Result.Inputs holds the canonical order: oldest first.
	if !slices.IsSortedFunc(first.Inputs.Intelligence, compareItems) {
		t.Error("Result.Inputs.Intelligence is not in canonical order")
	}
}

// TestBreakdownAddsUpToScore scores a spread of inputs and checks that the
// contributions, each to one decimal, add up exactly to the score and stay
// within a tenth of the factor's unrounded points.
func TestBreakdownAddsUpToScore(t *testing.T) {
	m := DefaultModel()
	count := 0
	for h := range 5 {
		for l := range 5 {
			for p := range 5 {
				for _, net := range []float64{0, 0.13, 0.5, 0.77, 1} {
					in := Inputs{
						Physical: h, Psychological: (h + 1) % 5, Financial: (h + 2) % 5, Community: (h + 3) % 5,
						VictimVulnerability: (h + l) % 5, GeographicScope: (l + p) % 5,
						Likelihood: l, Confidence: ConfidenceMedium,
						Capacity: p, Capability: (p + 1) % 5, Opportunity: (p + 3) % 5,
						Intelligence: slices.Concat(items(h*3, "2B", l*17, false), items(p, "3C/C", h*40, false)),
						AsOf:         asOf,
						Betweenness:  net, EigenvectorCentrality: eig(1 - net), NetworkSize: 2 + 3*p,
					}
					r, err := Score(m, in)
					if err != nil {
						t.Fatal(err)
					}
					var tenths int64
					for _, f := range r.Factors {
						c := math.Round(f.Contribution * 10)
						if c != f.Contribution*10 && math.Abs(c-f.Contribution*10) > 1e-9 {
							t.Fatalf("%s contribution %v is not to one decimal", f.Name, f.Contribution)
						}
						if raw := 100 * f.Weight * f.Value; math.Abs(raw-f.Contribution) > 0.1+1e-9 {
							t.Fatalf("%s contributes %v for %v raw points", f.Name, f.Contribution, raw)
						}
						tenths += int64(c)
					}
					if tenths != int64(math.Round(r.Score*10)) {
						t.Fatalf("contributions add up to %d tenths, score %v: %+v", tenths, r.Score, r.Factors)
					}
					if r.Score < 0 || r.Score > 100 || r.Band != Band(m, r.Score) {
						t.Fatalf("score %v band %s", r.Score, r.Band)
					}
					count++
				}
			}
		}
	}
	if count != 625 {
		t.Fatalf("checked %d cases", count)
	}
}

func TestModelVersionInResult(t *testing.T) {
	m := DefaultModel()
	m.Version = "morile-keyline/2-trial"
	m.Weights.Network = 30 // network-led trial: weights now sum to 115
	r, err := Score(m, firearmsPrincipal())
	if err != nil {
		t.Fatal(err)
	}
	if r.ModelVersion != "morile-keyline/2-trial" {
		t.Errorf("model version %q", r.ModelVersion)
	}
	// (28.875 + 20 + 11.25 + 7.5890625 + 0.7*30) * 100/115 = 77.1426...
	if r.Score != 77.1 {
		t.Errorf("score %v under the trial model, want 77.1", r.Score)
	}
	if w := r.Factors[4].Weight; math.Abs(w-30.0/115) > 1e-12 {
		t.Errorf("network weight %v, want 30/115", w)
	}
}

func TestResultJSONRoundTrip(t *testing.T) {
	for _, in := range []Inputs{firearmsPrincipal(), peripheralRunner(), allZeros(), maximum()} {
		r, err := Score(DefaultModel(), in)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var back Result
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(r, back) {
			t.Fatalf("round trip changed the result:\n%+v\n%+v", r, back)
		}
		// A stored model and the stored inputs reproduce the stored result.
		mb, _ := json.Marshal(DefaultModel())
		var m Model
		if err := json.Unmarshal(mb, &m); err != nil {
			t.Fatal(err)
		}
		again, err := Score(m, back.Inputs)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(again, r) {
			t.Fatalf("re-scoring the stored inputs gave\n%+v\nnot\n%+v", again, r)
		}
	}
}

// TestConfidenceNeverMovesTheScore: confidence widens or narrows the range
// around the score and nothing else.
func TestConfidenceNeverMovesTheScore(t *testing.T) {
	m := DefaultModel()
	for _, base := range []Inputs{firearmsPrincipal(), peripheralRunner(), midLevelSupplier(), allZeros(), maximum()} {
		var results []Result
		for _, c := range []string{ConfidenceHigh, ConfidenceMedium, ConfidenceLow} {
			in := base
			in.Confidence = c
			r, err := Score(m, in)
			if err != nil {
				t.Fatal(err)
			}
			results = append(results, r)
		}
		for i, r := range results[1:] {
			if r.Score != results[0].Score || r.Band != results[0].Band || !reflect.DeepEqual(r.Factors, results[0].Factors) {
				t.Fatalf("confidence %s changed the score: %v %s, HIGH gave %v %s", r.Range.Confidence, r.Score, r.Band, results[0].Score, results[0].Band)
			}
			// Less confidence never narrows the range.
			prev := results[i].Range
			if r.Range.Low > prev.Low || r.Range.High < prev.High {
				t.Fatalf("%s range %+v narrower than %s range %+v", r.Range.Confidence, r.Range, prev.Confidence, prev)
			}
		}
	}
	// The widths are the model's, clipped to 0..100.
	tests := []struct {
		confidence string
		score      float64
		low, high  float64
	}{
		{ConfidenceHigh, 53.6, 48.6, 58.6},
		{ConfidenceMedium, 53.6, 43.6, 63.6},
		{ConfidenceLow, 53.6, 33.6, 73.6},
		{ConfidenceLow, 12.3, 0, 32.3},
		{ConfidenceLow, 91.4, 71.4, 100},
	}
	for _, tt := range tests {
		rg := scoreRange(m, tt.confidence, tt.score)
		if rg.Low != tt.low || rg.High != tt.high {
			t.Errorf("%s range around %v is %v..%v, want %v..%v", tt.confidence, tt.score, rg.Low, rg.High, tt.low, tt.high)
		}
		if rg.LowBand != Band(m, rg.Low) || rg.HighBand != Band(m, rg.High) {
			t.Errorf("range bands %+v", rg)
		}
	}
}

// TestIntelligenceFactor pins down the rules for intelligence items.
func TestIntelligenceFactor(t *testing.T) {
	m := DefaultModel()
	tests := []struct {
		name  string
		items []IntelItem
		want  float64 // factor value, 0..1
	}{
		{"none", nil, 0},
		{"one 1A today", items(1, "1A", 0, false), 1.0 / 20},
		{"one 1A one half-life old", items(1, "1A", 90, false), 0.5 / 20},
		{"one 1A two half-lives old", items(1, "1A", 180, false), 0.25 / 20},
		{"1B counts fully: corroborated by its grade", items(1, "1B", 0, false), 0.8 / 20},
		{"2A uncorroborated counts fully: direct knowledge", items(1, "2A", 0, false), 0.6 / 20},
		{"2C uncorroborated at half", items(1, "2C", 0, false), 0.6 * 0.5 * 0.5 / 20},
		{"2C corroborated in full", items(1, "2C", 0, true), 0.6 * 0.5 / 20},
		{"3D uncorroborated at half", items(1, "3D", 0, false), 0.25 * 0.3 * 0.5 / 20},
		{"suspected false worth nothing", items(5, "1E", 0, true), 0},
		{"20 1A today is full", items(20, "1A", 0, false), 1},
		{"beyond saturation, the mean worth", slices.Concat(items(20, "1A", 0, false), items(20, "1A", 90, false)), 0.75},
		{"a thousand weak reports", items(1000, "3D", 0, false), 0.0375},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := allZeros()
			in.Intelligence = tt.items
			f := intelligenceFactor(m, in)
			if math.Abs(f.Value-tt.want) > 1e-12 {
				t.Errorf("value %v, want %v (%s)", f.Value, tt.want, f.Explanation)
			}
		})
	}
	// Five strong, recent items outweigh a thousand weak ones.
	weak := allZeros()
	weak.Intelligence = items(1000, "3D", 0, false)
	strong := allZeros()
	strong.Intelligence = items(5, "1A", 0, false)
	if w, s := intelligenceFactor(m, weak).Value, intelligenceFactor(m, strong).Value; w >= s {
		t.Errorf("1000 weak reports score %v, 5 strong ones %v", w, s)
	}
}

func TestNetworkFactor(t *testing.T) {
	m := DefaultModel()
	tests := []struct {
		name        string
		betweenness float64
		eigenvector float64
		size        int
		want        float64
	}{
		{"centre of a star", 1, math.Sqrt2 / 2, 10, 1},
		{"eigenvector above the full mark is capped", 0, 0.9, 10, 0.5},
		{"leaf", 0, eig(0.2), 10, 0.1},
		{"small network discounted", 1, math.Sqrt2 / 2, 3, 0.6},
		{"at the minimum size, no discount", 1, math.Sqrt2 / 2, 5, 1},
		{"isolated", 0, 0, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := allZeros()
			in.Betweenness, in.EigenvectorCentrality, in.NetworkSize = tt.betweenness, tt.eigenvector, tt.size
			f := networkFactor(m, in)
			if math.Abs(f.Value-tt.want) > 1e-12 {
				t.Errorf("value %v, want %v (%s)", f.Value, tt.want, f.Explanation)
			}
		})
	}
}
