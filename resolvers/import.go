package resolvers

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/graph/model"
	"github.com/keyline/keyline/importer"
)

// importRecords loads a small batch through the importer, so the API and
// `keyline import` share one mapping, one validation and one write path.
func (r *mutationResolver) importRecords(ctx context.Context, operationID string, kind model.ImportKind, rows string) (*model.ImportSummary, error) {
	a, err := currentActor(ctx)
	if err != nil {
		return nil, err
	}
	if err := a.Authorise(keyline.PermRecordIntelligence, operationID); err != nil {
		return nil, err
	}
	if err := keyline.LimitText("rows", rows, 4<<20); err != nil {
		return nil, err
	}
	var parsed []map[string]any
	if err := json.Unmarshal([]byte(rows), &parsed); err != nil {
		return nil, keyline.FieldErrorf("rows", "rows must be a JSON array of objects")
	}
	if len(parsed) > importer.MaxAPIRows {
		return nil, &keyline.Error{Code: keyline.CodeLimit, Field: "rows", Message: "at most 1,000 rows per request: use keyline import for files"}
	}
	sum, err := importer.ImportRows(ctx, r.Store, a, operationID, strings.ToLower(string(kind)), parsed)
	if err != nil {
		return nil, err
	}
	out := &model.ImportSummary{Rows: sum.Rows, Loaded: sum.Loaded, Rejected: sum.Rejected, Created: sum.Created, Updated: sum.Updated,
		Unchanged: sum.Unchanged, LinksCreated: sum.LinksCreated, LinksUpdated: sum.LinksUpdated, Rejects: []*model.ImportReject{}}
	for _, rj := range sum.Rejects {
		ir := &model.ImportReject{Line: rj.Line, Reason: rj.Reason}
		if rj.Field != "" {
			f := rj.Field
			ir.Field = &f
		}
		out.Rejects = append(out.Rejects, ir)
	}
	return out, nil
}
