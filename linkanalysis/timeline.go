package linkanalysis

import (
	"context"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

// TimelineQuestion asks for the dated events of some entities and the
// contacts between their phones, in order. Nil numbers take their
// defaults.
type TimelineQuestion struct {
	EntityIDs  []string // 1 to 50
	From, To   *time.Time
	EventKinds []string // only events of these kinds; empty means all
	// WithoutContacts leaves out the contacts (call data) between the
	// entities' phones.
	WithoutContacts bool
	Limit           *int // 1 to 1000 (200)
}

// Timeline is the answer to a TimelineQuestion.
type Timeline struct {
	// Entries are the events and contacts, in order; a contact's link has
	// its ends by id.
	Entries []cypher.TimelineRow
	// Ends are the entities at the ends of the contacts' links, by id.
	Ends map[string]cypher.Record
}

// Timeline lists the entities' dated events and contacts the caller may
// see.
func (s *Service) Timeline(ctx context.Context, c Caller, q TimelineQuestion) (Timeline, error) {
	a, err := s.asker(c)
	if err != nil {
		return Timeline{}, err
	}
	if len(q.EntityIDs) == 0 || len(q.EntityIDs) > 50 {
		return Timeline{}, keyline.FieldErrorf("input.entityIds", "give 1 to 50 entities")
	}
	limit, err := keyline.IntIn("input.limit", q.Limit, 200, 1, 1000)
	if err != nil {
		return Timeline{}, err
	}
	if _, err := a.entities(ctx, "input.entityIds", q.EntityIDs); err != nil {
		return Timeline{}, err
	}
	rows, err := s.Store.Timeline(ctx, a.scope, cypher.TimelineQuery{IDs: q.EntityIDs, From: q.From, To: q.To,
		Kinds: keyline.Distinct(q.EventKinds), Contacts: !q.WithoutContacts, Limit: limit})
	if err != nil {
		return Timeline{}, err
	}
	// The contacts' ends, read once for all of them (each contact of a
	// link is its own entry).
	var ends []string
	seen := map[string]bool{}
	for _, row := range rows {
		if row.Link == nil {
			continue
		}
		for _, id := range []string{row.Link.From.ID(), row.Link.To.ID()} {
			if !seen[id] {
				seen[id] = true
				ends = append(ends, id)
			}
		}
	}
	out := Timeline{Entries: rows}
	if len(ends) > 0 {
		if out.Ends, err = a.entities(ctx, "link", ends); err != nil {
			return Timeline{}, err
		}
	}
	return out, nil
}
