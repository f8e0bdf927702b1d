package linkanalysis

import (
	"context"
	"strings"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/questions"
)

// ChartQuestion is a question whose answer draws a chart: paths, a
// network, common links or key players.
type ChartQuestion interface {
	// drawn answers the question and lists what its chart draws: entity
	// ids and links, repeats allowed, and any intelligence items the
	// answer read besides the links' sources.
	drawn(ctx context.Context, s *Service, c Caller) (drawing, error)
}

type drawing struct {
	entities []string
	links    []cypher.LinkRecord
	items    []cypher.Record
}

// Export names a chart in the audit trail: the question's name there
// ("export network.anx") and its parameters as asked.
type Export struct {
	Name   string
	Params any
}

// Chart answers a chartable question as a chart holding exactly the
// entities and links of its answer (the same question asked through the
// API, with the same checks and parameters), each link with its sources
// and their grading. The intelligence items the answer read are recorded
// as read and the question as one EXPORT event asked by the actor in ctx
// (questions.Record); a chart that cannot be recorded is not returned.
func (s *Service) Chart(ctx context.Context, c Caller, q ChartQuestion, ex Export) (keyline.Graph, error) {
	a, err := s.asker(c)
	if err != nil {
		return keyline.Graph{}, err
	}
	d, err := q.drawn(ctx, s, c)
	if err != nil {
		return keyline.Graph{}, err
	}
	g, sources, err := chartOf(ctx, a, d)
	if err != nil {
		return keyline.Graph{}, err
	}
	if err := s.Store.RecordReads(ctx, a.actor, itemReads(append(d.items, sources...)), ""); err != nil {
		return keyline.Graph{}, err
	}
	if err := questions.Record(ctx, s.Store, questions.Export, ex.Name, ex.Params, len(g.Nodes)); err != nil {
		return keyline.Graph{}, err
	}
	return g, nil
}

func (q PathsQuestion) drawn(ctx context.Context, s *Service, c Caller) (drawing, error) {
	res, err := s.ShortestPaths(ctx, c, q)
	var d drawing
	for _, p := range res.Routes {
		for _, e := range p.Entities {
			d.entities = append(d.entities, e.ID())
		}
		d.links = append(d.links, p.Links...)
	}
	return d, err
}

func (q NetworkQuestion) drawn(ctx context.Context, s *Service, c Caller) (drawing, error) {
	net, err := s.ExpandNetwork(ctx, c, q)
	return networkDrawing(net), err
}

// drawn draws each shared entity, its supporting links, and the entities
// asked about at their other ends. Co-mentions are intelligence items,
// not links, so they are not charted (nor is an entity asked about that
// shares nothing); they were read to answer, as in the API's answer, so
// they are recorded as read.
func (q CommonLinksQuestion) drawn(ctx context.Context, s *Service, c Caller) (drawing, error) {
	res, err := s.CommonLinks(ctx, c, q)
	var d drawing
	for _, sh := range res.Shared {
		d.entities = append(d.entities, sh.Entity.ID())
		for _, lr := range sh.Links {
			d.entities = append(d.entities, lr.From.ID(), lr.To.ID())
			d.links = append(d.links, lr)
		}
	}
	for _, m := range res.CoMentions {
		d.items = append(d.items, m.Item)
	}
	return d, err
}

// drawn draws the network the question analyses, read with the question's
// own checks and parameters (first and rankBy included).
func (q KeyPlayersQuestion) drawn(ctx context.Context, s *Service, c Caller) (drawing, error) {
	net, _, err := s.keyPlayerChart(ctx, c, q)
	return networkDrawing(net), err
}

func networkDrawing(net Network) drawing {
	d := drawing{links: net.Links}
	for _, e := range net.Entities {
		d.entities = append(d.entities, e.ID())
	}
	return d
}

