// Package fromapi reads link-analysis questions in the shapes the API
// takes them (the GraphQL inputs, and their JSON as saved searches keep
// them and the chart export routes take them) into the typed questions
// package linkanalysis answers. The GraphQL resolvers, saved searches and the
// exports all read them here, so a question means one thing by every
// route.
package fromapi

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/analysis"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
	"github.com/keyline/keyline/linkanalysis"
)

// Decode reads saved-search parameters strictly into the input type of
// its kind (a *model.PathsInput for PATHS, ...), so a saved search can
// only hold a valid question.
func Decode(kind model.SavedSearchKind, raw []byte) (any, error) {
	var in any
	switch kind {
	case model.SavedSearchKindPaths:
		in = &model.PathsInput{}
	case model.SavedSearchKindNetwork:
		in = &model.NetworkInput{}
	case model.SavedSearchKindCommonLinks:
		in = &model.CommonLinksInput{}
	case model.SavedSearchKindCoLocation:
		in = &model.CoLocationInput{}
	case model.SavedSearchKindTimeline:
		in = &model.TimelineInput{}
	case model.SavedSearchKindKeyPlayers:
		in = &model.KeyPlayersInput{}
	default:
		return nil, keyline.FieldErrorf("input.kind", "unknown kind %q", kind)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(in); err != nil {
		return nil, keyline.FieldErrorf("input.parameters", "not valid parameters for a %s search: %v", kind, cleanJSONError(err))
	}
	return in, nil
}

// cleanJSONError keeps decoder messages short and free of Go type names.
func cleanJSONError(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, " of type "); i > 0 {
		msg = msg[:i]
	}
	return strings.TrimPrefix(msg, "json: ")
}

// Chart reads the parameters of a search of the kind as the question whose
// chart is exported; only paths, network, common links and key players
// draw one.
func Chart(kind model.SavedSearchKind, raw []byte) (linkanalysis.ChartQuestion, error) {
	in, err := Decode(kind, raw)
	if err != nil {
		return nil, err
	}
	switch x := in.(type) {
	case *model.PathsInput:
		return Paths(*x), nil
	case *model.NetworkInput:
		return Network(*x), nil
	case *model.CommonLinksInput:
		return CommonLinks(*x), nil
	case *model.KeyPlayersInput:
		return KeyPlayers(*x), nil
	}
	return nil, keyline.FieldErrorf("kind", "a %s search has no chart to export", kind)
}

// Paths reads a paths input.
func Paths(in model.PathsInput) linkanalysis.PathsQuestion {
	return linkanalysis.PathsQuestion{FromID: in.FromID, ToID: in.ToID, Mode: cypher.PathMode(in.Mode),
		K: in.K, MaxHops: in.MaxHops, Limit: in.Limit, Filter: Filter(in.Filter)}
}

// Network reads a network input.
func Network(in model.NetworkInput) linkanalysis.NetworkQuestion {
	return linkanalysis.NetworkQuestion{SeedIDs: in.SeedIds, Hops: in.Hops, NodeBudget: in.NodeBudget, Filter: Filter(in.Filter)}
}

// CommonLinks reads a common-links input.
func CommonLinks(in model.CommonLinksInput) linkanalysis.CommonLinksQuestion {
	return linkanalysis.CommonLinksQuestion{EntityIDs: in.EntityIds, MinShared: in.MinShared, Limit: in.Limit, Filter: Filter(in.Filter)}
}

// CoLocation reads a co-location input.
func CoLocation(in model.CoLocationInput) linkanalysis.CoLocationQuestion {
	return linkanalysis.CoLocationQuestion{OperationID: in.OperationID, EntityIDs: in.EntityIds, From: in.From, To: in.To,
		WindowMinutes: in.WindowMinutes}
}

// Timeline reads a timeline input; contacts are included unless refused.
func Timeline(in model.TimelineInput) linkanalysis.TimelineQuestion {
	return linkanalysis.TimelineQuestion{EntityIDs: in.EntityIds, From: in.From, To: in.To, EventKinds: names(in.EventKinds),
		WithoutContacts: in.IncludeContacts != nil && !*in.IncludeContacts, Limit: in.Limit}
}

// KeyPlayers reads a key-players input.
func KeyPlayers(in model.KeyPlayersInput) linkanalysis.KeyPlayersQuestion {
	q := linkanalysis.KeyPlayersQuestion{OperationID: in.OperationID, OrganisationID: in.OrganisationID, SeedIDs: in.SeedIds,
		Hops: in.Hops, NodeBudget: in.NodeBudget, First: in.First, Filter: Filter(in.Filter)}
	if in.RankBy != nil {
		m := measures[*in.RankBy]
		q.RankBy = &m
	}
	return q
}

// Filter reads a traversal filter (nil for none).
func Filter(f *model.TraversalFilter) *linkanalysis.Filter {
	if f == nil {
		return nil
	}
	return &linkanalysis.Filter{LinkTypes: names(f.LinkTypes), MinConfidence: f.MinConfidence, SeenAfter: f.SeenAfter,
		SeenBefore: f.SeenBefore, AvoidKinds: kinds(f.AvoidKinds), ThroughKinds: kinds(f.ThroughKinds), MaxDegree: f.MaxDegree}
}

var measures = map[model.CentralityMeasure]analysis.Measure{
	model.CentralityMeasureDegree: analysis.MeasureDegree, model.CentralityMeasureBetweenness: analysis.MeasureBetweenness,
	model.CentralityMeasureCloseness: analysis.MeasureCloseness, model.CentralityMeasureEigenvector: analysis.MeasureEigenvector,
}

// MeasureName is the API's name of a centrality measure.
func MeasureName(m analysis.Measure) model.CentralityMeasure {
	for name, x := range measures {
		if x == m {
			return name
		}
	}
	return ""
}

var entityKinds = map[model.EntityKind]keyline.Kind{
	model.EntityKindPerson: keyline.KindPerson, model.EntityKindOrganisation: keyline.KindOrganisation,
	model.EntityKindLocation: keyline.KindLocation, model.EntityKindVehicle: keyline.KindVehicle,
	model.EntityKindCommsDevice: keyline.KindCommsDevice, model.EntityKindEvent: keyline.KindEvent,
}

func kinds(ks []model.EntityKind) []keyline.Kind {
	var out []keyline.Kind
	for _, k := range ks {
		out = append(out, entityKinds[k])
	}
	return out
}

func names[T ~string](vs []T) []string {
	var out []string
	for _, v := range vs {
		out = append(out, string(v))
	}
	return out
}
