package resolvers

import (
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
)

// decodeInto fills a model struct from stored properties. The property
// names are the models' JSON names (docs/MODEL.md), so one generic path
// serves every type.
func decodeInto(props map[string]any, dst any) error {
	if rv := reflect.ValueOf(dst); rv.Kind() == reflect.Pointer && !rv.IsNil() && rv.Elem().Kind() == reflect.Struct {
		before := reflect.New(rv.Elem().Type()).Elem()
		before.Set(rv.Elem())
		if fastDecode(props, rv.Elem()) {
			return nil
		}
		rv.Elem().Set(before) // undo a partial fill; the JSON path decides
	}
	b, err := json.Marshal(props)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, dst)
}

// decode turns a stored record into its GraphQL model.
func decode(rec cypher.Record) (model.Node, error) {
	n := newModel(rec.Kind)
	if n == nil {
		return nil, fmt.Errorf("decode: unknown kind %q", rec.Kind)
	}
	if err := decodeInto(rec.Props, n); err != nil {
		return nil, fmt.Errorf("decode %s: %w", rec.Kind, err)
	}
	return n, nil
}

// newModel returns an empty model of a kind (nil for an unknown kind).
func newModel(k keyline.Kind) model.Node {
	switch k {
	case keyline.KindOperation:
		return &model.Operation{}
	case keyline.KindOfficer:
		return &model.Officer{}
	case keyline.KindLineOfEnquiry:
		return &model.LineOfEnquiry{}
	case keyline.KindDecision:
		return &model.Decision{}
	case keyline.KindPerson:
		return &model.Person{}
	case keyline.KindOrganisation:
		return &model.Organisation{}
	case keyline.KindLocation:
		return &model.Location{}
	case keyline.KindVehicle:
		return &model.Vehicle{}
	case keyline.KindCommsDevice:
		return &model.CommsDevice{}
	case keyline.KindEvent:
		return &model.Event{}
	case keyline.KindTarget:
		return &model.Target{}
	case keyline.KindIntelligenceItem:
		return &model.IntelligenceItem{}
	case keyline.KindAction:
		return &model.Action{}
	case keyline.KindExhibit:
		return &model.Exhibit{}
	case keyline.KindSavedSearch:
		return &model.SavedSearch{}
	}
	return nil
}

// decodeAs decodes a record that must be of model type T; a record of
// another kind reads as not found (an id of the wrong type).
func decodeAs[T model.Node](rec cypher.Record) (T, error) {
	var zero T
	n, err := decode(rec)
	if err != nil {
		return zero, err
	}
	t, ok := n.(T)
	if !ok {
		return zero, keyline.ErrNotFound(rec.ID())
	}
	return t, nil
}

// decodeEntity decodes a record that must be an entity.
func decodeEntity(rec cypher.Record) (model.Entity, error) {
	n, err := decode(rec)
	if err != nil {
		return nil, err
	}
	e, ok := n.(model.Entity)
	if !ok {
		return nil, keyline.ErrNotFound(rec.ID())
	}
	return e, nil
}

// decodeLink builds a Link model from a stored link. viewpoint is the id
// of the entity it was reached from ("" when fetched by id).
func decodeLink(lr cypher.LinkRecord, viewpoint model.Entity) (*model.Link, error) {
	l := &model.Link{}
	if err := decodeInto(lr.Props, l); err != nil {
		return nil, err
	}
	l.Type = model.LinkType(lr.Type)
	if viewpoint != nil {
		other, err := decodeEntity(lr.Other)
		if err != nil {
			return nil, err
		}
		l.Viewpoint = entityID(viewpoint)
		if lr.Outgoing {
			l.FromEntity, l.ToEntity = viewpoint, other
		} else {
			l.FromEntity, l.ToEntity = other, viewpoint
		}
		return l, nil
	}
	from, err := decodeEntity(lr.From)
	if err != nil {
		return nil, err
	}
	to, err := decodeEntity(lr.To)
	if err != nil {
		return nil, err
	}
	l.FromEntity, l.ToEntity, l.Viewpoint = from, to, entityID(from)
	return l, nil
}

// entityID returns the id of any node model.
func entityID(n model.Node) string {
	if x, ok := n.(interface{ NodeID() string }); ok {
		return x.NodeID()
	}
	return ""
}
