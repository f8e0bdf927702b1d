package priority

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/keyline/keyline"
)

// Confidence levels in an assessment, as recorded in Inputs.Confidence.
const (
	ConfidenceLow    = "LOW"
	ConfidenceMedium = "MEDIUM"
	ConfidenceHigh   = "HIGH"
)

// Bands a score falls in.
const (
	BandHigh   = "HIGH"
	BandMedium = "MEDIUM"
	BandLow    = "LOW"
)

// Factor names, in the order Result.Factors lists them; they match the
// JSON names of FactorWeights.
const (
	FactorHarm                   = "harm"
	FactorLikelihood             = "likelihood"
	FactorOrganisationalPosition = "organisationalPosition"
	FactorIntelligence           = "intelligence"
	FactorNetwork                = "network"
)

// Inputs is everything a score depends on. The harm, likelihood,
// confidence and organisational position are recorded by the analyst or
// DI; the intelligence and network position are computed by Keyline from
// the graph.
type Inputs struct {
	// Harm, each 0 none, 1 low, 2 moderate, 3 substantial, 4 severe.
	Physical            int `json:"physical"`
	Psychological       int `json:"psychological"`
	Financial           int `json:"financial"`
	Community           int `json:"community"`
	VictimVulnerability int `json:"victimVulnerability"`
	// GeographicScope is 0 none, 1 local ... 4 national or international.
	GeographicScope int `json:"geographicScope"`

	// Likelihood that the harm occurs or continues: 0 not expected,
	// 1 unlikely, 2 possible, 3 likely, 4 almost certain.
	Likelihood int `json:"likelihood"`
	// Confidence in the assessment: LOW, MEDIUM or HIGH. It sets the
	// width of Result.Range, never the score.
	Confidence string `json:"confidence"`

	// Organisational position, each 0..4: the unit's capacity and
	// capability to act, and the opportunity to act now.
	Capacity    int `json:"capacity"`
	Capability  int `json:"capability"`
	Opportunity int `json:"opportunity"`

	// Intelligence is the items about the subject, in any order.
	Intelligence []IntelItem `json:"intelligence"`
	// AsOf is when the score is made; item ages are measured to it.
	AsOf time.Time `json:"asOf"`

	// Betweenness and EigenvectorCentrality (0..1) are the subject's
	// centrality in the operation's network as package analysis computes
	// them (normalised betweenness, L2-normalised eigenvector), and
	// NetworkSize the number of entities in that network.
	Betweenness           float64 `json:"betweenness"`
	EigenvectorCentrality float64 `json:"eigenvectorCentrality"`
	NetworkSize           int     `json:"networkSize"`
}

// IntelItem is one intelligence item about the subject.
type IntelItem struct {
	Grading    keyline.Grading `json:"grading"`
	ReceivedAt time.Time       `json:"receivedAt"`
	// Corroborated is set when other material independently supports the
	// item; it matters only for items assessed C, D or E.
	Corroborated bool `json:"corroborated"`
}

// Result is a score with everything needed to explain and reproduce it.
type Result struct {
	ModelVersion string `json:"modelVersion"`
	// Score is 0..100, rounded to one decimal place.
	Score float64 `json:"score"`
	// Band is HIGH, MEDIUM or LOW, from the rounded Score.
	Band string `json:"band"`
	// Range is the spread of scores the assessment's confidence allows.
	Range Range `json:"range"`
	// Factors are harm, likelihood, organisational position, intelligence
	// and network, in that order; their Contributions add up to Score.
	Factors []Factor `json:"factors"`
	// Inputs are the inputs as scored: times in UTC and intelligence items
	// in canonical order (oldest first).
	Inputs Inputs `json:"inputs"`
}

// Factor is one factor's part in a score.
type Factor struct {
	Name string `json:"name"`
	// Value is the factor on a 0..1 scale.
	Value float64 `json:"value"`
	// Weight is the factor's share of the 100 points (the model weights
	// divided by their sum), so the factor can contribute 100*Weight.
	Weight float64 `json:"weight"`
	// Contribution is the factor's points, 100*Weight*Value, to one
	// decimal place with the rounding shared out so the factors add up to
	// Result.Score.
	Contribution float64 `json:"contribution"`
	// Explanation says in plain English where Value came from.
	Explanation string `json:"explanation"`
}

// Range is the spread of scores consistent with the assessment, given the
// confidence recorded in it.
type Range struct {
	Confidence  string  `json:"confidence"`
	Low         float64 `json:"low"`
	High        float64 `json:"high"`
	LowBand     string  `json:"lowBand"`
	HighBand    string  `json:"highBand"`
	Explanation string  `json:"explanation"`
}

