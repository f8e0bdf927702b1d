// Every link joining each pair of entities (each step of a route found
// by a path search) that the caller sees and that passes the link filter
// (types, confidence, time window): the parallel links of a step, e.g. a
// person who both DRIVES and is REGISTERED_KEEPER of a vehicle. At most
// eleven per pair (one link of each type joins a pair), so the answer is
// bounded by the pairs asked. Ordered by pair, then type, then link id.
UNWIND range(0, size($pairs) - 1) AS i
MATCH (s:Keyed {id: $pairs[i][0]})
WHERE __ENTITY_VISIBLE(s)__
MATCH (t:Keyed {id: $pairs[i][1]})
WHERE __ENTITY_VISIBLE(t)__
MATCH (s)-[r:__LINK_TYPES__]-(t)
WHERE type(r) IN $types
  AND r.confidence >= $minConfidence
  AND ($seenAfter IS NULL OR coalesce(r.lastSeen, r.firstSeen) >= $seenAfter)
  AND ($seenBefore IS NULL OR coalesce(r.firstSeen, r.lastSeen) <= $seenBefore)
  AND __LINK_VISIBLE(r)__
RETURN i, type(r) AS type, properties(r) AS props, startNode(r).id AS from, endNode(r).id AS to
ORDER BY i, type, props.id
