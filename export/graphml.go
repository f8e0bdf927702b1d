package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/keyline/keyline"
)

const graphmlNS = "http://graphml.graphdrawing.org/xmlns"

type gmlDoc struct {
	XMLName xml.Name `xml:"graphml"`
	NS      string   `xml:"xmlns,attr"`
	Keys    []gmlKey `xml:"key"`
	Graph   gmlGraph `xml:"graph"`
}

type gmlKey struct {
	ID       string `xml:"id,attr"`
	For      string `xml:"for,attr"`
	AttrName string `xml:"attr.name,attr"`
	AttrType string `xml:"attr.type,attr"`
}

type gmlGraph struct {
	ID          string    `xml:"id,attr"`
	EdgeDefault string    `xml:"edgedefault,attr"`
	Nodes       []gmlNode `xml:"node"`
	Edges       []gmlEdge `xml:"edge"`
}

type gmlNode struct {
	ID   string    `xml:"id,attr"`
	Data []gmlData `xml:"data"`
}

type gmlEdge struct {
	ID     string    `xml:"id,attr"`
	Source string    `xml:"source,attr"`
	Target string    `xml:"target,attr"`
	Data   []gmlData `xml:"data"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

var gmlTypes = map[valueKind]string{
	kindText:   "string",
	kindNumber: "double",
	kindFlag:   "boolean",
	kindTime:   "string",
}

// The fixed GraphML keys.
var gmlFixedKeys = []gmlKey{
	{"kind", "node", "kind", "string"},
	{"label", "node", "label", "string"},
	{"type", "edge", "type", "string"},
	{"confidence", "edge", "confidence", "double"},
	{"firstSeen", "edge", "firstSeen", "string"},
	{"lastSeen", "edge", "lastSeen", "string"},
	{"sources", "edge", "sources", "string"},
	{"grade", "edge", "grade", "string"},
	{"handling", "edge", "handling", "string"},
	{"conditions", "edge", "conditions", "string"},
}

// GraphML writes g as GraphML for yEd, Gephi and similar tools. The graph
// is undirected by default, but every edge keeps Keyline's From as source
// and To as target. Nodes carry kind, label and their properties; edges
// carry type, confidence, firstSeen, lastSeen (RFC 3339, UTC), sources
// (each "reference [kind, grade]", strongest first), grade (strongest
// source's grade with the most restrictive handling code), handling and
// the handling-code-C conditions.
func GraphML(w io.Writer, g keyline.Graph) error {
	nodes, edges, err := prepare(g)
	if err != nil {
		return err
	}
	doc := gmlDoc{NS: graphmlNS, Graph: gmlGraph{ID: "keyline", EdgeDefault: "undirected"}}
	doc.Keys = append(doc.Keys, gmlFixedKeys...)

	// One key per node property; its attr.name is the property name unless
	// that would clash with a fixed node key.
	propKey := map[string]string{}
	for i, c := range propColumns(nodes) {
		name := c.Name
		if name == "kind" || name == "label" {
			name = "prop." + name
		}
		id := "p" + strconv.Itoa(i)
		propKey[c.Name] = id
		doc.Keys = append(doc.Keys, gmlKey{ID: id, For: "node", AttrName: name, AttrType: gmlTypes[c.Kind]})
	}

	for _, n := range nodes {
		gn := gmlNode{ID: n.ID, Data: []gmlData{{"kind", string(n.Kind)}, {"label", n.Label}}}
		for _, name := range sortedKeys(n.Props) {
			if _, text, _, ok := propValue(n.Props[name]); ok {
				gn.Data = append(gn.Data, gmlData{propKey[name], text})
			}
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, gn)
	}

	for _, e := range edges {
		p := summarise(e.Sources)
		ge := gmlEdge{ID: e.ID, Source: e.From, Target: e.To, Data: []gmlData{
			{"type", e.Type},
			{"confidence", strconv.FormatFloat(e.Confidence, 'f', -1, 64)},
		}}
		if e.FirstSeen != nil {
			ge.Data = append(ge.Data, gmlData{"firstSeen", timeText(*e.FirstSeen)})
		}
		if e.LastSeen != nil {
			ge.Data = append(ge.Data, gmlData{"lastSeen", timeText(*e.LastSeen)})
		}
		if len(e.Sources) > 0 {
			parts := make([]string, len(e.Sources))
			for i, s := range e.Sources {
				parts[i] = sourceName(s) + " [" + sourceKindText(s.Kind)
				if gr := sourceGrade(s); gr != "" {
					parts[i] += ", " + gr
				}
				parts[i] += "]"
			}
			ge.Data = append(ge.Data, gmlData{"sources", strings.Join(parts, "; ")})
		}
		if gr := p.Grade(); gr != "" {
			ge.Data = append(ge.Data, gmlData{"grade", gr})
		}
		if h := p.Handling(); h != "" {
			ge.Data = append(ge.Data, gmlData{"handling", h})
		}
		if len(p.Conditions) > 0 {
			ge.Data = append(ge.Data, gmlData{"conditions", strings.Join(p.Conditions, "\n")})
		}
		doc.Graph.Edges = append(doc.Graph.Edges, ge)
	}

	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("export: encoding GraphML: %w", err)
	}
	buf.WriteByte('\n')
	return writeAll(w, &buf)
}
