package resolvers

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/graph/model"
)

// sensitivityReason resolves Exhibit.sensitivityReason: the reason is part
// of the MG6D sensitive schedule, so it follows the schedule's rule
// (keyline.Actor.SeesSensitiveSchedule) on every path that returns an
// exhibit, and is null for everyone else.
func (r *exhibitResolver) sensitivityReason(ctx context.Context, obj *model.Exhibit) (*string, error) {
	if !keyline.ActorFrom(ctx).SeesSensitiveSchedule() {
		return nil, nil
	}
	return obj.SensitivityReason, nil
}

// snapshotFor returns a frozen review snapshot as actor a may read it.
// The snapshot keeps the package's evidence as the reviewer saw it,
// sensitivity reasons included; anyone who may not read the MG6D
// schedule gets it without a single sensitivityReason, at any depth.
// A snapshot that cannot be read as JSON is withheld (nil) rather than
// passed on unchecked.
func snapshotFor(a *keyline.Actor, snapshot string) *string {
	if a.SeesSensitiveSchedule() {
		return &snapshot
	}
	dec := json.NewDecoder(strings.NewReader(snapshot))
	dec.UseNumber() // numbers pass through exactly as frozen
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil
	}
	b, err := json.Marshal(withoutSensitivityReasons(v))
	if err != nil {
		return nil
	}
	out := string(b)
	return &out
}

func withoutSensitivityReasons(v any) any {
	switch x := v.(type) {
	case map[string]any:
		delete(x, "sensitivityReason")
		for k, e := range x {
			x[k] = withoutSensitivityReasons(e)
		}
	case []any:
		for i, e := range x {
			x[i] = withoutSensitivityReasons(e)
		}
	}
	return v
}
