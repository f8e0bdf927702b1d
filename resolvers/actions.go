package resolvers

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
)

// historyEntry is one line of an action's lifecycle log.
func historyEntry(a *keyline.Actor, step string, from, to keyline.ActionStatus, reason, officerID string) string {
	e := map[string]any{"at": time.Now().UTC().Format(time.RFC3339Nano), "actor": a.Subject, "step": step, "to": string(to)}
	if from != "" {
		e["from"] = string(from)
	}
	if reason != "" {
		e["reason"] = reason
	}
	if officerID != "" {
		e["officerId"] = officerID
	}
	b, _ := json.Marshal(e)
	return string(b)
}

func historyMap(a *keyline.Actor, step string, from, to keyline.ActionStatus, reason, officerID string) map[string]any {
	var m map[string]any
	_ = json.Unmarshal([]byte(historyEntry(a, step, from, to, reason, officerID)), &m)
	return m
}

// progressAction takes a lifecycle step. The rules are the domain's
// (keyline.NextActionStatus); the store applies them under the action's
// lock with optimistic concurrency.
func (r *mutationResolver) progressAction(ctx context.Context, id string, version int, in model.ProgressActionInput) (*model.Action, error) {
	a, err := currentActor(ctx)
	if err != nil {
		return nil, err
	}
	change := keyline.ActionChange{Step: keyline.ActionStep(in.Step), Reason: strings.TrimSpace(deref(in.Reason)),
		Result: strings.TrimSpace(deref(in.Result)), OfficerID: deref(in.OfficerID)}
	for field, v := range map[string]string{"input.reason": change.Reason, "input.result": change.Result} {
		if err := keyline.LimitText(field, v, maxText); err != nil {
			return nil, err
		}
	}
	if change.OfficerID != "" {
		if err := keyline.RequireKind("input.officerId", change.OfficerID, keyline.KindOfficer); err != nil {
			return nil, err
		}
	}
	rec, err := r.Store.ProgressAction(ctx, a, id, version, func(st cypher.ActionState) (cypher.ActionDecision, error) {
		next, err := keyline.NextActionStatus(a, st.Status, st.AllocatedTo, change)
		if err != nil {
			return cypher.ActionDecision{}, prefixField(err, "input.")
		}
		set := map[string]any{"status": string(next)}
		note := change.Reason
		switch change.Step {
		case keyline.StepResult:
			set["result"], set["resultedAt"] = change.Result, time.Now().UTC()
			note = summarise(change.Result)
		case keyline.StepCancel:
			set["cancellationReason"] = change.Reason
		case keyline.StepRefer, keyline.StepReinstate, keyline.StepReturn:
			set["referralReason"] = change.Reason
		}
		return cypher.ActionDecision{Set: set, AllocateTo: change.OfficerID,
			History: historyMap(a, string(change.Step), st.Status, next, note, change.OfficerID)}, nil
	})
	if err != nil {
		return nil, err
	}
	return decodeAs[*model.Action](rec)
}

// chaseAction records a chase of an open action.
func (r *mutationResolver) chaseAction(ctx context.Context, id string, version int, note *string) (*model.Action, error) {
	a, err := currentActor(ctx)
	if err != nil {
		return nil, err
	}
	if !a.Has(keyline.RoleActionManager) && !a.Has(keyline.RoleSIO) && !a.Has(keyline.RoleDeputySIO) {
		return nil, keyline.Errorf(keyline.CodeForbidden, "only the action manager or SIO chases actions")
	}
	if err := keyline.LimitText("note", deref(note), maxShort); err != nil {
		return nil, err
	}
	rec, err := r.Store.ProgressAction(ctx, a, id, version, func(st cypher.ActionState) (cypher.ActionDecision, error) {
		if !keyline.ActionOpen(st.Status) {
			return cypher.ActionDecision{}, keyline.Errorf(keyline.CodeConflict, "only an open action can be chased; this one is %s", st.Status)
		}
		return cypher.ActionDecision{
			Set:     map[string]any{"lastChasedAt": time.Now().UTC(), "chaseCount": toInt(st.Props["chaseCount"]) + 1},
			History: historyMap(a, "CHASE", st.Status, st.Status, deref(note), ""),
		}, nil
	})
	if err != nil {
		return nil, err
	}
	return decodeAs[*model.Action](rec)
}

