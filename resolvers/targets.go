package resolvers

import (
	"cmp"
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
)

// reviewTarget moves a target through the review workflow, recording the
// decision in the policy file and an immutable snapshot of the package as
// the reviewer saw it.
func (r *mutationResolver) reviewTarget(ctx context.Context, id string, version int, in model.ReviewTargetInput) (*model.Target, error) {
	a, err := currentActor(ctx)
	if err != nil {
		return nil, err
	}
	if err := keyline.RequireKind("id", id, keyline.KindTarget); err != nil {
		return nil, err
	}
	if err := keyline.LimitText("input.rationale", in.Rationale, maxText); err != nil {
		return nil, err
	}
	t, err := load[*model.Target](ctx, id)
	if err != nil {
		return nil, err
	}
	// Refuse early (before assembling) a move the rules refuse; the store
	// checks again under the target's lock.
	if err := keyline.CheckReview(a, keyline.TargetStatus(t.Status), keyline.TargetStatus(in.Status), in.Rationale); err != nil {
		return nil, err
	}
	pkg, err := assemble(ctx, r.Store, t, 90)
	if err != nil {
		return nil, err
	}
	snapshot, class, err := snapshotOf(pkg)
	if err != nil {
		return nil, err
	}
	rv := cypher.TargetReview{To: string(in.Status), Rationale: strings.TrimSpace(in.Rationale), Snapshot: snapshot, SnapshotClass: class}
	if p := t.Priority(); p != nil {
		rv.Score, rv.Band = &p.Score, p.Band
	}
	rec, err := r.Store.ReviewTarget(ctx, a, id, version, rv, func(current string) error {
		return keyline.CheckReview(a, keyline.TargetStatus(current), keyline.TargetStatus(in.Status), in.Rationale)
	})
	if err != nil {
		return nil, err
	}
	return decodeAs[*model.Target](rec)
}

// snapshotOf freezes a package as JSON. Source-revealing text is never
// frozen into it; its classification is the highest of its intelligence,
// so later readers see it only if cleared for that.
func snapshotOf(pkg *model.TargetPackage) (string, keyline.Classification, error) {
	class := keyline.Official
	items := make([]model.IntelligenceItem, len(pkg.Intelligence.Items))
	for i, it := range pkg.Intelligence.Items {
		items[i] = *it
		items[i].HeldSourceText = nil
		if c := keyline.Classification(it.Classification); c.Rank() > class.Rank() {
			class = c
		}
	}
	frozen := map[string]any{
		"assembledAt": pkg.AssembledAt, "target": pkg.Target, "subject": pkg.Subject, "warningMarkers": pkg.WarningMarkers,
		"criminalActivity": pkg.CriminalActivity, "lifestyle": pkg.Lifestyle, "associations": pkg.Associations,
		"intelligence": map[string]any{"total": pkg.Intelligence.Total, "byGrade": pkg.Intelligence.ByGrade,
			"handlingConditions": pkg.Intelligence.HandlingConditions, "corroborated": pkg.Intelligence.Corroborated, "items": items},
		"gaps": pkg.Gaps, "risks": pkg.Risks, "actions": pkg.Actions, "evidence": pkg.Evidence,
		"tacticalOptions": pkg.TacticalOptions, "priority": pkg.Priority,
	}
	b, err := json.Marshal(frozen)
	return string(b), class, err
}

// kindReviewSnapshot is the audit trail's name for a read of a review's
// frozen package.
const kindReviewSnapshot keyline.Kind = "TargetReviewSnapshot"

// targetReviews lists a target's reviews; a snapshot holding anything the
// caller may not see is withheld (snapshotVisible), its evidence's
// sensitivity reasons are removed for those who may not read them
// (snapshotFor), and every snapshot returned is an audited read.
func (r *targetResolver) targetReviews(ctx context.Context, t *model.Target) ([]*model.TargetReview, error) {
	rows, err := r.Store.TargetReviews(ctx, loadersFrom(ctx).scope, t.ID)
	if err != nil {
		return nil, err
	}
	a := keyline.ActorFrom(ctx)
	out := make([]*model.TargetReview, 0, len(rows))
	for _, row := range rows {
		var stored struct {
			From, To               model.TargetStatus
			DecisionID             string `json:"decisionId"`
			Score                  *float64
			Band                   string
			ReviewedAt             time.Time `json:"reviewedAt"`
			ReviewedBy             string    `json:"reviewedBy"`
			Snapshot               string
			SnapshotClassification string `json:"snapshotClassification"`
		}
		if err := decodeInto(row, &stored); err != nil {
			return nil, err
		}
		rv := &model.TargetReview{From: stored.From, To: stored.To, Score: stored.Score, ReviewedAt: stored.ReviewedAt, ReviewedBy: stored.ReviewedBy}
		if stored.Band != "" {
			rv.Band = &stored.Band
		}
		if a.Cleared(keyline.Classification(stored.SnapshotClassification)) && snapshotVisible(a, stored.Snapshot) {
			rv.Snapshot = snapshotFor(a, stored.Snapshot)
		}
		if rv.Snapshot != nil {
			// Reading a frozen package is an audited read, like the
			// package: recorded as the review's decision being read.
			noteRead(ctx, kindReviewSnapshot, cmp.Or(stored.DecisionID, t.ID), t.OperationID)
		}
		if rv.Decision, err = loadOptional[*model.Decision](ctx, stored.DecisionID); err != nil {
			return nil, err
		}
		out = append(out, rv)
	}
	return out, nil
}