// chartOf turns what a question draws into a chart, de-duplicated, every
// entity and source read in one batch, each source graded; it returns
// the sources read too.
func chartOf(ctx context.Context, a asker, d drawing) (keyline.Graph, []cypher.Record, error) {
	var g keyline.Graph
	ids := append([]string{}, d.entities...)
	for _, lr := range d.links {
		ids = append(ids, sourceIDs(lr)...)
	}
	recs, err := a.records.NodesMaybe(ctx, ids)
	if err != nil {
		return g, nil, err
	}
	seen, seenLink := map[string]bool{}, map[string]bool{}
	for _, id := range d.entities {
		if seen[id] {
			continue
		}
		seen[id] = true
		rec, ok := recs[id]
		if !ok {
			return g, nil, keyline.ErrNotFound(id)
		}
		kind, _ := keyline.KindOfID(id)
		label, _ := rec.Props["label"].(string)
		g.Nodes = append(g.Nodes, keyline.GraphNode{ID: id, Kind: kind, Label: label, Props: chartProps(rec.Props)})
	}
	var sources []cypher.Record
	for _, lr := range d.links {
		id := linkID(lr)
		if seenLink[id] {
			continue
		}
		seenLink[id] = true
		e := keyline.GraphEdge{ID: id, Type: lr.Type, From: lr.From.ID(), To: lr.To.ID(),
			Confidence: confidence(lr), FirstSeen: timeProp(lr.Props, "firstSeen"), LastSeen: timeProp(lr.Props, "lastSeen")}
		for _, sid := range sourceIDs(lr) {
			// A source the caller may not see is left off, as the API's
			// Link.sources leaves it off.
			rec, ok := recs[sid]
			if !ok {
				continue
			}
			switch rec.Kind {
			case keyline.KindIntelligenceItem:
				urn, _ := rec.Props["urn"].(string)
				e.Sources = append(e.Sources, keyline.SourceRef{ID: sid, Kind: rec.Kind, Reference: urn, Grading: grading(rec.Props)})
				sources = append(sources, rec)
			case keyline.KindExhibit:
				ref, _ := rec.Props["reference"].(string)
				e.Sources = append(e.Sources, keyline.SourceRef{ID: sid, Kind: rec.Kind, Reference: ref})
			}
		}
		g.Edges = append(g.Edges, e)
	}
	return g, sources, nil
}

// chartProps keeps the descriptive properties a chart shows, never the
// bookkeeping or search text.
func chartProps(p map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range p {
		switch {
		case strings.HasSuffix(k, "At") && k != "occurredAt", k == "searchText", k == "version", k == "updatedBy", k == "operationId", k == "label", k == "id":
			continue
		}
		out[k] = v
	}
	return out
}

// itemReads lists the intelligence items read, once each, for the read
// audit.
func itemReads(items []cypher.Record) []cypher.Read {
	var reads []cypher.Read
	seen := map[string]bool{}
	for _, it := range items {
		if seen[it.ID()] {
			continue
		}
		seen[it.ID()] = true
		op, _ := it.Props["operationId"].(string)
		reads = append(reads, cypher.Read{Kind: keyline.KindIntelligenceItem, ID: it.ID(), OperationID: op})
	}
	return reads
}

// --- a stored link's properties ------------------------------------------

func confidence(lr cypher.LinkRecord) float64 {
	switch x := lr.Props["confidence"].(type) {
	case float64:
		return x
	case int64:
		return float64(x)
	}
	return 0
}

func sourceIDs(lr cypher.LinkRecord) []string {
	var out []string
	switch x := lr.Props["sources"].(type) {
	case []string:
		out = x
	case []any:
		for _, v := range x {
			if s, ok := v.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

func timeProp(p map[string]any, key string) *time.Time {
	if t, ok := p[key].(time.Time); ok {
		return &t
	}
	return nil
}

// grading is a stored intelligence item's 3x5x2 grade.
func grading(p map[string]any) keyline.Grading {
	s := func(k string) string { v, _ := p[k].(string); return v }
	return keyline.Grading{Source: s("gradeSource"), Assessment: s("gradeAssessment"), Handling: s("gradeHandling"), Conditions: s("gradeConditions")}
}
