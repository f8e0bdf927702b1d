package priority

import (
	"math"

	"github.com/keyline/keyline"
)

// Model is a versioned set of weights and settings for Score. It is stored
// as JSON beside the scores made with it, so a score can be reproduced
// later: give every changed Model a new Version, because a Result records
// only the version.
type Model struct {
	// Version names this exact set of weights, e.g. "morile-keyline/1".
	Version string `json:"version"`
	// Weights are the factors' relative weights; Score divides each by
	// their sum, so only their proportions matter.
	Weights FactorWeights `json:"weights"`
	// HarmWeights are the harm dimensions' relative weights.
	HarmWeights HarmWeights `json:"harmWeights"`
	// RecencyHalfLifeDays is the age at which an intelligence item counts
	// half as much as one received at AsOf.
	RecencyHalfLifeDays float64 `json:"recencyHalfLifeDays"`
	// VolumeSaturation is the number of items at which the intelligence
	// volume is full: that many full-worth (1A, current) items score 1.
	VolumeSaturation int `json:"volumeSaturation"`
	// UncorroboratedWeight is the share of its quality an uncorroborated
	// item assessed C, D or E keeps (0..1).
	UncorroboratedWeight float64 `json:"uncorroboratedWeight"`
	// EigenvectorFull is the eigenvector centrality that counts as fully
	// central; 1/√2 suits L2-normalised values, the maximum on a
	// connected chart (0 < EigenvectorFull <= 1).
	EigenvectorFull float64 `json:"eigenvectorFull"`
	// NetworkMinSize is the network size below which the network factor
	// is scaled down by size/NetworkMinSize; 1 turns the discount off.
	NetworkMinSize int `json:"networkMinSize"`
	// Bands are the score thresholds for HIGH and MEDIUM.
	Bands Bands `json:"bands"`
	// ConfidenceHalfWidth is how many points either side of the score
	// Result.Range reaches at each confidence level.
	ConfidenceHalfWidth ConfidenceHalfWidth `json:"confidenceHalfWidth"`
}

// FactorWeights are the relative weights of the five factors.
type FactorWeights struct {
	Harm                   float64 `json:"harm"`
	Likelihood             float64 `json:"likelihood"`
	OrganisationalPosition float64 `json:"organisationalPosition"`
	Intelligence           float64 `json:"intelligence"`
	Network                float64 `json:"network"`
}

// HarmWeights are the relative weights of the six harm dimensions.
type HarmWeights struct {
	Physical            float64 `json:"physical"`
	Psychological       float64 `json:"psychological"`
	Financial           float64 `json:"financial"`
	Community           float64 `json:"community"`
	VictimVulnerability float64 `json:"victimVulnerability"`
	GeographicScope     float64 `json:"geographicScope"`
}

// Bands are score thresholds: a score of at least High is HIGH, at least
// Medium is MEDIUM, anything lower is LOW.
type Bands struct {
	High   float64 `json:"high"`
	Medium float64 `json:"medium"`
}

// ConfidenceHalfWidth gives, per confidence level, the points either side
// of the score that Result.Range covers. Less confidence never narrows the
// range: High <= Medium <= Low.
type ConfidenceHalfWidth struct {
	Low    float64 `json:"low"`
	Medium float64 `json:"medium"`
	High   float64 `json:"high"`
}

// DefaultModel is Keyline's current model; the package documentation
// explains each weight.
func DefaultModel() Model {
	return Model{
		Version: "morile-keyline/1",
		Weights: FactorWeights{
			Harm:                   35,
			Likelihood:             20,
			OrganisationalPosition: 15,
			Intelligence:           15,
			Network:                15,
		},
		HarmWeights: HarmWeights{
			Physical:            3,
			Psychological:       2,
			Financial:           1,
			Community:           1,
			VictimVulnerability: 2,
			GeographicScope:     1,
		},
		RecencyHalfLifeDays:  90,
		VolumeSaturation:     20,
		UncorroboratedWeight: 0.5,
		EigenvectorFull:      math.Sqrt2 / 2,
		NetworkMinSize:       5,
		Bands:                Bands{High: 70, Medium: 40},
		ConfidenceHalfWidth:  ConfidenceHalfWidth{Low: 20, Medium: 10, High: 5},
	}
}

