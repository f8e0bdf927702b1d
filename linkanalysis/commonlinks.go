package linkanalysis

import (
	"context"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

// CommonLinksQuestion asks what several entities have in common: the
// entities linked to several of them and the intelligence mentioning
// several. Nil numbers take their defaults.
type CommonLinksQuestion struct {
	EntityIDs []string // 2 to 20
	MinShared *int     // shared with at least this many, 2 to len(EntityIDs) (2)
	Limit     *int     // 1 to 200 (50)
	Filter    *Filter
}

// CommonLinks is the answer to a CommonLinksQuestion.
type CommonLinks struct {
	// Asked are the entities asked about, by id: the far ends of the
	// shared entities' links.
	Asked map[string]cypher.Record
	// Shared are the entities linked to several of those asked about,
	// with the links (ends by id) that join them.
	Shared []cypher.Shared
	// CoMentions are the intelligence items mentioning several of them.
	CoMentions []cypher.CoMention
}

// CommonLinks finds what the entities have in common, within what the
// caller may see.
func (s *Service) CommonLinks(ctx context.Context, c Caller, q CommonLinksQuestion) (CommonLinks, error) {
	a, err := s.asker(c)
	if err != nil {
		return CommonLinks{}, err
	}
	if len(q.EntityIDs) < 2 || len(q.EntityIDs) > 20 {
		return CommonLinks{}, keyline.FieldErrorf("input.entityIds", "give 2 to 20 entities")
	}
	minShared, err := keyline.IntIn("input.minShared", q.MinShared, 2, 2, len(q.EntityIDs))
	if err != nil {
		return CommonLinks{}, err
	}
	limit, err := keyline.IntIn("input.limit", q.Limit, 50, 1, 200)
	if err != nil {
		return CommonLinks{}, err
	}
	f, err := q.Filter.linkFilter()
	if err != nil {
		return CommonLinks{}, err
	}
	out := CommonLinks{}
	if out.Asked, err = a.entities(ctx, "input.entityIds", q.EntityIDs); err != nil {
		return CommonLinks{}, err
	}
	if out.Shared, err = s.Store.CommonNeighbours(ctx, a.scope, q.EntityIDs, minShared, limit, f); err != nil {
		return CommonLinks{}, err
	}
	if out.CoMentions, err = s.Store.CommonMentions(ctx, a.scope, q.EntityIDs, limit); err != nil {
		return CommonLinks{}, err
	}
	return out, nil
}
