package resolvers

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
)

// assemblePackage builds a target's package from one store round trip,
// then computes its gaps and risks with the domain rules.
func (r *targetResolver) assemblePackage(ctx context.Context, t *model.Target, staleAfterDays *int) (*model.TargetPackage, error) {
	stale, err := intIn("staleAfterDays", staleAfterDays, 90, 1, 3650)
	if err != nil {
		return nil, err
	}
	return assemble(ctx, r.Store, t, stale)
}

func assemble(ctx context.Context, store *cypher.Store, t *model.Target, staleDays int) (*model.TargetPackage, error) {
	d, ok, err := store.AssemblePackage(ctx, loadersFrom(ctx).scope, t.ID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, keyline.ErrNotFound(t.ID)
	}
	noteRead(ctx, keyline.KindTarget, t.ID, t.OperationID)
	now := time.Now().UTC()
	subject, err := decodeEntity(d.Subject)
	if err != nil {
		return nil, err
	}
	pkg := &model.TargetPackage{Target: t, Subject: subject, AssembledAt: now, WarningMarkers: []model.WarningMarker{},
		Lifestyle: &model.Lifestyle{Locations: []*model.LinkedEntity{}, Communications: []*model.LinkedEntity{}, Vehicles: []*model.LinkedEntity{}},
		Evidence:  []*model.Exhibit{}, TacticalOptions: t.TacticalOptions(), Priority: t.Priority()}
	facts := keyline.PackageFacts{AsOf: now, StaleAfter: time.Duration(staleDays) * 24 * time.Hour, Markers: map[string][]string{}}
	if p, ok := subject.(*model.Person); ok {
		pkg.WarningMarkers = p.WarningMarkers
		facts.Markers[p.ID] = enumStrings(p.WarningMarkers)
	}
	linked := func(lr cypher.LinkedRecord) (*model.LinkedEntity, error) {
		other, err := decodeEntity(lr.Other)
		if err != nil {
			return nil, err
		}
		l, err := linkBetween(lr.Link, map[string]model.Entity{d.Subject.ID(): subject, lr.Other.ID(): other})
		if err != nil {
			return nil, err
		}
		return &model.LinkedEntity{Entity: other, Link: l}, nil
	}
	for _, lr := range d.Activity {
		le, err := linked(lr)
		if err != nil {
			return nil, err
		}
		pkg.CriminalActivity = append(pkg.CriminalActivity, le)
	}
	for _, lr := range d.Lifestyle {
		le, err := linked(lr)
		if err != nil {
			return nil, err
		}
		switch lr.Link.Type {
		case "USES":
			pkg.Lifestyle.Communications = append(pkg.Lifestyle.Communications, le)
			facts.CommsConfidence = append(facts.CommsConfidence, le.Link.Confidence)
		case "DRIVES", "REGISTERED_KEEPER":
			pkg.Lifestyle.Vehicles = append(pkg.Lifestyle.Vehicles, le)
		default:
			pkg.Lifestyle.Locations = append(pkg.Lifestyle.Locations, le)
			if lr.Link.Type == "RESIDES_AT" {
				var seen time.Time
				if le.Link.LastSeen != nil {
					seen = *le.Link.LastSeen
				}
				facts.ResidenceLastSeen = append(facts.ResidenceLastSeen, seen)
			}
			if loc, ok := le.Entity.(*model.Location); ok && loc.Kind == model.LocationKindTrapHouse {
				facts.TrapHouses = append(facts.TrapHouses, loc.ID)
			}
		}
	}
	for _, lr := range d.Associations {
		le, err := linked(lr)
		if err != nil {
			return nil, err
		}
		pkg.Associations = append(pkg.Associations, le)
		facts.Associations++
		if p, ok := le.Entity.(*model.Person); ok {
			if len(p.WarningMarkers) > 0 {
				facts.Markers[p.ID] = enumStrings(p.WarningMarkers)
			}
			if p.DateOfBirth != nil && p.DateOfBirth.AddDate(18, 0, 0).After(now) {
				facts.Minors = append(facts.Minors, p.ID)
			}
			if k := strings.ToLower(deref(le.Link.Kind)); strings.Contains(k, "victim") || strings.Contains(k, "exploit") {
				facts.Victims = append(facts.Victims, p.ID)
			}
		}
	}
	if pkg.Intelligence, err = picture(ctx, d, &facts); err != nil {
		return nil, err
	}
	if pkg.Gaps, err = findings(ctx, keyline.PackageGaps(facts)); err != nil {
		return nil, err
	}
	if pkg.Risks, err = findings(ctx, keyline.PackageRisks(facts)); err != nil {
		return nil, err
	}
	acts := &model.PackageActions{Items: []*model.Action{}}
	for _, rec := range d.Actions {
		a, err := decodeAs[*model.Action](rec)
		if err != nil {
			return nil, err
		}
		switch {
		case keyline.ActionOpen(keyline.ActionStatus(a.Status)):
			acts.Open++
			if a.Overdue() {
				acts.Overdue++
			}
		case a.Status == model.ActionStatusResulted || a.Status == model.ActionStatusCompleted:
			acts.Done++
		}
		acts.Items = append(acts.Items, a)
	}
	pkg.Actions = acts
	for _, rec := range d.Evidence {
		e, err := decodeAs[*model.Exhibit](rec)
		if err != nil {
			return nil, err
		}
		pkg.Evidence = append(pkg.Evidence, e)
	}
	return pkg, nil
}