// Score scores a target's priority with model m. It fails with a
// BAD_USER_INPUT *keyline.Error naming the field if the model or any input
// is invalid. The same Inputs (intelligence in any order) and the same
// Model give the same Result bit for bit.
func Score(m Model, in Inputs) (Result, error) {
	if err := m.Validate(); err != nil {
		return Result{}, err
	}
	in, err := canonicalInputs(in)
	if err != nil {
		return Result{}, err
	}
	factors := []Factor{
		harmFactor(m, in),
		likelihoodFactor(in),
		positionFactor(in),
		intelligenceFactor(m, in),
		networkFactor(m, in),
	}
	weights := []float64{
		m.Weights.Harm,
		m.Weights.Likelihood,
		m.Weights.OrganisationalPosition,
		m.Weights.Intelligence,
		m.Weights.Network,
	}
	sum := 0.0
	for _, w := range weights {
		sum += w
	}
	raw := make([]float64, len(factors))
	for i := range factors {
		factors[i].Weight = weights[i] / sum
		raw[i] = 100 * weights[i] * factors[i].Value / sum
	}
	tenths, parts := shareTenths(raw)
	for i := range factors {
		factors[i].Contribution = float64(parts[i]) / 10
	}
	score := float64(tenths) / 10
	return Result{
		ModelVersion: m.Version,
		Score:        score,
		Band:         Band(m, score),
		Range:        scoreRange(m, in.Confidence, score),
		Factors:      factors,
		Inputs:       in,
	}, nil
}

// Band places a score in HIGH, MEDIUM or LOW by the model's thresholds; a
// score exactly at a threshold is in the higher band. Pass the rounded
// Result.Score so the band matches the number shown.
func Band(m Model, score float64) string {
	switch {
	case score >= m.Bands.High:
		return BandHigh
	case score >= m.Bands.Medium:
		return BandMedium
	}
	return BandLow
}

// Movement is the change from a previous score to the current one, to one
// decimal place: positive when the target's priority has risen.
func Movement(previous, current float64) float64 {
	return round1(current - previous)
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

// unitsPerTenth is the resolution at which contributions are added up:
// 1e-7 points. Working in whole units makes the sum exact and independent
// of the order of addition.
const unitsPerTenth = 1_000_000

// shareTenths rounds the sum of raw contributions (points) to tenths and
// shares those tenths among the factors by the largest-remainder method,
// so the parts add up exactly to the total. Ties go to the earlier factor.
func shareTenths(raw []float64) (total int64, parts []int64) {
	units := make([]int64, len(raw))
	var sum int64
	for i, c := range raw {
		units[i] = int64(math.Round(c * 10 * unitsPerTenth))
		sum += units[i]
	}
	total = (sum + unitsPerTenth/2) / unitsPerTenth
	parts = make([]int64, len(raw))
	given := int64(0)
	for i, u := range units {
		parts[i] = u / unitsPerTenth
		given += parts[i]
	}
	order := make([]int, len(raw))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(units[b]%unitsPerTenth, units[a]%unitsPerTenth)
	})
	for _, i := range order[:total-given] {
		parts[i]++
	}
	return total, parts
}

func scoreRange(m Model, confidence string, score float64) Range {
	var half float64
	switch confidence {
	case ConfidenceHigh:
		half = m.ConfidenceHalfWidth.High
	case ConfidenceMedium:
		half = m.ConfidenceHalfWidth.Medium
	default:
		half = m.ConfidenceHalfWidth.Low
	}
	r := Range{
		Confidence: confidence,
		Low:        round1(math.Max(0, score-half)),
		High:       round1(math.Min(100, score+half)),
	}
	r.LowBand, r.HighBand = Band(m, r.Low), Band(m, r.High)
	r.Explanation = fmt.Sprintf("%s confidence (±%g points): the assessment supports a score from %.1f (%s) to %.1f (%s); confidence does not change the score",
		confidence, half, r.Low, r.LowBand, r.High, r.HighBand)
	return r
}

