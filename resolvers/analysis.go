package resolvers

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
	"github.com/keyline/keyline/linkanalysis"
	"github.com/keyline/keyline/linkanalysis/fromapi"
)

// Link analysis fields: the question read from the input, asked of
// package linkanalysis (which validates and bounds it) in the caller's
// scope through the request's loaders, and the answer's records decoded
// into models.

// analyses is the link-analysis service over the resolver's store.
func (r *Resolver) analyses() *linkanalysis.Service {
	return &linkanalysis.Service{Store: r.Store}
}

// caller is the request's caller, reading records through its loaders so
// the entities an answer names are read once for the whole response.
func caller(ctx context.Context) linkanalysis.Caller {
	return linkanalysis.Caller{Actor: keyline.ActorFrom(ctx), Records: loadersFrom(ctx)}
}

// entityModels decodes an answer's entities, keyed by id, in order.
func entityModels(recs []cypher.Record) (map[string]model.Entity, []model.Entity, error) {
	byID := make(map[string]model.Entity, len(recs))
	list := make([]model.Entity, 0, len(recs))
	for _, rec := range recs {
		e, err := decodeEntity(rec)
		if err != nil {
			return nil, nil, err
		}
		byID[rec.ID()] = e
		list = append(list, e)
	}
	return byID, list, nil
}

// linksBetween builds the Link models of links whose ends are decoded.
func linksBetween(lrs []cypher.LinkRecord, ends map[string]model.Entity) ([]*model.Link, error) {
	out := make([]*model.Link, 0, len(lrs))
	for _, lr := range lrs {
		l, err := linkBetween(lr, ends)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}

// linkBetween builds a Link model whose ends are already decoded.
func linkBetween(lr cypher.LinkRecord, ends map[string]model.Entity) (*model.Link, error) {
	l := &model.Link{}
	if err := decodeInto(lr.Props, l); err != nil {
		return nil, err
	}
	l.Type = model.LinkType(lr.Type)
	l.FromEntity, l.ToEntity = ends[lr.From.ID()], ends[lr.To.ID()]
	if l.FromEntity == nil || l.ToEntity == nil {
		return nil, fmt.Errorf("link %s: an end is missing from the result", l.ID)
	}
	l.Viewpoint = lr.From.ID()
	return l, nil
}

func (r *queryResolver) paths(ctx context.Context, in model.PathsInput) (*model.PathsResult, error) {
	q := fromapi.Paths(in)
	q.Steps = pathStepsAsked(ctx)
	found, err := r.analyses().ShortestPaths(ctx, caller(ctx), q)
	if err != nil {
		return nil, err
	}
	res := &model.PathsResult{Paths: []*model.Path{}, Truncated: found.Truncated}
	for _, p := range found.Routes {
		ends, nodes, err := entityModels(p.Entities)
		if err != nil {
			return nil, err
		}
		path := &model.Path{Length: len(p.Links), Nodes: nodes, Steps: []*model.PathStep{}}
		if path.Links, err = linksBetween(p.Links, ends); err != nil {
			return nil, err
		}
		for i, lrs := range p.Steps {
			step := &model.PathStep{From: nodes[i], To: nodes[i+1]}
			if step.Links, err = linksBetween(lrs, ends); err != nil {
				return nil, err
			}
			path.Steps = append(path.Steps, step)
		}
		res.Paths = append(res.Paths, path)
	}
	return res, nil
}

// pathStepsAsked says whether the selection of a paths question (or of a
// saved search run as one) asks for its paths' steps, which cost a second
// read (every link of each step).
func pathStepsAsked(ctx context.Context) bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !graphql.HasOperationContext(ctx) {
		return false
	}
	oc := graphql.GetOperationContext(ctx)
	for _, f := range graphql.CollectFields(oc, fc.Field.Selections, satisfies("PathsResult")) {
		if f.Name != "paths" {
			continue
		}
		for _, pf := range graphql.CollectFields(oc, f.Selections, satisfies("Path")) {
			if pf.Name == "steps" {
				return true
			}
		}
	}
	return false
}