// Validate checks that the model can score: weights finite and
// non-negative with a positive sum, settings in range, thresholds ordered.
// Errors are BAD_USER_INPUT naming the field, e.g. "model.weights.harm".
func (m Model) Validate() error {
	if m.Version == "" {
		return keyline.FieldErrorf("model.version", "a model must have a version so its scores can be reproduced")
	}
	factors := []weight{
		{"model.weights.harm", m.Weights.Harm},
		{"model.weights.likelihood", m.Weights.Likelihood},
		{"model.weights.organisationalPosition", m.Weights.OrganisationalPosition},
		{"model.weights.intelligence", m.Weights.Intelligence},
		{"model.weights.network", m.Weights.Network},
	}
	if err := checkWeights("model.weights", factors); err != nil {
		return err
	}
	harm := []weight{
		{"model.harmWeights.physical", m.HarmWeights.Physical},
		{"model.harmWeights.psychological", m.HarmWeights.Psychological},
		{"model.harmWeights.financial", m.HarmWeights.Financial},
		{"model.harmWeights.community", m.HarmWeights.Community},
		{"model.harmWeights.victimVulnerability", m.HarmWeights.VictimVulnerability},
		{"model.harmWeights.geographicScope", m.HarmWeights.GeographicScope},
	}
	if err := checkWeights("model.harmWeights", harm); err != nil {
		return err
	}
	if !(m.RecencyHalfLifeDays > 0) || math.IsInf(m.RecencyHalfLifeDays, 0) {
		return keyline.FieldErrorf("model.recencyHalfLifeDays", "must be a positive number of days, not %v", m.RecencyHalfLifeDays)
	}
	if m.VolumeSaturation < 1 {
		return keyline.FieldErrorf("model.volumeSaturation", "must be at least 1 item, not %d", m.VolumeSaturation)
	}
	if !(m.UncorroboratedWeight >= 0 && m.UncorroboratedWeight <= 1) {
		return keyline.FieldErrorf("model.uncorroboratedWeight", "must be between 0 and 1, not %v", m.UncorroboratedWeight)
	}
	if !(m.EigenvectorFull > 0 && m.EigenvectorFull <= 1) {
		return keyline.FieldErrorf("model.eigenvectorFull", "must be above 0 and at most 1, not %v", m.EigenvectorFull)
	}
	if m.NetworkMinSize < 1 {
		return keyline.FieldErrorf("model.networkMinSize", "must be at least 1, not %d", m.NetworkMinSize)
	}
	if !(m.Bands.High > 0 && m.Bands.High <= 100) {
		return keyline.FieldErrorf("model.bands.high", "must be above 0 and at most 100, not %v", m.Bands.High)
	}
	if !(m.Bands.Medium > 0 && m.Bands.Medium < m.Bands.High) {
		return keyline.FieldErrorf("model.bands.medium", "must be above 0 and below the HIGH threshold %v, not %v", m.Bands.High, m.Bands.Medium)
	}
	c := m.ConfidenceHalfWidth
	if !(c.High >= 0 && c.High <= 100) {
		return keyline.FieldErrorf("model.confidenceHalfWidth.high", "must be between 0 and 100 points, not %v", c.High)
	}
	if !(c.Medium >= c.High && c.Medium <= 100) {
		return keyline.FieldErrorf("model.confidenceHalfWidth.medium", "must be between the HIGH width %v and 100 points, not %v", c.High, c.Medium)
	}
	if !(c.Low >= c.Medium && c.Low <= 100) {
		return keyline.FieldErrorf("model.confidenceHalfWidth.low", "must be between the MEDIUM width %v and 100 points, not %v", c.Medium, c.Low)
	}
	return nil
}

type weight struct {
	field string
	value float64
}

func checkWeights(group string, ws []weight) error {
	sum := 0.0
	for _, w := range ws {
		if !(w.value >= 0) || math.IsInf(w.value, 0) {
			return keyline.FieldErrorf(w.field, "a weight must be a finite number of at least 0, not %v", w.value)
		}
		sum += w.value
	}
	if !(sum > 0) || math.IsInf(sum, 0) {
		return keyline.FieldErrorf(group, "the weights must add up to more than 0")
	}
	return nil
}
