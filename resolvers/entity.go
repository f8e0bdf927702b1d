package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
)

// entityLinks resolves Entity.links for any entity: one batched query for
// all the entities at this level of the response.
func entityLinks(ctx context.Context, e model.Entity, filter *model.LinkFilter, first *int, after *string) (*model.LinkConnection, error) {
	p, err := parsePage(first, after)
	if err != nil {
		return nil, err
	}
	lq := cypher.LinkQuery{Skip: p.skip, Limit: p.limit}
	if filter != nil {
		lq.Types = enumStrings(filter.Types)
		if filter.MinConfidence != nil {
			if err := keyline.ValidateConfidence("filter.minConfidence", *filter.MinConfidence); err != nil {
				return nil, err
			}
			lq.MinConfidence = *filter.MinConfidence
		}
		lq.SeenAfter, lq.SeenBefore = filter.SeenAfter, filter.SeenBefore
	}
	if fc := graphql.GetFieldContext(ctx); fc != nil && graphql.HasOperationContext(ctx) {
		lq.Project = linkProjection(graphql.GetOperationContext(ctx), fc.Field.Selections)
	}
	l := loadersFrom(ctx)
	page, err := l.Links(ctx, lq, entityID(e))
	if err != nil {
		return nil, err
	}
	if uniqueField(ctx) {
		// Links of an entity that occurs once (read directly): read ahead
		// what their far ends and sources will be asked. Links in a list
		// were read ahead by the list's resolver, or batch in the loader.
		l.readAheadLinks(ctx, e, page)
	}
	conn := &model.LinkConnection{TotalCount: page.Total, Edges: make([]*model.LinkEdge, 0, len(page.Items))}
	for i, lr := range page.Items {
		l, err := decodeLink(lr, e)
		if err != nil {
			return nil, err
		}
		conn.Edges = append(conn.Edges, &model.LinkEdge{Cursor: encodeCursor(p.skip + i), Node: l})
	}
	conn.PageInfo = pageInfo(p, len(conn.Edges), page.Total)
	return conn, nil
}

// entityMentionedIn resolves Entity.mentionedIn for any entity.
func (r *Resolver) entityMentionedIn(ctx context.Context, e model.Entity, first *int, after *string) (*model.IntelligenceItemConnection, error) {
	p, err := parsePage(first, after)
	if err != nil {
		return nil, err
	}
	l := loadersFrom(ctx)
	return pagedConnection(ctx, mentionedInKey(p), entityID(e), p,
		func(ctx context.Context, ids []string) (map[string]cypher.Page, error) {
			return r.Store.MentionedIn(ctx, l.scope, ids, p.skip, p.limit)
		}, itemEdge, itemConnFor(ctx))
}

// linkSources resolves Link.sources: the citing items and exhibits the
// caller may see, through the node loader.
func linkSources(ctx context.Context, l *model.Link) ([]model.Source, error) {
	out := make([]model.Source, 0, len(l.SourceIDs))
	recs, err := loadersFrom(ctx).NodesMaybe(ctx, l.SourceIDs)
	if err != nil {
		return nil, err
	}
	for _, id := range l.SourceIDs {
		rec, ok := recs[id]
		if !ok {
			continue
		}
		n, err := decode(rec)
		if err != nil {
			return nil, err
		}
		if s, ok := n.(model.Source); ok {
			if it, ok := s.(*model.IntelligenceItem); ok {
				noteItemsRead(ctx, it)
			}
			out = append(out, s)
		}
	}
	return out, nil
}