// picture summarises the intelligence about the subject by grade.
func picture(ctx context.Context, d cypher.PackageData, facts *keyline.PackageFacts) (*model.IntelligencePicture, error) {
	pic := &model.IntelligencePicture{Total: d.ItemCount, Items: []*model.IntelligenceItem{}, ByGrade: []*model.Count{}, HandlingConditions: []string{}}
	grades := map[string]int{}
	quality := map[string]float64{}
	for _, pi := range d.Items {
		it, err := decodeAs[*model.IntelligenceItem](pi.Item)
		if err != nil {
			return nil, err
		}
		noteItemsRead(ctx, it)
		pic.Items = append(pic.Items, it)
		g := it.Grade()
		grades[g.String()]++
		quality[g.String()] = g.Quality()
		if g.Conditions != "" && !slices.Contains(pic.HandlingConditions, g.Conditions) {
			pic.HandlingConditions = append(pic.HandlingConditions, g.Conditions)
		}
		if pi.Corroborated {
			pic.Corroborated++
		}
		if pic.LatestReceivedAt == nil || it.ReceivedAt.After(*pic.LatestReceivedAt) {
			at := it.ReceivedAt
			pic.LatestReceivedAt = &at
		}
		facts.Items = append(facts.Items, keyline.ItemFact{Grading: g, ReceivedAt: it.ReceivedAt, Corroborated: pi.Corroborated})
	}
	for code, n := range grades {
		pic.ByGrade = append(pic.ByGrade, &model.Count{Key: code, Count: n})
	}
	slices.SortFunc(pic.ByGrade, func(a, b *model.Count) int {
		if qa, qb := quality[a.Key], quality[b.Key]; qa != qb {
			if qa > qb {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Key, b.Key)
	})
	return pic, nil
}

// findings resolves the entities a finding names, through the loader.
func findings(ctx context.Context, fs []keyline.Finding) ([]*model.Finding, error) {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.EntityIDs...)
	}
	recs, err := loadersFrom(ctx).NodesMaybe(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Finding, 0, len(fs))
	for _, f := range fs {
		mf := &model.Finding{Code: f.Code, Description: f.Description, Entities: []model.Entity{}}
		for _, id := range f.EntityIDs {
			rec, ok := recs[id]
			if !ok {
				continue
			}
			if e, err := decodeEntity(rec); err == nil {
				mf.Entities = append(mf.Entities, e)
			}
		}
		out = append(out, mf)
	}
	return out, nil
}

// AssemblePackage assembles a target's package for the actor in ctx (for
// the printable report), recording the read in the audit trail.
func AssemblePackage(ctx context.Context, store *cypher.Store, targetID string) (*model.TargetPackage, error) {
	ctx = withReadLog(WithLoaders(ctx, store))
	if err := requireKind("id", targetID, keyline.KindTarget); err != nil {
		return nil, err
	}
	t, err := load[*model.Target](ctx, targetID)
	if err != nil {
		return nil, err
	}
	pkg, err := assemble(ctx, store, t, 90)
	if err != nil {
		return nil, err
	}
	return pkg, flushReads(ctx, store)
}
