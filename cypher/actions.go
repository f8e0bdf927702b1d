package cypher

import (
	"context"
	"encoding/json"
	"sort"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/keyline/keyline"
)

// ActionState is what a lifecycle decision needs to know of an action.
type ActionState struct {
	OperationID string
	Status      keyline.ActionStatus
	Priority    string
	AllocatedTo string
	// Props are the action's stored properties before the change.
	Props map[string]any
}

// ActionDecision is what a lifecycle step changes: properties, the officer
// to allocate to (who must be a member of the operation), and the history
// entry to append.
type ActionDecision struct {
	Set        map[string]any
	AllocateTo string
	History    map[string]any
}

// ProgressAction locks an action at expectedVersion, lets decide choose
// the change from its current state, and applies it with its history
// entry and audit event, all in one transaction.
func (s *Store) ProgressAction(ctx context.Context, a *keyline.Actor, id string, expectedVersion int,
	decide func(ActionState) (ActionDecision, error)) (Record, error) {
	var rec Record
	err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		before, opID, err := s.guard(ctx, tx, a, keyline.KindAction, id, expectedVersion)
		if err != nil {
			return err
		}
		rows, err := s.collect(ctx, tx, q("action_state"), map[string]any{"id": id})
		if err != nil {
			return err
		}
		st := ActionState{OperationID: opID, Props: before}
		if len(rows) > 0 {
			status, _ := rows[0]["status"].(string)
			st.Status = keyline.ActionStatus(status)
			st.Priority, _ = rows[0]["priority"].(string)
			st.AllocatedTo, _ = rows[0]["allocatedTo"].(string)
		}
		d, err := decide(st)
		if err != nil {
			return err
		}
		if d.AllocateTo != "" {
			rows, err := s.collect(ctx, tx, q("officer_is_member"), map[string]any{"officerId": d.AllocateTo, "operationId": opID})
			if err != nil {
				return err
			}
			if len(rows) == 0 {
				return &keyline.Error{Code: keyline.CodeInvalid, Field: "input.officerId",
					Message: "the officer is unknown or not a member of this operation, so cannot be allocated its actions"}
			}
			if err := s.applyRefs(ctx, tx, a, id, []Ref{{Rel: RelAllocated, Dir: Outgoing, Replace: true, Field: "input.officerId",
				Targets: []RefTarget{{ID: d.AllocateTo}}}}); err != nil {
				return err
			}
		}
		entry, _ := json.Marshal(d.History)
		rows, err = s.collect(ctx, tx, q("action_progress"), map[string]any{
			"id": id, "set": param(d.Set), "entry": string(entry), "now": now(), "actor": a.Subject,
		})
		if err != nil {
			return err
		}
		rec = Record{Kind: keyline.KindAction, Props: asMap(rows[0]["props"])}
		b, af := diff(before, rec.Props)
		delete(b, "history")
		delete(af, "history")
		af["step"] = d.History["step"]
		if d.AllocateTo != "" {
			af["allocatedTo"] = d.AllocateTo
		}
		return s.audit(ctx, tx, a, auditEntry{action: "UPDATE", kind: string(keyline.KindAction), id: id, operationID: opID, before: b, after: af})
	})
	return rec, err
}

// ActionQueueQuery selects an action queue.
type ActionQueueQuery struct {
	Queue       string // OUTSTANDING, OVERDUE, DUE_SOON, REFERRED, RESULTED, STALE
	OfficerID   string
	Days        int
	Skip, Limit int
}

// ActionQueue returns a page of each operation's queue.
func (s *Store) ActionQueue(ctx context.Context, sc Scope, operationIDs []string, aq ActionQueueQuery) (map[string]Page, error) {
	today := time.Now().UTC().Truncate(24 * time.Hour)
	var officer any
	if aq.OfficerID != "" {
		officer = aq.OfficerID
	}
	rows, err := s.readOne(ctx, q("action_queue"), sc.params(map[string]any{
		"operationIds": operationIDs, "queue": aq.Queue, "officerId": officer,
		"today": keyline.Date{Time: today}, "until": keyline.Date{Time: today.AddDate(0, 0, aq.Days)},
		"staleBefore": time.Now().UTC().AddDate(0, 0, -aq.Days), "skip": aq.Skip, "limit": aq.Limit,
	}))
	if err != nil {
		return nil, err
	}
	return pages(rows, fixedKind(keyline.KindAction)), nil
}

// Dashboard is an operation's action figures.
type Dashboard struct {
	ByStatus, OpenByPriority map[string]int
	Open, Overdue            int
	MedianHoursToResult      *float64
	Load                     []OfficerLoad
}

// OfficerLoad is an officer's open work in an operation.
type OfficerLoad struct {
	Officer              Record
	OpenActions, Overdue int
}

// ActionDashboard computes an operation's action figures in one query.
func (s *Store) ActionDashboard(ctx context.Context, sc Scope, operationID string) (Dashboard, error) {
	d := Dashboard{ByStatus: map[string]int{}, OpenByPriority: map[string]int{}}
	rows, err := s.readOne(ctx, q("action_dashboard"), sc.params(map[string]any{
		"operationId": operationID, "today": keyline.Date{Time: time.Now().UTC().Truncate(24 * time.Hour)},
	}))
	if err != nil || len(rows) == 0 {
		return d, err
	}
	r := rows[0]
	counts := func(v any, into map[string]int) {
		list, _ := v.([]any)
		for _, x := range list {
			m := asMap(x)
			k, _ := m["key"].(string)
			into[k] = asInt(m["count"])
		}
	}
	counts(r["byStatus"], d.ByStatus)
	counts(r["openByPriority"], d.OpenByPriority)
	d.Open, d.Overdue = asInt(r["open"]), asInt(r["overdue"])
	var hours []float64
	hs, _ := r["hoursToResult"].([]any)
	for _, h := range hs {
		if f, ok := h.(float64); ok {
			hours = append(hours, f)
		}
	}
	if len(hours) > 0 {
		sort.Float64s(hours)
		m := hours[len(hours)/2]
		if len(hours)%2 == 0 {
			m = (hours[len(hours)/2-1] + hours[len(hours)/2]) / 2
		}
		d.MedianHoursToResult = &m
	}
	load, _ := r["load"].([]any)
	for _, x := range load {
		m := asMap(x)
		d.Load = append(d.Load, OfficerLoad{Officer: Record{Kind: keyline.KindOfficer, Props: asMap(m["officer"])},
			OpenActions: asInt(m["openActions"]), Overdue: asInt(m["overdue"])})
	}
	return d, nil
}

// AllocationCandidates returns the officers who may take actions of an
// operation, with their open work across all operations.
func (s *Store) AllocationCandidates(ctx context.Context, operationID string) ([]keyline.Candidate, map[string]Record, error) {
	rows, err := s.readOne(ctx, q("allocation_candidates"), map[string]any{"operationId": operationID})
	if err != nil {
		return nil, nil, err
	}
	out := make([]keyline.Candidate, 0, len(rows))
	recs := make(map[string]Record, len(rows))
	for _, r := range rows {
		o := asMap(r["officer"])
		rec := Record{Kind: keyline.KindOfficer, Props: o}
		name, _ := o["name"].(string)
		out = append(out, keyline.Candidate{OfficerID: rec.ID(), Name: name, Skills: asStrings(o["skills"]),
			OpenHigh: asInt(r["high"]), OpenMedium: asInt(r["medium"]), OpenLow: asInt(r["low"])})
		recs[rec.ID()] = rec
	}
	return out, recs, nil
}
