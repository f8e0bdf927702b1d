// Package analysis is Keyline's social network analysis: the centrality
// measures and community detection that SOCU analysts use (as they would in
// i2 Analyst's Notebook) to see who holds a network together and which
// groups it falls into.
//
// Every function takes a keyline.Graph and reads it as an undirected simple
// graph: link direction is ignored (an association runs both ways), several
// links between the same two entities count as one, self-links are dropped,
// and links to an entity that is not among Graph.Nodes are ignored, so the
// results always describe exactly the entities on the chart.
//
// By default links are unweighted, because a link either exists on the
// chart or it does not and the published reference values analysts check
// against are unweighted. Options.Weighted instead weighs each link by its
// Confidence (the highest one where several links join the same pair);
// see Options for which measures that changes.
//
// The package does no I/O and is deterministic: the same chart, with its
// nodes and links in any order, gives bit-for-bit the same results.
package analysis
