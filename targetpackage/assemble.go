// Package targetpackage assembles a target's package, the NIM subject
// profile a Detective Inspector reviews: criminal activity, lifestyle,
// associations, the intelligence picture by grade, computed gaps and
// risks (keyline.PackageGaps, keyline.PackageRisks), actions, evidence,
// tactical options and the priority score. The GraphQL field
// Target.package, the review (which freezes the package into its
// snapshot) and the printable report all assemble through this package,
// so a package reads the same, and is audited the same, on every path.
//
// The answer is the GraphQL model *model.TargetPackage, not a type of its
// own: a domain type would repeat it field for field, and every caller
// wants the model anyway (the API returns it, the review snapshots its
// JSON, the report's HTML templates render it).
//
// Need to know is the store's: Store answers in the reader's scope, so
// what the reader may not see is never read, and a target they may not
// see is not found.
package targetpackage

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
)

// DefaultStaleAfterDays is how old the newest intelligence may be, in
// days, before the picture counts as stale, unless the reader says.
const DefaultStaleAfterDays = 90

// Options shape an assembly.
type Options struct {
	// StaleAfterDays: see DefaultStaleAfterDays (used when zero).
	StaleAfterDays int
}

// Store is what assembling a package reads and records, every read in the
// scope of the reader in ctx, every record decoded into the API's models.
type Store interface {
	// Target reads a target by id; not found if the reader may not see it.
	Target(ctx context.Context, id string) (*model.Target, error)
	// PackageRecords reads what the graph holds for a target's package in
	// one round trip; ok is false if the reader may not see the target.
	PackageRecords(ctx context.Context, targetID string) (Records, bool, error)
	// Entities reads the entities among ids the reader may see.
	Entities(ctx context.Context, ids []string) (map[string]model.Entity, error)
	// Read records in the audit trail that the reader was shown records.
	Read(ctx context.Context, reads []cypher.Read) error
}

// Records are what the graph holds for a package, as the reader sees it.
type Records struct {
	Subject model.Entity
	// Activity, Lifestyle and Associations are the subject's links, each
	// with the entity at its other end.
	Activity     []*model.LinkedEntity
	Lifestyle    []*model.LinkedEntity
	Associations []*model.LinkedEntity
	// ItemCount counts the intelligence about the subject the reader
	// sees; Items may hold fewer.
	ItemCount int
	Items     []Item
	Actions   []*model.Action
	Evidence  []*model.Exhibit
}

// Item is an intelligence item about the subject and whether evidence
// downstream of it supports it.
type Item struct {
	Item         *model.IntelligenceItem
	Corroborated bool
}

// Read assembles the package of the target with id targetID for the
// reader in ctx, with the default options: the printable report's read.
func Read(ctx context.Context, store Store, targetID string) (*model.TargetPackage, error) {
	if k, ok := keyline.KindOfID(targetID); !ok || k != keyline.KindTarget {
		return nil, &keyline.Error{Code: keyline.CodeNotFound, Field: "id", Message: `"` + targetID + `" is not the id of a Target`}
	}
	t, err := store.Target(ctx, targetID)
	if err != nil {
		return nil, err
	}
	return Assemble(ctx, store, t, Options{})
}

// Assemble assembles target t's package for the reader in ctx, and
// records the read of the target and of every intelligence item shown.
func Assemble(ctx context.Context, store Store, t *model.Target, opt Options) (*model.TargetPackage, error) {
	recs, ok, err := store.PackageRecords(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, keyline.ErrNotFound(t.ID)
	}
	staleDays := opt.StaleAfterDays
	if staleDays == 0 {
		staleDays = DefaultStaleAfterDays
	}
	pkg, facts := assemble(t, recs, time.Now().UTC(), time.Duration(staleDays)*24*time.Hour)
	gaps, risks := keyline.PackageGaps(facts), keyline.PackageRisks(facts)
	named, err := store.Entities(ctx, entityIDs(gaps, risks))
	if err != nil {
		return nil, err
	}
	pkg.Gaps, pkg.Risks = findings(gaps, named), findings(risks, named)
	reads := []cypher.Read{{Kind: keyline.KindTarget, ID: t.ID, OperationID: t.OperationID}}
	for _, it := range pkg.Intelligence.Items {
		reads = append(reads, cypher.Read{Kind: keyline.KindIntelligenceItem, ID: it.ID, OperationID: it.OperationID})
	}
	if err := store.Read(ctx, reads); err != nil {
		return nil, err
	}
	return pkg, nil
}

