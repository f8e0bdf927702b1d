// Package seed writes Keyline's demo operation, Operation Kestrel: a
// fictional county-lines investigation across Merseyside and North Wales
// with its officers, nominals, intelligence, links, targets, policy file,
// actions and exhibits. Everything is written through the store's write
// API, so every record has its bookkeeping, label, search text and audit
// events exactly as if it had come through the GraphQL API.
//
// The content is deterministic: plan() builds it from the data tables with
// a fixed-seed random source, and only ids and bookkeeping times differ
// between runs.
package seed

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

// DemoReference is the demo operation's reference. Operation references
// are unique, so a second Demo on the same database fails with CONFLICT;
// callers check whether the database is empty (or holds this reference)
// before seeding.
const DemoReference = "OP-KESTREL-2026"

// Summary counts what Demo wrote.
type Summary struct {
	Operation string // the operation's id

	Persons, Organisations, Locations, Vehicles, CommsDevices, Events int
	Intelligence, Links, Targets, Actions, Exhibits, Decisions        int
	LinesOfEnquiry, Officers                                          int
}

// Demo writes Operation Kestrel into the store.
func Demo(ctx context.Context, store *cypher.Store, log zerolog.Logger) (Summary, error) {
	return demo(ctx, store, log, "")
}

// demo writes the demo; a non-empty suffix makes the operation reference,
// officer collar numbers and subjects and intelligence URNs unique so that
// tests can seed a database more than once.
func demo(ctx context.Context, store *cypher.Store, log zerolog.Logger, suffix string) (Summary, error) {
	start := time.Now()
	p := plan(suffix)
	w := &writer{
		store: store, log: log, ids: map[string]string{},
		actor: &keyline.Actor{Subject: "keyline-seed", Name: "Keyline demo seed", Roles: keyline.Roles, Clearance: keyline.TopSecret},
	}
	sum, err := w.write(ctx, p)
	if err != nil {
		return sum, err
	}
	log.Info().Str("operation", sum.Operation).Int("officers", sum.Officers).Int("persons", sum.Persons).
		Int("organisations", sum.Organisations).Int("locations", sum.Locations).Int("vehicles", sum.Vehicles).
		Int("commsDevices", sum.CommsDevices).Int("events", sum.Events).Int("intelligence", sum.Intelligence).
		Int("links", sum.Links).Int("targets", sum.Targets).Int("actions", sum.Actions).Int("exhibits", sum.Exhibits).
		Int("decisions", sum.Decisions).Int("linesOfEnquiry", sum.LinesOfEnquiry).
		Dur("took", time.Since(start)).Msg("demo operation seeded")
	return sum, nil
}

type writer struct {
	store *cypher.Store
	log   zerolog.Logger
	actor *keyline.Actor
	ids   map[string]string // plan key -> record id
	opID  string
}

func (w *writer) write(ctx context.Context, p *demoPlan) (Summary, error) {
	var sum Summary
	for _, o := range p.Officers {
		if _, err := w.create(ctx, o); err != nil {
			return sum, err
		}
		sum.Officers++
	}
	w.actor.OfficerID = w.ids[p.SIO]
	rec, err := w.create(ctx, p.Operation)
	if err != nil {
		return sum, err
	}
	w.opID = rec.ID()
	w.actor.Operations = []string{w.opID}
	sum.Operation = w.opID
	w.log.Debug().Int("officers", sum.Officers).Msg("seed: officers and operation written")

	for _, e := range p.Entities {
		if _, err := w.create(ctx, e); err != nil {
			return sum, err
		}
		switch e.Kind {
		case keyline.KindPerson:
			sum.Persons++
		case keyline.KindOrganisation:
			sum.Organisations++
		case keyline.KindLocation:
			sum.Locations++
		case keyline.KindVehicle:
			sum.Vehicles++
		case keyline.KindCommsDevice:
			sum.CommsDevices++
		case keyline.KindEvent:
			sum.Events++
		}
	}
	w.log.Debug().Int("entities", len(p.Entities)).Msg("seed: entities written")

	for _, it := range p.Intelligence {
		if _, err := w.create(ctx, it); err != nil {
			return sum, err
		}
		sum.Intelligence++
	}
	w.log.Debug().Int("intelligence", sum.Intelligence).Msg("seed: intelligence written")

	for _, l := range p.LinesOfEnquiry {
		if _, err := w.create(ctx, l); err != nil {
			return sum, err
		}
		sum.LinesOfEnquiry++
	}
	for _, d := range p.Decisions {
		if _, err := w.create(ctx, d); err != nil {
			return sum, err
		}
		sum.Decisions++
	}

	for _, a := range p.Actions {
		if err := w.action(ctx, a); err != nil {
			return sum, err
		}
		sum.Actions++
	}
	w.log.Debug().Int("actions", sum.Actions).Msg("seed: actions written")

	for _, e := range p.Exhibits {
		if err := w.exhibit(ctx, e); err != nil {
			return sum, err
		}
		sum.Exhibits++
	}

	for _, l := range p.Links {
		sources := make([]string, len(l.Sources))
		for i, s := range l.Sources {
			sources[i] = w.ids[s]
		}
		if _, err := w.store.CreateLink(ctx, w.actor, l.Type, w.ids[l.From], w.ids[l.To], l.Props, sources); err != nil {
			return sum, fmt.Errorf("seed: link %s %s -> %s: %w", l.Type, l.From, l.To, err)
		}
		sum.Links++
	}
	w.log.Debug().Int("links", sum.Links).Msg("seed: links written")

	for _, t := range p.Targets {
		subject, err := w.store.NodesByID(ctx, cypher.ScopeOf(w.actor), []string{w.ids[t.Subject]})
		if err != nil {
			return sum, err
		}
		rec, ok := subject[w.ids[t.Subject]]
		if !ok {
			return sum, fmt.Errorf("seed: target subject %s not found after writing it", t.Subject)
		}
		n := t.nodePlan
		n.Props = clone(n.Props)
		n.Props["subjectLabel"] = rec.Props["label"]
		if _, err := w.create(ctx, n); err != nil {
			return sum, err
		}
		sum.Targets++
	}
	return sum, nil
}

