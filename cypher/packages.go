package cypher

import (
	"context"

	"github.com/keyline/keyline"
)

// LinkedRecord is an entity reached from a package's subject and the link
// that reaches it.
type LinkedRecord struct {
	Link  LinkRecord
	Other Record
}

// PackageItem is an intelligence item about the subject and whether
// evidence downstream of it supports it.
type PackageItem struct {
	Item         Record
	Corroborated bool
}

// PackageData is what the graph holds for a target package.
type PackageData struct {
	Target       Record
	Subject      Record
	Activity     []LinkedRecord
	Lifestyle    []LinkedRecord
	Associations []LinkedRecord
	ItemCount    int
	Items        []PackageItem
	Actions      []Record
	Evidence     []Record
}

// AssemblePackage reads a target's package in one round trip; ok is false
// when the target does not exist or the scope may not see it.
func (s *Store) AssemblePackage(ctx context.Context, sc Scope, targetID string) (PackageData, bool, error) {
	var d PackageData
	rows, err := s.readAnalysis(ctx, q("package_assemble"), sc.params(map[string]any{"targetId": targetID}))
	if err != nil || len(rows) == 0 {
		return d, false, err
	}
	r := rows[0]
	d.Target = Record{Kind: keyline.KindTarget, Props: asMap(r["target"])}
	d.Subject = Record{Kind: kindOf(r["subjectLabels"]), Props: asMap(r["subject"])}
	linked := func(v any) []LinkedRecord {
		list, _ := v.([]any)
		out := make([]LinkedRecord, 0, len(list))
		for _, x := range list {
			m := asMap(x)
			out = append(out, LinkedRecord{Link: linkFromMap(m), Other: Record{Kind: kindOf(m["labels"]), Props: asMap(m["other"])}})
		}
		return out
	}
	d.Activity, d.Lifestyle, d.Associations = linked(r["activity"]), linked(r["lifestyle"]), linked(r["associations"])
	d.ItemCount = asInt(r["itemCount"])
	items, _ := r["items"].([]any)
	for _, x := range items {
		m := asMap(x)
		c, _ := m["corroborated"].(bool)
		d.Items = append(d.Items, PackageItem{Item: Record{Kind: keyline.KindIntelligenceItem, Props: asMap(m["item"])}, Corroborated: c})
	}
	records := func(v any, k keyline.Kind) []Record {
		list, _ := v.([]any)
		out := make([]Record, 0, len(list))
		for _, x := range list {
			out = append(out, Record{Kind: k, Props: asMap(x)})
		}
		return out
	}
	d.Actions, d.Evidence = records(r["actions"], keyline.KindAction), records(r["evidence"], keyline.KindExhibit)
	return d, true, nil
}