func harmFactor(m Model, in Inputs) Factor {
	w := m.HarmWeights
	sum := w.Physical + w.Psychological + w.Financial + w.Community + w.VictimVulnerability + w.GeographicScope
	mean := (w.Physical*float64(in.Physical) +
		w.Psychological*float64(in.Psychological) +
		w.Financial*float64(in.Financial) +
		w.Community*float64(in.Community) +
		w.VictimVulnerability*float64(in.VictimVulnerability) +
		w.GeographicScope*float64(in.GeographicScope)) / sum
	return Factor{
		Name:  FactorHarm,
		Value: mean / 4,
		Explanation: fmt.Sprintf("harm %.1f of 4, the weighted mean of physical %d, psychological %d, financial %d, community %d, victim vulnerability %d, geographic scope %d (weights %g, %g, %g, %g, %g, %g)",
			mean, in.Physical, in.Psychological, in.Financial, in.Community, in.VictimVulnerability, in.GeographicScope,
			w.Physical, w.Psychological, w.Financial, w.Community, w.VictimVulnerability, w.GeographicScope),
	}
}

var likelihoodLabels = [...]string{"not expected", "unlikely", "possible", "likely", "almost certain"}

func likelihoodFactor(in Inputs) Factor {
	return Factor{
		Name:        FactorLikelihood,
		Value:       float64(in.Likelihood) / 4,
		Explanation: fmt.Sprintf("likelihood %d of 4 (%s)", in.Likelihood, likelihoodLabels[in.Likelihood]),
	}
}

func positionFactor(in Inputs) Factor {
	mean := float64(in.Capacity+in.Capability+in.Opportunity) / 3
	return Factor{
		Name:  FactorOrganisationalPosition,
		Value: mean / 4,
		Explanation: fmt.Sprintf("organisational position %.1f of 4, the mean of capacity %d, capability %d and opportunity %d to act",
			mean, in.Capacity, in.Capability, in.Opportunity),
	}
}

// intelligenceFactor: each item is worth quality x recency; the factor is
// the total worth over max(items, VolumeSaturation), which is volume
// (items/saturation, at most 1) times the mean worth of an item.
func intelligenceFactor(m Model, in Inputs) Factor {
	f := Factor{Name: FactorIntelligence}
	n := len(in.Intelligence)
	if n == 0 {
		f.Explanation = "no intelligence items on the subject"
		return f
	}
	var sumQuality, sumRecency, sumWorth float64
	downWeighted := 0
	for _, it := range in.Intelligence {
		q := it.Grading.Quality()
		if isIndirect(it.Grading) && !it.Corroborated {
			q *= m.UncorroboratedWeight
			downWeighted++
		}
		r := math.Exp2(-ageDays(in.AsOf, it.ReceivedAt) / m.RecencyHalfLifeDays)
		sumQuality += q
		sumRecency += r
		sumWorth += q * r
	}
	sat := m.VolumeSaturation
	f.Value = sumWorth / float64(max(n, sat))
	volume := float64(min(n, sat)) / float64(sat)
	newest := ageDays(in.AsOf, in.Intelligence[n-1].ReceivedAt)
	oldest := ageDays(in.AsOf, in.Intelligence[0].ReceivedAt)
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s: volume %.2f (%d counts as full) x mean worth %.2f per item (quality x recency) = %.3f",
		n, plural(n, "item", "items"), volume, sat, sumWorth/float64(n), f.Value)
	fmt.Fprintf(&b, "; mean quality %.2f", sumQuality/float64(n))
	if downWeighted > 0 {
		fmt.Fprintf(&b, " (%d uncorroborated C/D/E %s at %g of %s grade quality)",
			downWeighted, plural(downWeighted, "item", "items"), m.UncorroboratedWeight, plural(downWeighted, "its", "their"))
	}
	fmt.Fprintf(&b, "; mean recency %.2f (half-life %g days; newest %.0f days old, oldest %.0f days old)",
		sumRecency/float64(n), m.RecencyHalfLifeDays, newest, oldest)
	f.Explanation = b.String()
	return f
}

// isIndirect reports whether the assessment is C, D or E, the grades whose
// items need corroboration to count fully.
func isIndirect(g keyline.Grading) bool {
	return g.Assessment == "C" || g.Assessment == "D" || g.Assessment == "E"
}

