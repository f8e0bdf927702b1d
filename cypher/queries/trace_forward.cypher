// Everything an intelligence item led to: actions raised from it, their
// follow-up actions, exhibits they obtained, and intelligence their results
// produced, onwards. Bounded at 12 hops and 500 records; records above the
// caller's clearance are left out with their steps.
MATCH (start:Keyed:IntelligenceItem {id: $id})
WHERE __MEMBER(start.operationId)__
OPTIONAL MATCH (start)<-[:OBTAINED_BY|RAISED_FROM|DERIVED_FROM*1..12]-(x:Keyed)
WITH start, collect(DISTINCT x) AS reached
WITH [n IN [start] + reached[..500] WHERE __MARKED(n)__] AS visible,
     size(reached) > 500 AS truncated
CALL {
  WITH visible
  UNWIND visible AS a
  MATCH (a)-[r:OBTAINED_BY|RAISED_FROM|DERIVED_FROM]->(b)
  WHERE b IN visible
  RETURN collect({from: a.id, to: b.id, relation: type(r)}) AS steps
}
RETURN [n IN visible | {labels: labels(n), props: properties(n)}] AS nodes, steps, truncated