// allocationSuggestions ranks the operation's members for an action.
func (r *actionResolver) allocationSuggestions(ctx context.Context, obj *model.Action, first *int) ([]*model.AllocationSuggestion, error) {
	n := 5
	if first != nil {
		if *first < 1 || *first > MaxPageSize {
			return nil, keyline.FieldErrorf("first", "must be between 1 and %d", MaxPageSize)
		}
		n = *first
	}
	cands, recs, err := r.Store.AllocationCandidates(ctx, obj.OperationID)
	if err != nil {
		return nil, err
	}
	ranked := keyline.RankOfficers(obj.RequiredSkills, cands)
	out := make([]*model.AllocationSuggestion, 0, min(n, len(ranked)))
	for _, s := range ranked[:min(n, len(ranked))] {
		off, err := decodeAs[*model.Officer](recs[s.OfficerID])
		if err != nil {
			return nil, err
		}
		out = append(out, &model.AllocationSuggestion{Officer: off, Score: s.Score, SkillsMatched: s.SkillsMatched,
			SkillsMissing: s.SkillsMissing, OpenActions: s.OpenActions, Workload: s.Workload, Reasons: s.Reasons})
	}
	return out, nil
}

// actionQueue serves an action manager's queue.
func (r *operationResolver) actionQueue(ctx context.Context, obj *model.Operation, queue model.ActionQueue, officerID *string, days *int, first *int, after *string) (*model.ActionConnection, error) {
	p, err := parsePage(first, after)
	if err != nil {
		return nil, err
	}
	d := map[model.ActionQueue]int{model.ActionQueueDueSoon: 3, model.ActionQueueStale: 14}[queue]
	if days != nil {
		if *days < 0 || *days > 365 {
			return nil, keyline.FieldErrorf("days", "must be between 0 and 365")
		}
		d = *days
	}
	aq := cypher.ActionQueueQuery{Queue: string(queue), OfficerID: deref(officerID), Days: d, Skip: p.skip, Limit: p.limit}
	l := loadersFrom(ctx)
	return pagedConnection(ctx, fmt.Sprintf("queue/%+v", aq), obj.ID, p,
		func(ctx context.Context, ops []string) (map[string]cypher.Page, error) {
			return r.Store.ActionQueue(ctx, l.scope, ops, aq)
		}, actionEdge, actionConn)
}

// actionDashboard serves the figures for a DI or head of crime.
func (r *operationResolver) actionDashboard(ctx context.Context, obj *model.Operation) (*model.ActionDashboard, error) {
	d, err := r.Store.ActionDashboard(ctx, loadersFrom(ctx).scope, obj.ID)
	if err != nil {
		return nil, err
	}
	out := &model.ActionDashboard{Open: d.Open, Overdue: d.Overdue, MedianHoursToResult: d.MedianHoursToResult,
		OpenByPriority: []*model.Count{}, ByStatus: []*model.Count{}, LoadPerOfficer: []*model.OfficerLoad{}}
	for _, p := range model.AllActionPriority {
		out.OpenByPriority = append(out.OpenByPriority, &model.Count{Key: string(p), Count: d.OpenByPriority[string(p)]})
	}
	for _, s := range model.AllActionStatus {
		out.ByStatus = append(out.ByStatus, &model.Count{Key: string(s), Count: d.ByStatus[string(s)]})
	}
	if d.Open > 0 {
		out.OverdueRate = float64(d.Overdue) / float64(d.Open)
	}
	for _, l := range d.Load {
		off, err := decodeAs[*model.Officer](l.Officer)
		if err != nil {
			return nil, err
		}
		out.LoadPerOfficer = append(out.LoadPerOfficer, &model.OfficerLoad{Officer: off, OpenActions: l.OpenActions, Overdue: l.Overdue})
	}
	return out, nil
}

// prefixField qualifies a domain error's field with the input path.
func prefixField(err error, prefix string) error {
	if e, ok := err.(*keyline.Error); ok && e.Field != "" {
		c := *e
		c.Field = prefix + e.Field
		return &c
	}
	return err
}

func summarise(s string) string {
	r := []rune(s)
	if len(r) > 120 {
		return string(r[:119]) + "…"
	}
	return s
}

func toInt(v any) int {
	switch n := v.(type) {
	case int64:
		return int(n)
	case int:
		return n
	}
	return 0
}
