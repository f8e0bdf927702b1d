// Package disclosure builds an operation's CPIA disclosure schedules: the
// MG6C (unused non-sensitive material) and the MG6D (unused sensitive
// material, with each item's reason for sensitivity). The GraphQL field
// Operation.disclosureSchedule and the CSV and HTML report routes call
// Schedule, so every path applies the same rules: the operation must be
// visible to the reader, and the MG6D is for the SIO, deputy SIO and
// auditors only.
package disclosure

import (
	"context"
	"strings"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
)

// Store is what a schedule reads, each call in the reader's scope.
type Store interface {
	// NodesByID returns the records among ids the scope sees.
	NodesByID(ctx context.Context, sc cypher.Scope, ids []string) (map[string]cypher.Record, error)
	// ScheduledExhibits returns the operation's exhibits of a disclosure
	// status, in schedule order.
	ScheduledExhibits(ctx context.Context, sc cypher.Scope, operationID, status string) ([]*model.Exhibit, error)
}

// Schedule builds a CPIA schedule of an operation for reader a. The MG6D
// follows keyline.Actor.SeesSensitiveSchedule, the same rule as
// Exhibit.sensitivityReason.
func Schedule(ctx context.Context, store Store, a *keyline.Actor, operationID string, kind model.ScheduleKind) (*model.DisclosureSchedule, error) {
	sc := cypher.ScopeOf(a)
	// An operation-level document needs the operation itself to be
	// visible (its membership and its own classification), exactly as
	// Query.operation does.
	if ops, err := store.NodesByID(ctx, sc, []string{operationID}); err != nil {
		return nil, err
	} else if rec, ok := ops[operationID]; !ok || rec.Kind != keyline.KindOperation {
		return nil, keyline.ErrNotFound(operationID)
	}
	status := model.DisclosureStatusUnusedNonSensitive
	if kind == model.ScheduleKindMg6d {
		if !a.SeesSensitiveSchedule() {
			return nil, keyline.Errorf(keyline.CodeForbidden, "the MG6D sensitive schedule is for the SIO, deputy SIO and auditors only")
		}
		status = model.DisclosureStatusUnusedSensitive
	}
	exhibits, err := store.ScheduledExhibits(ctx, sc, operationID, string(status))
	if err != nil {
		return nil, err
	}
	return &model.DisclosureSchedule{Kind: kind, GeneratedAt: time.Now().UTC(), Entries: entries(a, kind, exhibits)}, nil
}

// entries numbers the exhibits from 1 and describes each as the schedule
// forms do ("EX/1 phone: Seized handset"); only an MG6D read by someone who
// may read it carries the reasons for sensitivity.
func entries(a *keyline.Actor, kind model.ScheduleKind, exhibits []*model.Exhibit) []*model.ScheduleEntry {
	out := make([]*model.ScheduleEntry, 0, len(exhibits))
	for i, e := range exhibits {
		entry := &model.ScheduleEntry{Number: i + 1, Exhibit: e, Description: e.Reference + " " + strings.ToLower(e.Kind) + ": " + e.Description}
		if kind == model.ScheduleKindMg6d && a.SeesSensitiveSchedule() {
			entry.Reason = e.SensitivityReason
		}
		out = append(out, entry)
	}
	return out
}
