package resolvers

import (
	"context"

	"github.com/keyline/keyline/graph/model"
	"github.com/keyline/keyline/linkanalysis/fromapi"
)

// keyPlayers ranks the entities of a bounded network (an operation's, an
// organisation's or an expansion's) by centrality, with communities.
func (r *queryResolver) keyPlayers(ctx context.Context, in model.KeyPlayersInput) (*model.KeyPlayers, error) {
	kp, err := r.analyses().KeyPlayers(ctx, caller(ctx), fromapi.KeyPlayers(in))
	if err != nil {
		return nil, err
	}
	byID, _, err := entityModels(kp.Network.Entities)
	if err != nil {
		return nil, err
	}
	// The links are decoded as the network's would be, though only
	// counted: a link the network could not show fails here as there.
	if _, err := linksBetween(kp.Network.Links, byID); err != nil {
		return nil, err
	}
	out := &model.KeyPlayers{NodeCount: len(kp.Network.Entities), LinkCount: kp.LinkCount, Truncated: kp.Network.Truncated,
		RankedBy: fromapi.MeasureName(kp.RankedBy), Modularity: kp.Modularity,
		Ranked: []*model.KeyPlayer{}, Communities: []*model.NetworkCommunity{}}
	for i, s := range kp.Ranked {
		out.Ranked = append(out.Ranked, &model.KeyPlayer{Rank: i + 1, Entity: byID[s.NodeID], Degree: s.Degree,
			DegreeCentrality: s.DegreeCentrality, Betweenness: s.Betweenness, Closeness: s.Closeness,
			Eigenvector: s.Eigenvector, Community: kp.Community[s.NodeID]})
	}
	for _, c := range kp.Communities {
		nc := &model.NetworkCommunity{ID: c.ID, Size: len(c.Members)}
		for _, m := range c.Members {
			nc.Members = append(nc.Members, byID[m])
		}
		out.Communities = append(out.Communities, nc)
	}
	return out, nil
}
