package resolvers

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/graph/model"
	"github.com/keyline/keyline/linkanalysis/fromapi"
)

func (r *mutationResolver) saveSearch(ctx context.Context, in model.SaveSearchInput) (*model.SavedSearch, error) {
	if err := keyline.RequireText("input.name", in.Name, maxName); err != nil {
		return nil, err
	}
	if err := keyline.LimitText("input.parameters", in.Parameters, 20_000); err != nil {
		return nil, err
	}
	if _, err := fromapi.Decode(in.Kind, []byte(in.Parameters)); err != nil {
		return nil, err
	}
	props := map[string]any{"name": strings.TrimSpace(in.Name), "kind": string(in.Kind), "parameters": in.Parameters}
	return createNode[*model.SavedSearch](ctx, r.Store, keyline.PermSaveSearch, keyline.KindSavedSearch, in.OperationID, props, nil)
}

func (r *operationResolver) savedSearches(ctx context.Context, obj *model.Operation) ([]*model.SavedSearch, error) {
	recs, err := r.Store.SavedSearches(ctx, loadersFrom(ctx).scope, obj.ID)
	if err != nil {
		return nil, err
	}
	out := make([]*model.SavedSearch, 0, len(recs))
	for _, rec := range recs {
		s, err := decodeAs[*model.SavedSearch](rec)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// runSavedSearch re-runs a saved search, with overrides merged over its
// parameters (top-level keys replace), through the same field and checks
// as the direct query.
func (r *queryResolver) runSavedSearch(ctx context.Context, id string, overrides *string) (model.SavedSearchResult, error) {
	if err := keyline.RequireKind("id", id, keyline.KindSavedSearch); err != nil {
		return nil, err
	}
	s, err := load[*model.SavedSearch](ctx, id)
	if err != nil {
		return nil, err
	}
	var params map[string]any
	if err := json.Unmarshal([]byte(s.Parameters), &params); err != nil {
		return nil, keyline.Errorf(keyline.CodeConflict, "the saved parameters can no longer be read")
	}
	if overrides != nil && *overrides != "" {
		var over map[string]any
		if err := json.Unmarshal([]byte(*overrides), &over); err != nil {
			return nil, keyline.FieldErrorf("overrides", "overrides must be a JSON object")
		}
		for k, v := range over {
			params[k] = v
		}
	}
	raw, _ := json.Marshal(params)
	in, err := fromapi.Decode(s.Kind, raw)
	if err != nil {
		return nil, prefixOverrides(err)
	}
	switch x := in.(type) {
	case *model.PathsInput:
		return r.paths(ctx, *x)
	case *model.NetworkInput:
		return r.network(ctx, *x)
	case *model.CommonLinksInput:
		return r.commonLinks(ctx, *x)
	case *model.CoLocationInput:
		m, err := r.coLocation(ctx, *x)
		return &model.CoLocationResult{Meetings: m}, err
	case *model.TimelineInput:
		e, err := r.timeline(ctx, *x)
		return &model.TimelineResult{Entries: e}, err
	case *model.KeyPlayersInput:
		return r.keyPlayers(ctx, *x)
	}
	return nil, keyline.Errorf(keyline.CodeInternal, "internal error")
}

func prefixOverrides(err error) error {
	if e, ok := err.(*keyline.Error); ok {
		c := *e
		c.Field = "overrides"
		return &c
	}
	return err
}