func ageDays(asOf, received time.Time) float64 {
	return float64(asOf.Sub(received)) / float64(24*time.Hour)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func networkFactor(m Model, in Inputs) Factor {
	eig := math.Min(1, in.EigenvectorCentrality/m.EigenvectorFull)
	mean := (in.Betweenness + eig) / 2
	f := Factor{Name: FactorNetwork, Value: mean}
	var b strings.Builder
	fmt.Fprintf(&b, "network position %.2f, the mean of betweenness %.2f and eigenvector centrality %.2f (%.2f of the %.2f that counts as fully central)",
		mean, in.Betweenness, in.EigenvectorCentrality, eig, m.EigenvectorFull)
	if in.NetworkSize < m.NetworkMinSize {
		f.Value = mean * float64(in.NetworkSize) / float64(m.NetworkMinSize)
		fmt.Fprintf(&b, "; the network has %d %s, fewer than %d, so it counts %d/%d = %.3f",
			in.NetworkSize, plural(in.NetworkSize, "entity", "entities"), m.NetworkMinSize, in.NetworkSize, m.NetworkMinSize, f.Value)
	} else {
		fmt.Fprintf(&b, " in a network of %d entities", in.NetworkSize)
	}
	f.Explanation = b.String()
	return f
}

// canonicalInputs validates in and returns the copy that is scored: times
// in UTC and intelligence items sorted, so that summing them does not
// depend on the order they were given in. The caller's slice is untouched.
func canonicalInputs(in Inputs) (Inputs, error) {
	levels := []struct {
		field string
		value int
	}{
		{"harm.physical", in.Physical},
		{"harm.psychological", in.Psychological},
		{"harm.financial", in.Financial},
		{"harm.community", in.Community},
		{"harm.victimVulnerability", in.VictimVulnerability},
		{"harm.geographicScope", in.GeographicScope},
		{"likelihood", in.Likelihood},
	}
	for _, l := range levels {
		if l.value < 0 || l.value > 4 {
			return in, keyline.FieldErrorf(l.field, "must be 0 to 4, not %d", l.value)
		}
	}
	switch in.Confidence {
	case ConfidenceLow, ConfidenceMedium, ConfidenceHigh:
	default:
		return in, keyline.FieldErrorf("confidence", "must be LOW, MEDIUM or HIGH, not %q", in.Confidence)
	}
	position := []struct {
		field string
		value int
	}{
		{"organisationalPosition.capacity", in.Capacity},
		{"organisationalPosition.capability", in.Capability},
		{"organisationalPosition.opportunity", in.Opportunity},
	}
	for _, l := range position {
		if l.value < 0 || l.value > 4 {
			return in, keyline.FieldErrorf(l.field, "must be 0 to 4, not %d", l.value)
		}
	}
	if in.AsOf.IsZero() {
		return in, keyline.FieldErrorf("asOf", "the time the score is made must be given")
	}
	in.AsOf = in.AsOf.UTC()
	in.Intelligence = slices.Clone(in.Intelligence)
	for i := range in.Intelligence {
		it := &in.Intelligence[i]
		field := fmt.Sprintf("intelligence[%d]", i)
		if err := it.Grading.Validate(field + ".grading"); err != nil {
			return in, err
		}
		if it.ReceivedAt.IsZero() {
			return in, keyline.FieldErrorf(field+".receivedAt", "the time the item was received must be given")
		}
		if it.ReceivedAt.After(in.AsOf) {
			return in, keyline.FieldErrorf(field+".receivedAt", "received %s, after the scoring time %s",
				it.ReceivedAt.UTC().Format(time.RFC3339), in.AsOf.Format(time.RFC3339))
		}
		it.ReceivedAt = it.ReceivedAt.UTC()
	}
	slices.SortFunc(in.Intelligence, compareItems)
	if !(in.Betweenness >= 0 && in.Betweenness <= 1) {
		return in, keyline.FieldErrorf("network.betweenness", "must be between 0 and 1, not %v", in.Betweenness)
	}
	if !(in.EigenvectorCentrality >= 0 && in.EigenvectorCentrality <= 1) {
		return in, keyline.FieldErrorf("network.eigenvectorCentrality", "must be between 0 and 1, not %v", in.EigenvectorCentrality)
	}
	if in.NetworkSize < 0 {
		return in, keyline.FieldErrorf("network.size", "must not be negative, not %d", in.NetworkSize)
	}
	if in.NetworkSize < 2 && (in.Betweenness > 0 || in.EigenvectorCentrality > 0) {
		return in, keyline.FieldErrorf("network.size", "a subject can be central only in a network of at least 2 entities, not %d", in.NetworkSize)
	}
	return in, nil
}

// compareItems orders items oldest first, then by every other field, so
// items that compare equal are identical.
func compareItems(a, b IntelItem) int {
	return cmp.Or(
		a.ReceivedAt.Compare(b.ReceivedAt),
		cmp.Compare(a.Grading.Source, b.Grading.Source),
		cmp.Compare(a.Grading.Assessment, b.Grading.Assessment),
		cmp.Compare(a.Grading.Handling, b.Grading.Handling),
		cmp.Compare(a.Grading.Conditions, b.Grading.Conditions),
		compareBool(a.Corroborated, b.Corroborated),
	)
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}
