package linkanalysis

import (
	"context"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

// CoLocationQuestion asks which entities of an operation were together,
// at the same event or at the same place within a window of each other,
// between From and To.
type CoLocationQuestion struct {
	OperationID string
	// EntityIDs, when given (at most 50), keeps only the meetings of one
	// of them.
	EntityIDs     []string
	From, To      time.Time
	WindowMinutes *int // 0 to a week (60)
}

// CoLocation finds the meetings, in the order they began. The operation
// must be one the caller reads.
func (s *Service) CoLocation(ctx context.Context, c Caller, q CoLocationQuestion) ([]cypher.Meeting, error) {
	window, err := keyline.IntIn("input.windowMinutes", q.WindowMinutes, 60, 0, 7*24*60)
	if err != nil {
		return nil, err
	}
	if !q.To.After(q.From) {
		return nil, keyline.FieldErrorf("input.to", "the period ends before it starts")
	}
	if len(q.EntityIDs) > 50 {
		return nil, keyline.FieldErrorf("input.entityIds", "at most 50 entities")
	}
	a, err := s.asker(c)
	if err != nil {
		return nil, err
	}
	if err := a.canReadOperation(q.OperationID); err != nil {
		return nil, err
	}
	return s.Store.CoLocation(ctx, a.scope, q.OperationID, q.EntityIDs, q.From, q.To, time.Duration(window)*time.Minute)
}
