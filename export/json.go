package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/keyline/keyline"
)

type cyDoc struct {
	Elements cyElements `json:"elements"`
}

type cyElements struct {
	Nodes []cyNode `json:"nodes"`
	Edges []cyEdge `json:"edges"`
}

type cyNode struct {
	Data cyNodeData `json:"data"`
}

type cyNodeData struct {
	ID    string         `json:"id"`
	Label string         `json:"label"`
	Kind  string         `json:"kind"`
	Props map[string]any `json:"props,omitempty"`
}

type cyEdge struct {
	Data cyEdgeData `json:"data"`
}

type cyEdgeData struct {
	ID         string     `json:"id"`
	Source     string     `json:"source"`
	Target     string     `json:"target"`
	Type       string     `json:"type"`
	Label      string     `json:"label"`
	Directed   bool       `json:"directed"`
	Confidence float64    `json:"confidence"`
	FirstSeen  string     `json:"firstSeen,omitempty"`
	LastSeen   string     `json:"lastSeen,omitempty"`
	Grade      string     `json:"grade,omitempty"`
	Handling   string     `json:"handling,omitempty"`
	Conditions []string   `json:"conditions,omitempty"`
	Sources    []cySource `json:"sources"`
}

type cySource struct {
	ID         string `json:"id"`
	Kind       string `json:"kind"`
	Reference  string `json:"reference"`
	Grade      string `json:"grade,omitempty"`
	Conditions string `json:"conditions,omitempty"`
}

// JSON writes g as Cytoscape.js elements:
//
//	{"elements":{"nodes":[{"data":{"id","label","kind","props"}}],
//	             "edges":[{"data":{"id","source","target","type","label","directed",
//	                       "confidence","firstSeen","lastSeen","grade","handling",
//	                       "conditions","sources":[{"id","kind","reference","grade","conditions"}]}}]}}
//
// Each source's grade is its own ("1B P"); the edge's grade is its
// strongest source's, with handling C if any source is C, and conditions
// lists every C-coded source's conditions as "reference: conditions".
// Node properties sit under props so they cannot clash with id or label.
func JSON(w io.Writer, g keyline.Graph) error {
	nodes, edges, err := prepare(g)
	if err != nil {
		return err
	}
	doc := cyDoc{Elements: cyElements{Nodes: []cyNode{}, Edges: []cyEdge{}}}
	for _, n := range nodes {
		d := cyNodeData{ID: n.ID, Label: n.Label, Kind: string(n.Kind)}
		for name, v := range n.Props {
			if _, _, js, ok := propValue(v); ok {
				if d.Props == nil {
					d.Props = map[string]any{}
				}
				d.Props[name] = js
			}
		}
		doc.Elements.Nodes = append(doc.Elements.Nodes, cyNode{d})
	}
	for _, e := range edges {
		p := summarise(e.Sources)
		d := cyEdgeData{
			ID: e.ID, Source: e.From, Target: e.To, Type: e.Type, Label: humanise(e.Type),
			Directed: directed[e.Type], Confidence: e.Confidence,
			Grade: p.Grade(), Handling: p.Handling(), Conditions: p.Conditions,
			Sources: []cySource{},
		}
		if e.FirstSeen != nil {
			d.FirstSeen = timeText(*e.FirstSeen)
		}
		if e.LastSeen != nil {
			d.LastSeen = timeText(*e.LastSeen)
		}
		for _, s := range e.Sources {
			cs := cySource{ID: s.ID, Kind: string(s.Kind), Reference: s.Reference, Grade: sourceGrade(s)}
			if restricted(s) {
				cs.Conditions = conditionsOf(s)
			}
			d.Sources = append(d.Sources, cs)
		}
		doc.Elements.Edges = append(doc.Elements.Edges, cyEdge{d})
	}

	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("export: encoding JSON: %w", err)
	}
	return writeAll(w, &buf)
}