// snapshotVisible applies need to know to a frozen package at read time:
// the package was frozen as its reviewer saw it, so a reader who may not
// see every item in it (by classification and handling code, the one rule
// keyline.Actor.SeesMarking) or every link (keyline.Actor.SeesLink) gets
// none of it. A part would mislead: its counts, gaps, risks and score were
// worked out from the whole. A snapshot that cannot be read is withheld.
func snapshotVisible(a *keyline.Actor, snapshot string) bool {
	var v any
	if err := json.Unmarshal([]byte(snapshot), &v); err != nil {
		return false
	}
	return seesAllOf(a, v)
}

func seesAllOf(a *keyline.Actor, v any) bool {
	switch x := v.(type) {
	case map[string]any:
		if h, ok := x["gradeHandling"].(string); ok {
			c, _ := x["classification"].(string)
			if !a.SeesMarking(keyline.Classification(c), h) {
				return false
			}
		}
		if marks, ok := x["sourceMarks"].([]any); ok {
			ms := make([]string, 0, len(marks))
			for _, m := range marks {
				s, _ := m.(string)
				ms = append(ms, s)
			}
			if !a.SeesLink(ms) {
				return false
			}
		}
		for _, e := range x {
			if !seesAllOf(a, e) {
				return false
			}
		}
	case []any:
		for _, e := range x {
			if !seesAllOf(a, e) {
				return false
			}
		}
	}
	return true
}

// addTacticalOption records a prevention, disruption or enforcement option.
func (r *mutationResolver) addTacticalOption(ctx context.Context, id string, version int, kind model.TacticalOptionKind, description string) (*model.Target, error) {
	a, err := currentActor(ctx)
	if err != nil {
		return nil, err
	}
	if err := a.Authorise(keyline.PermNominateTarget, ""); err != nil {
		return nil, err
	}
	if err := keyline.RequireText("description", description, maxText); err != nil {
		return nil, err
	}
	if err := keyline.RequireKind("id", id, keyline.KindTarget); err != nil {
		return nil, err
	}
	rec, err := r.Store.AddTacticalOption(ctx, a, id, version, map[string]any{
		"kind": string(kind), "description": strings.TrimSpace(description), "recordedBy": a.Subject, "recordedAt": time.Now().UTC()})
	if err != nil {
		return nil, err
	}
	return decodeAs[*model.Target](rec)
}

// targetRanking ranks assessed targets for the tasking meeting.
func (r *queryResolver) targetRanking(ctx context.Context, f *model.RankingFilter, first *int) ([]*model.RankedTarget, error) {
	limit, err := keyline.IntIn("first", first, 50, 1, 1000)
	if err != nil {
		return nil, err
	}
	rq := cypher.RankingQuery{Limit: limit}
	if f != nil {
		rq.OperationID, rq.OwnerID = deref(f.OperationID), deref(f.OwnerID)
		rq.Statuses = enumStrings(f.Statuses)
		if f.ThreatArea != nil {
			rq.ThreatArea = string(*f.ThreatArea)
		}
	}
	recs, err := r.Store.TargetRanking(ctx, loadersFrom(ctx).scope, rq)
	if err != nil {
		return nil, err
	}
	out := make([]*model.RankedTarget, 0, len(recs))
	for i, rec := range recs {
		t, err := decodeAs[*model.Target](rec)
		if err != nil {
			return nil, err
		}
		rt := &model.RankedTarget{Rank: i + 1, Target: t, Movement: t.Movement()}
		if p := t.Priority(); p != nil {
			rt.Score, rt.Band = p.Score, p.Band
		}
		out = append(out, rt)
	}
	return out, nil
}
