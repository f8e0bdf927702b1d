package resolvers

import (
	"context"
	"fmt"

	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
)

// trace turns a stored chain into the API's small graph, noting every
// intelligence item on it as read.
func (r *Resolver) trace(ctx context.Context, id string, follow func(context.Context, cypher.Scope, string) (cypher.Trace, error)) (*model.Trace, error) {
	t, err := follow(ctx, loadersFrom(ctx).scope, id)
	if err != nil {
		return nil, err
	}
	out := &model.Trace{Nodes: make([]model.Node, 0, len(t.Nodes)), Steps: make([]*model.TraceStep, 0, len(t.Steps)), Truncated: t.Truncated}
	for _, rec := range t.Nodes {
		n, err := decode(rec)
		if err != nil {
			return nil, err
		}
		if it, ok := n.(*model.IntelligenceItem); ok {
			noteItemsRead(ctx, it)
		}
		out.Nodes = append(out.Nodes, n)
	}
	for _, s := range t.Steps {
		out.Steps = append(out.Steps, &model.TraceStep{From: s.From, To: s.To, Relation: s.Relation})
	}
	return out, nil
}

// intelligenceGaps lists undeveloped or uncorroborated intelligence.
func (r *operationResolver) intelligenceGaps(ctx context.Context, obj *model.Operation, mode string, first *int, after *string) (*model.IntelligenceItemConnection, error) {
	p, err := parsePage(first, after)
	if err != nil {
		return nil, err
	}
	l := loadersFrom(ctx)
	return pagedConnection(ctx, fmt.Sprintf("gaps/%s/%d/%d", mode, p.skip, p.limit), obj.ID, p,
		func(ctx context.Context, ops []string) (map[string]cypher.Page, error) {
			return r.Store.IntelligenceGaps(ctx, l.scope, ops, mode, p.skip, p.limit)
		}, itemEdge, itemConnFor(ctx))
}

// intelligenceConversion reports the intelligence-to-evidence conversion.
func (r *operationResolver) intelligenceConversion(ctx context.Context, obj *model.Operation) (*model.IntelligenceConversion, error) {
	items, developed, evidenced, err := r.Store.Conversion(ctx, loadersFrom(ctx).scope, obj.ID)
	if err != nil {
		return nil, err
	}
	c := &model.IntelligenceConversion{Items: items, Developed: developed, Evidenced: evidenced}
	if items > 0 {
		c.DevelopmentRate = float64(developed) / float64(items)
		c.ConversionRate = float64(evidenced) / float64(items)
	}
	return c, nil
}
