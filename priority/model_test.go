package priority

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"testing"

	"github.com/keyline/keyline"
)

func TestDefaultModelIsValid(t *testing.T) {
	m := DefaultModel()
	if err := m.Validate(); err != nil {
		t.Fatalf("default model invalid: %v", err)
	}
	w := m.Weights
	if sum := w.Harm + w.Likelihood + w.OrganisationalPosition + w.Intelligence + w.Network; sum != 100 {
		t.Errorf("default factor weights add up to %v; the package doc says each is its points out of 100", sum)
	}
}

func TestModelValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Model)
		field  string
	}{
		{"no version", func(m *Model) { m.Version = "" }, "model.version"},
		{"negative harm weight", func(m *Model) { m.Weights.Harm = -1 }, "model.weights.harm"},
		{"NaN likelihood weight", func(m *Model) { m.Weights.Likelihood = math.NaN() }, "model.weights.likelihood"},
		{"infinite position weight", func(m *Model) { m.Weights.OrganisationalPosition = math.Inf(1) }, "model.weights.organisationalPosition"},
		{"negative intelligence weight", func(m *Model) { m.Weights.Intelligence = -0.1 }, "model.weights.intelligence"},
		{"negative network weight", func(m *Model) { m.Weights.Network = -5 }, "model.weights.network"},
		{"factor weights all zero", func(m *Model) { m.Weights = FactorWeights{} }, "model.weights"},
		{"negative physical weight", func(m *Model) { m.HarmWeights.Physical = -1 }, "model.harmWeights.physical"},
		{"negative psychological weight", func(m *Model) { m.HarmWeights.Psychological = -1 }, "model.harmWeights.psychological"},
		{"negative financial weight", func(m *Model) { m.HarmWeights.Financial = -1 }, "model.harmWeights.financial"},
		{"negative community weight", func(m *Model) { m.HarmWeights.Community = -1 }, "model.harmWeights.community"},
		{"negative vulnerability weight", func(m *Model) { m.HarmWeights.VictimVulnerability = -1 }, "model.harmWeights.victimVulnerability"},
		{"negative scope weight", func(m *Model) { m.HarmWeights.GeographicScope = -1 }, "model.harmWeights.geographicScope"},
		{"harm weights all zero", func(m *Model) { m.HarmWeights = HarmWeights{} }, "model.harmWeights"},
		{"zero half-life", func(m *Model) { m.RecencyHalfLifeDays = 0 }, "model.recencyHalfLifeDays"},
		{"NaN half-life", func(m *Model) { m.RecencyHalfLifeDays = math.NaN() }, "model.recencyHalfLifeDays"},
		{"zero saturation", func(m *Model) { m.VolumeSaturation = 0 }, "model.volumeSaturation"},
		{"uncorroborated weight above 1", func(m *Model) { m.UncorroboratedWeight = 1.5 }, "model.uncorroboratedWeight"},
		{"uncorroborated weight negative", func(m *Model) { m.UncorroboratedWeight = -0.5 }, "model.uncorroboratedWeight"},
		{"eigenvector full zero", func(m *Model) { m.EigenvectorFull = 0 }, "model.eigenvectorFull"},
		{"eigenvector full above 1", func(m *Model) { m.EigenvectorFull = 1.2 }, "model.eigenvectorFull"},
		{"network min size zero", func(m *Model) { m.NetworkMinSize = 0 }, "model.networkMinSize"},
		{"high threshold above 100", func(m *Model) { m.Bands.High = 101 }, "model.bands.high"},
		{"high threshold zero", func(m *Model) { m.Bands.High = 0 }, "model.bands.high"},
		{"medium equal to high", func(m *Model) { m.Bands.Medium = 70 }, "model.bands.medium"},
		{"medium above high", func(m *Model) { m.Bands.Medium = 80 }, "model.bands.medium"},
		{"medium zero", func(m *Model) { m.Bands.Medium = 0 }, "model.bands.medium"},
		{"negative high-confidence width", func(m *Model) { m.ConfidenceHalfWidth.High = -1 }, "model.confidenceHalfWidth.high"},
		{"medium width below high", func(m *Model) { m.ConfidenceHalfWidth.Medium = 4 }, "model.confidenceHalfWidth.medium"},
		{"low width below medium", func(m *Model) { m.ConfidenceHalfWidth.Low = 9 }, "model.confidenceHalfWidth.low"},
		{"low width above 100", func(m *Model) { m.ConfidenceHalfWidth.Low = 101 }, "model.confidenceHalfWidth.low"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := DefaultModel()
			tt.change(&m)
			wantFieldError(t, m.Validate(), tt.field)
			// Score refuses an invalid model the same way.
			_, err := Score(m, firearmsPrincipal())
			wantFieldError(t, err, tt.field)
		})
	}
}

func TestModelValidateAcceptsEdges(t *testing.T) {
	m := DefaultModel()
	m.Weights = FactorWeights{Harm: 1} // only harm counts
	m.HarmWeights = HarmWeights{Physical: 1}
	m.UncorroboratedWeight = 0
	m.EigenvectorFull = 1
	m.NetworkMinSize = 1
	m.Bands = Bands{High: 100, Medium: 0.1}
	m.ConfidenceHalfWidth = ConfidenceHalfWidth{}
	if err := m.Validate(); err != nil {
		t.Fatalf("want valid, got %v", err)
	}
}

func TestModelJSONRoundTrip(t *testing.T) {
	m := DefaultModel()
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var back Model
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m, back) {
		t.Fatalf("round trip changed the model:\n%+v\n%+v", m, back)
	}
	// The stored form names every setting, so a stored model reads
	// without the code at hand.
	const want = `{"version":"morile-keyline/1",` +
		`"weights":{"harm":35,"likelihood":20,"organisationalPosition":15,"intelligence":15,"network":15},` +
		`"harmWeights":{"physical":3,"psychological":2,"financial":1,"community":1,"victimVulnerability":2,"geographicScope":1},` +
		`"recencyHalfLifeDays":90,"volumeSaturation":20,"uncorroboratedWeight":0.5,"eigenvectorFull":0.7071067811865476,` +
		`"networkMinSize":5,"bands":{"high":70,"medium":40},"confidenceHalfWidth":{"low":20,"medium":10,"high":5}}`
	if string(b) != want {
		t.Errorf("stored model\n got %s\nwant %s", b, want)
	}
}

func wantFieldError(t *testing.T, err error, field string) {
	t.Helper()
	var e *keyline.Error
	if !errors.As(err, &e) || e.Code != keyline.CodeInvalid || e.Field != field {
		t.Fatalf("want BAD_USER_INPUT on %s, got %#v", field, err)
	}
}