// assemble lays the records out as the package's sections and gathers the
// facts the gap and risk rules read: residences and when they were last
// seen, phones and how sure the links are, trap houses, associates'
// warning markers, minors and victims among them, the intelligence.
func assemble(t *model.Target, recs Records, now time.Time, staleAfter time.Duration) (*model.TargetPackage, keyline.PackageFacts) {
	pkg := &model.TargetPackage{Target: t, Subject: recs.Subject, AssembledAt: now, WarningMarkers: []model.WarningMarker{},
		Lifestyle: &model.Lifestyle{Locations: []*model.LinkedEntity{}, Communications: []*model.LinkedEntity{}, Vehicles: []*model.LinkedEntity{}},
		Evidence:  []*model.Exhibit{}, TacticalOptions: t.TacticalOptions(), Priority: t.Priority()}
	facts := keyline.PackageFacts{AsOf: now, StaleAfter: staleAfter, Markers: map[string][]string{}}
	if p, ok := recs.Subject.(*model.Person); ok {
		pkg.WarningMarkers = p.WarningMarkers
		facts.Markers[p.ID] = markerNames(p.WarningMarkers)
	}
	pkg.CriminalActivity = append(pkg.CriminalActivity, recs.Activity...)
	for _, le := range recs.Lifestyle {
		switch le.Link.Type {
		case model.LinkTypeUses:
			pkg.Lifestyle.Communications = append(pkg.Lifestyle.Communications, le)
			facts.CommsConfidence = append(facts.CommsConfidence, le.Link.Confidence)
		case model.LinkTypeDrives, model.LinkTypeRegisteredKeeper:
			pkg.Lifestyle.Vehicles = append(pkg.Lifestyle.Vehicles, le)
		default:
			pkg.Lifestyle.Locations = append(pkg.Lifestyle.Locations, le)
			if le.Link.Type == model.LinkTypeResidesAt {
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
	for _, le := range recs.Associations {
		pkg.Associations = append(pkg.Associations, le)
		facts.Associations++
		p, ok := le.Entity.(*model.Person)
		if !ok {
			continue
		}
		if len(p.WarningMarkers) > 0 {
			facts.Markers[p.ID] = markerNames(p.WarningMarkers)
		}
		if p.DateOfBirth != nil && p.DateOfBirth.AddDate(18, 0, 0).After(now) {
			facts.Minors = append(facts.Minors, p.ID)
		}
		if le.Link.Kind != nil {
			if k := strings.ToLower(*le.Link.Kind); strings.Contains(k, "victim") || strings.Contains(k, "exploit") {
				facts.Victims = append(facts.Victims, p.ID)
			}
		}
	}
	pkg.Intelligence = picture(recs.ItemCount, recs.Items, &facts)
	pkg.Actions = actions(recs.Actions)
	pkg.Evidence = append(pkg.Evidence, recs.Evidence...)
	return pkg, facts
}

// picture summarises the intelligence about the subject by grade, best
// grade first, with each handling condition once.
func picture(total int, items []Item, facts *keyline.PackageFacts) *model.IntelligencePicture {
	pic := &model.IntelligencePicture{Total: total, Items: []*model.IntelligenceItem{}, ByGrade: []*model.Count{}, HandlingConditions: []string{}}
	grades := map[string]int{}
	quality := map[string]float64{}
	for _, pi := range items {
		it := pi.Item
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
	return pic
}

// actions counts the subject's actions as a DI reads them: open (overdue
// among them) and done (resulted or completed); referred and cancelled
// are neither.
func actions(items []*model.Action) *model.PackageActions {
	acts := &model.PackageActions{Items: []*model.Action{}}
	for _, a := range items {
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
	return acts
}

// entityIDs lists the entities the findings name, to read them at once.
func entityIDs(lists ...[]keyline.Finding) []string {
	var ids []string
	for _, fs := range lists {
		for _, f := range fs {
			ids = append(ids, f.EntityIDs...)
		}
	}
	return ids
}

// findings gives each finding the entities it names that the reader sees
// (named); an entity the reader may not see is left out, not shown as a
// bare id.
func findings(fs []keyline.Finding, named map[string]model.Entity) []*model.Finding {
	out := make([]*model.Finding, 0, len(fs))
	for _, f := range fs {
		mf := &model.Finding{Code: f.Code, Description: f.Description, Entities: []model.Entity{}}
		for _, id := range f.EntityIDs {
			if e, ok := named[id]; ok {
				mf.Entities = append(mf.Entities, e)
			}
		}
		out = append(out, mf)
	}
	return out
}

// markerNames are a person's warning markers as the risk rules read them,
// each once.
func markerNames(ms []model.WarningMarker) []string {
	out := make([]string, 0, len(ms))
	for _, m := range ms {
		if !slices.Contains(out, string(m)) {
			out = append(out, string(m))
		}
	}
	return out
}