func clone(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// refs resolves planned relationships to record ids.
func (w *writer) refs(rs []refPlan) []cypher.Ref {
	out := make([]cypher.Ref, 0, len(rs))
	for _, r := range rs {
		ref := cypher.Ref{Rel: r.Rel, Dir: r.Dir, Field: "seed." + r.Rel}
		for _, t := range r.Targets {
			id, ok := w.ids[t.Key]
			if !ok {
				panic("seed: reference to a record not yet written: " + t.Key)
			}
			ref.Targets = append(ref.Targets, cypher.RefTarget{ID: id, Props: t.Props})
		}
		out = append(out, ref)
	}
	return out
}

func (w *writer) create(ctx context.Context, n nodePlan) (cypher.Record, error) {
	op := w.opID
	if n.Kind == keyline.KindOfficer || n.Kind == keyline.KindOperation {
		op = ""
	}
	rec, err := w.store.CreateNode(ctx, w.actor, n.Kind, op, n.Props, w.refs(n.Refs))
	if err != nil {
		return rec, fmt.Errorf("seed: create %s %s: %w", n.Kind, n.Key, err)
	}
	w.ids[n.Key] = rec.ID()
	return rec, nil
}

// action raises an action and takes it through its lifecycle steps the
// way the progressAction mutation does (keyline.NextActionStatus decides
// each step), so its history, allocation and audit trail are real.
func (w *writer) action(ctx context.Context, a actionPlan) error {
	props := clone(a.Props)
	props["history"] = []string{historyEntry(w.actor, "RAISE", "", keyline.ActionRaised, "", "")}
	rec, err := w.store.RaiseAction(ctx, w.actor, w.opID, props, w.refs(a.Refs))
	if err != nil {
		return fmt.Errorf("seed: raise %s: %w", a.Key, err)
	}
	id := rec.ID()
	w.ids[a.Key] = id
	version := versionOf(rec)
	for _, s := range a.Steps {
		rec, err = w.store.ProgressAction(ctx, w.actor, id, version, func(st cypher.ActionState) (cypher.ActionDecision, error) {
			return w.decide(st, s)
		})
		if err != nil {
			return fmt.Errorf("seed: %s %s: %w", s.Step, a.Key, err)
		}
		version = versionOf(rec)
	}
	return nil
}

func (w *writer) decide(st cypher.ActionState, s stepPlan) (cypher.ActionDecision, error) {
	now := time.Now().UTC()
	if s.Step == "CHASE" {
		chases, _ := st.Props["chaseCount"].(int64)
		return cypher.ActionDecision{
			Set:     map[string]any{"lastChasedAt": now, "chaseCount": int(chases) + 1},
			History: historyMap(w.actor, "CHASE", st.Status, st.Status, s.Reason, ""),
		}, nil
	}
	change := keyline.ActionChange{Step: keyline.ActionStep(s.Step), Reason: s.Reason, Result: s.Result, OfficerID: w.ids[s.Officer]}
	if s.Officer == "" {
		change.OfficerID = ""
	}
	next, err := keyline.NextActionStatus(w.actor, st.Status, st.AllocatedTo, change)
	if err != nil {
		return cypher.ActionDecision{}, err
	}
	set := map[string]any{"status": string(next)}
	note := change.Reason
	switch change.Step {
	case keyline.StepResult:
		set["result"], set["resultedAt"] = change.Result, now
		note = change.Result
	case keyline.StepCancel:
		set["cancellationReason"] = change.Reason
	case keyline.StepRefer, keyline.StepReinstate, keyline.StepReturn:
		set["referralReason"] = change.Reason
	}
	return cypher.ActionDecision{Set: set, AllocateTo: change.OfficerID,
		History: historyMap(w.actor, s.Step, st.Status, next, note, change.OfficerID)}, nil
}

// historyMap is an action history entry as resolvers write them.
func historyMap(a *keyline.Actor, step string, from, to keyline.ActionStatus, reason, officerID string) map[string]any {
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
	return e
}

func historyEntry(a *keyline.Actor, step string, from, to keyline.ActionStatus, reason, officerID string) string {
	b, _ := json.Marshal(historyMap(a, step, from, to, reason, officerID))
	return string(b)
}

func versionOf(r cypher.Record) int {
	switch v := r.Props["version"].(type) {
	case int64:
		return int(v)
	case int:
		return v
	}
	return 0
}

// exhibit records an exhibit and its chain of custody.
func (w *writer) exhibit(ctx context.Context, e exhibitPlan) error {
	rec, err := w.create(ctx, e.nodePlan)
	if err != nil {
		return err
	}
	version := versionOf(rec)
	for _, step := range e.Continuity {
		rec, err = w.store.AppendContinuity(ctx, w.actor, rec.ID(), version, step)
		if err != nil {
			return fmt.Errorf("seed: continuity of %s: %w", e.Key, err)
		}
		version = versionOf(rec)
	}
	return nil
}
