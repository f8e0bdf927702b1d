package keyline

import "time"

// Graph is a piece of the investigation graph returned by link analysis
// (a path, a network, a set of shared identifiers), in a form the
// analysis algorithms and the chart exporters (ANX, GraphML, JSON) share.
type Graph struct {
	Nodes []GraphNode
	Edges []GraphEdge
}

// GraphNode is an entity on a chart.
type GraphNode struct {
	ID    string
	Kind  Kind   // Person, Organisation, Location, Vehicle, CommsDevice, Event
	Label string // display label, e.g. "SHAW, Daniel (1994-02-11)"
	// Props are the entity's stored properties (for chart attributes).
	Props map[string]any
}

// GraphEdge is a link on a chart, with its provenance.
type GraphEdge struct {
	ID         string
	Type       string // link type, e.g. ASSOCIATE_OF
	From, To   string // node ids
	Confidence float64
	FirstSeen  *time.Time
	LastSeen   *time.Time
	Sources    []SourceRef
}

// SourceRef is an intelligence item or exhibit asserting a link, with the
// grade the chart must carry.
type SourceRef struct {
	ID        string
	Kind      Kind   // IntelligenceItem or Exhibit
	Reference string // URN or exhibit reference
	// Grading is the 3x5x2 grade of an intelligence item (zero for exhibits).
	Grading Grading
}
