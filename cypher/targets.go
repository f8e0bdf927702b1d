package cypher

import (
	"context"
	"encoding/json"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/keyline/keyline"
)

// TargetReview is what a review records besides the target's new state.
type TargetReview struct {
	From, To  string
	Rationale string
	Score     *float64
	Band      string
	// Snapshot is the package as reviewed (JSON); SnapshotClass is the
	// highest classification of the material in it.
	Snapshot      string
	SnapshotClass keyline.Classification
}

// ReviewTarget moves a target through its workflow at expectedVersion:
// check decides from its current status whether the move is allowed; the
// decision, review and snapshot are written with it in one transaction.
func (s *Store) ReviewTarget(ctx context.Context, a *keyline.Actor, id string, expectedVersion int, rv TargetReview,
	check func(current string) error) (Record, error) {
	var rec Record
	err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		before, opID, err := s.guard(ctx, tx, a, keyline.KindTarget, id, expectedVersion)
		if err != nil {
			return err
		}
		current, _ := before["status"].(string)
		rv.From = current
		if err := check(current); err != nil {
			return err
		}
		t := now()
		decision := map[string]any{
			"id": keyline.NewID(keyline.KindDecision), "operationId": opID, "createdAt": t, "updatedAt": t, "updatedBy": a.Subject, "version": 1,
			"decision":  "Target review: " + current + " to " + rv.To + " (" + labelOf(before) + ")",
			"rationale": rv.Rationale, "madeAt": t,
		}
		decision["label"], decision["searchText"] = keyline.Describe(keyline.KindDecision, decision)
		review := map[string]any{"from": current, "to": rv.To, "reviewedAt": t, "reviewedBy": a.Subject,
			"band": rv.Band, "snapshot": rv.Snapshot, "snapshotClassification": string(rv.SnapshotClass), "rationale": rv.Rationale}
		set := map[string]any{"status": rv.To}
		if rv.Score != nil {
			review["score"], set["lastReviewScore"] = *rv.Score, *rv.Score
		}
		rows, err := s.collect(ctx, tx, q("target_review"), map[string]any{
			"targetId": id, "decision": param(decision), "review": param(review), "set": set,
			"officerId": a.OfficerID, "now": t, "actor": a.Subject,
		})
		if err != nil {
			return err
		}
		rec = Record{Kind: keyline.KindTarget, Props: asMap(rows[0]["props"])}
		return s.audit(ctx, tx, a, auditEntry{action: "REVIEW", kind: string(keyline.KindTarget), id: id, operationID: opID,
			before: map[string]any{"status": current}, after: map[string]any{"status": rv.To, "decisionId": decision["id"], "score": rv.Score}, reason: rv.Rationale})
	})
	return rec, err
}

func labelOf(p map[string]any) string { s, _ := p["subjectLabel"].(string); return s }

// TargetReviews returns a target's reviews, newest first.
func (s *Store) TargetReviews(ctx context.Context, sc Scope, id string) ([]map[string]any, error) {
	rows, err := s.readOne(ctx, q("target_reviews"), sc.params(map[string]any{"targetId": id}))
	if err != nil {
		return nil, err
	}
	out := make([]map[string]any, 0, len(rows))
	for _, r := range rows {
		out = append(out, asMap(r["review"]))
	}
	return out, nil
}

// AddTacticalOption appends an option to a target at expectedVersion.
func (s *Store) AddTacticalOption(ctx context.Context, a *keyline.Actor, id string, expectedVersion int, option map[string]any) (Record, error) {
	raw, _ := json.Marshal(option)
	var rec Record
	err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		_, opID, err := s.guard(ctx, tx, a, keyline.KindTarget, id, expectedVersion)
		if err != nil {
			return err
		}
		rows, err := s.collect(ctx, tx, q("target_append_option"), map[string]any{"id": id, "entry": string(raw), "now": now(), "actor": a.Subject})
		if err != nil {
			return err
		}
		rec = Record{Kind: keyline.KindTarget, Props: asMap(rows[0]["props"])}
		return s.audit(ctx, tx, a, auditEntry{action: "UPDATE", kind: string(keyline.KindTarget), id: id, operationID: opID, after: map[string]any{"tacticalOption": option}})
	})
	return rec, err
}

// RankingQuery filters a target ranking.
type RankingQuery struct {
	OperationID, OwnerID, ThreatArea string
	Statuses                         []string
	Limit                            int
}

// TargetRanking returns assessed targets by score, highest first.
func (s *Store) TargetRanking(ctx context.Context, sc Scope, rq RankingQuery) ([]Record, error) {
	opt := func(v string) any {
		if v == "" {
			return nil
		}
		return v
	}
	var statuses any
	if len(rq.Statuses) > 0 {
		statuses = rq.Statuses
	}
	rows, err := s.readOne(ctx, q("target_ranking"), sc.params(map[string]any{
		"operationId": opt(rq.OperationID), "ownerId": opt(rq.OwnerID), "threatArea": opt(rq.ThreatArea),
		"statuses": statuses, "limit": rq.Limit}))
	if err != nil {
		return nil, err
	}
	out := make([]Record, 0, len(rows))
	for _, r := range rows {
		out = append(out, Record{Kind: keyline.KindTarget, Props: asMap(r["props"])})
	}
	return out, nil
}
