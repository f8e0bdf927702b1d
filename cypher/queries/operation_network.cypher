// The most linked entities of an operation (at most $budget) and the links
// among them that pass the filters: the network key-player analysis reads.
MATCH (n:Keyed {operationId: $operationId})
WHERE __OPERATION_VISIBLE($operationId)__
  AND (n:Person OR n:Organisation OR n:Location OR n:Vehicle OR n:CommsDevice OR n:Event)
  AND NOT any(l IN labels(n) WHERE l IN $avoid)
WITH n, COUNT { (n)-[:__LINK_TYPES__]-() } AS degree
ORDER BY degree DESC, n.id
LIMIT $budget
WITH collect(n) AS nodes
CALL {
  WITH nodes
  UNWIND nodes AS a
  MATCH (a)-[r:__LINK_TYPES__]->(b)
  WHERE b IN nodes AND __LINK_VISIBLE(r)__
    AND type(r) IN $types
    AND r.confidence >= $minConfidence
    AND ($seenAfter IS NULL OR coalesce(r.lastSeen, r.firstSeen) >= $seenAfter)
    AND ($seenBefore IS NULL OR coalesce(r.firstSeen, r.lastSeen) <= $seenBefore)
  RETURN collect({type: type(r), props: properties(r), from: a.id, to: b.id}) AS links
}
RETURN [n IN nodes | {labels: labels(n), props: properties(n)}] AS nodes, links,
       COUNT { MATCH (m:Keyed {operationId: $operationId}) WHERE m:Person OR m:Organisation OR m:Location OR m:Vehicle OR m:CommsDevice OR m:Event } > $budget AS truncated
