package resolvers

import (
	"context"
	"github.com/keyline/keyline"

	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
	"github.com/keyline/keyline/targetpackage"
)

func (r *targetResolver) assemblePackage(ctx context.Context, t *model.Target, staleAfterDays *int) (*model.TargetPackage, error) {
	stale, err := keyline.IntIn("staleAfterDays", staleAfterDays, targetpackage.DefaultStaleAfterDays, 1, 3650)
	if err != nil {
		return nil, err
	}
	return targetpackage.Assemble(ctx, PackageStore(r.Store), t, targetpackage.Options{StaleAfterDays: stale})
}

// assemble is the review's assembly (reviewTarget snapshots the package).
func assemble(ctx context.Context, store *cypher.Store, t *model.Target, staleDays int) (*model.TargetPackage, error) {
	return targetpackage.Assemble(ctx, PackageStore(store), t, targetpackage.Options{StaleAfterDays: staleDays})
}

// AssemblePackage is targetpackage.Read for the actor in ctx, kept for
// callers of the old name.
func AssemblePackage(ctx context.Context, store *cypher.Store, targetID string) (*model.TargetPackage, error) {
	return targetpackage.Read(WithLoaders(ctx, store), PackageStore(store), targetID)
}

// PackageStore is the store as targetpackage reads it: through the
// request's loaders (WithLoaders; their scope is the reader's), decoded
// here, where the decoder is, until the decoder has a package of its own.
func PackageStore(store *cypher.Store) targetpackage.Store { return packageStore{store} }

type packageStore struct{ store *cypher.Store }

func (s packageStore) Target(ctx context.Context, id string) (*model.Target, error) {
	return load[*model.Target](ctx, id)
}

func (s packageStore) PackageRecords(ctx context.Context, targetID string) (targetpackage.Records, bool, error) {
	var recs targetpackage.Records
	d, ok, err := s.store.AssemblePackage(ctx, loadersFrom(ctx).scope, targetID)
	if err != nil || !ok {
		return recs, ok, err
	}
	if recs.Subject, err = decodeEntity(d.Subject); err != nil {
		return recs, false, err
	}
	linked := func(lrs []cypher.LinkedRecord) ([]*model.LinkedEntity, error) {
		var out []*model.LinkedEntity
		for _, lr := range lrs {
			other, err := decodeEntity(lr.Other)
			if err != nil {
				return nil, err
			}
			l, err := linkBetween(lr.Link, map[string]model.Entity{d.Subject.ID(): recs.Subject, lr.Other.ID(): other})
			if err != nil {
				return nil, err
			}
			out = append(out, &model.LinkedEntity{Entity: other, Link: l})
		}
		return out, nil
	}
	if recs.Activity, err = linked(d.Activity); err != nil {
		return recs, false, err
	}
	if recs.Lifestyle, err = linked(d.Lifestyle); err != nil {
		return recs, false, err
	}
	if recs.Associations, err = linked(d.Associations); err != nil {
		return recs, false, err
	}
	recs.ItemCount = d.ItemCount
	for _, pi := range d.Items {
		it, err := decodeAs[*model.IntelligenceItem](pi.Item)
		if err != nil {
			return recs, false, err
		}
		recs.Items = append(recs.Items, targetpackage.Item{Item: it, Corroborated: pi.Corroborated})
	}
	if recs.Actions, err = decodeAll[*model.Action](d.Actions); err != nil {
		return recs, false, err
	}
	recs.Evidence, err = decodeAll[*model.Exhibit](d.Evidence)
	return recs, err == nil, err
}

func decodeAll[T model.Node](recs []cypher.Record) ([]T, error) {
	out := make([]T, 0, len(recs))
	for _, rec := range recs {
		n, err := decodeAs[T](rec)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// Entities reads through the request's node loader, so entities this
// request already read are not read again.
func (s packageStore) Entities(ctx context.Context, ids []string) (map[string]model.Entity, error) {
	recs, err := loadersFrom(ctx).NodesMaybe(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[string]model.Entity, len(recs))
	for id, rec := range recs {
		if e, err := decodeEntity(rec); err == nil {
			out[id] = e
		}
	}
	return out, nil
}

// Read notes the reads in a GraphQL request's read log, which records
// them with the rest of the response's reads before it is sent; outside
// GraphQL (the printable report) it records them now.
func (s packageStore) Read(ctx context.Context, reads []cypher.Read) error {
	_, inRequest := ctx.Value(readLogKey{}).(*readLog)
	if !inRequest {
		ctx = withReadLog(ctx)
	}
	for _, r := range reads {
		noteRead(ctx, r.Kind, r.ID, r.OperationID)
	}
	if inRequest {
		return nil
	}
	return flushReads(ctx, s.store)
}