func (r *queryResolver) network(ctx context.Context, in model.NetworkInput) (*model.Network, error) {
	q := fromapi.Network(in)
	if leanNetwork(ctx) {
		q.Detail = cypher.LeanDetail
	}
	net, err := r.analyses().ExpandNetwork(ctx, caller(ctx), q)
	if err != nil {
		return nil, err
	}
	return networkModel(net)
}

// networkModel decodes a network.
func networkModel(net linkanalysis.Network) (*model.Network, error) {
	ends, nodes, err := entityModels(net.Entities)
	if err != nil {
		return nil, err
	}
	out := &model.Network{Nodes: nodes, Frontier: make([]model.Entity, 0, len(net.Frontier)), Truncated: net.Truncated}
	if out.Links, err = linksBetween(net.Links, ends); err != nil {
		return nil, err
	}
	for _, id := range net.Frontier {
		out.Frontier = append(out.Frontier, ends[id])
	}
	return out, nil
}

func (r *queryResolver) commonLinks(ctx context.Context, in model.CommonLinksInput) (*model.CommonLinks, error) {
	res, err := r.analyses().CommonLinks(ctx, caller(ctx), fromapi.CommonLinks(in))
	if err != nil {
		return nil, err
	}
	out := &model.CommonLinks{Shared: []*model.SharedEntity{}, CoMentions: []*model.CoMention{}}
	asked := make(map[string]model.Entity, len(res.Asked))
	for id, rec := range res.Asked {
		if asked[id], err = decodeEntity(rec); err != nil {
			return nil, err
		}
	}
	for _, sh := range res.Shared {
		e, err := decodeEntity(sh.Entity)
		if err != nil {
			return nil, err
		}
		withShared := map[string]model.Entity{sh.Entity.ID(): e}
		for id, x := range asked {
			withShared[id] = x
		}
		se := &model.SharedEntity{Entity: e, LinkedTo: sh.Linked, Count: len(sh.Linked)}
		if se.Links, err = linksBetween(sh.Links, withShared); err != nil {
			return nil, err
		}
		out.Shared = append(out.Shared, se)
	}
	for _, m := range res.CoMentions {
		it, err := decodeAs[*model.IntelligenceItem](m.Item)
		if err != nil {
			return nil, err
		}
		noteItemsRead(ctx, it)
		out.CoMentions = append(out.CoMentions, &model.CoMention{Item: it, EntityIds: m.Entities})
	}
	return out, nil
}

func (r *queryResolver) coLocation(ctx context.Context, in model.CoLocationInput) ([]*model.CoLocation, error) {
	meetings, err := r.analyses().CoLocation(ctx, caller(ctx), fromapi.CoLocation(in))
	if err != nil {
		return nil, err
	}
	out := make([]*model.CoLocation, 0, len(meetings))
	for _, m := range meetings {
		place, err := decodeEntity(m.Place)
		if err != nil {
			return nil, err
		}
		c := &model.CoLocation{Place: place, FirstSeen: m.FirstSeen, LastSeen: m.LastSeen}
		if _, c.Entities, err = entityModels(m.Entities); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

func (r *queryResolver) timeline(ctx context.Context, in model.TimelineInput) ([]*model.TimelineEntry, error) {
	res, err := r.analyses().Timeline(ctx, caller(ctx), fromapi.Timeline(in))
	if err != nil {
		return nil, err
	}
	ends := make(map[string]model.Entity, len(res.Ends))
	for id, rec := range res.Ends {
		if ends[id], err = decodeEntity(rec); err != nil {
			return nil, err
		}
	}
	out := make([]*model.TimelineEntry, 0, len(res.Entries))
	// Each contact of a link is its own entry: the link is decoded once
	// and shared by them.
	links := map[string]*model.Link{}
	for _, row := range res.Entries {
		e := &model.TimelineEntry{At: row.At, Entry: row.Entry}
		if row.Event != nil {
			if e.Event, err = decodeAs[*model.Event](*row.Event); err != nil {
				return nil, err
			}
		}
		if row.Link != nil {
			id, _ := row.Link.Props["id"].(string)
			if l, ok := links[id]; ok && id != "" {
				e.Link = l
			} else {
				if e.Link, err = linkBetween(*row.Link, ends); err != nil {
					return nil, err
				}
				links[id] = e.Link
			}
		}
		out = append(out, e)
	}
	return out, nil
}
