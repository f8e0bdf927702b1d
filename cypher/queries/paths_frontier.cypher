// One breadth-first step of a path search: for each entity of $frontier
// (ids), the entities one link away that a path may step to, by the same
// hop predicate as paths_shortest (link filter, need to know, avoided and
// through kinds, hubs by their count of links of the eleven types); the
// ends ($ends) are never refused as hubs or by kind. Bounded by the
// frontier asked and the hub cap (at most $maxDegree links per entity
// passed through; an end may have more, so $limit caps the answer).
UNWIND $frontier AS fid
MATCH (x:Keyed {id: fid})
WHERE __ENTITY_VISIBLE(x)__
MATCH (x)-[r:__LINK_TYPES__]-(y:Keyed)
WHERE type(r) IN $types
  AND r.confidence >= $minConfidence
  AND ($seenAfter IS NULL OR coalesce(r.lastSeen, r.firstSeen) >= $seenAfter)
  AND ($seenBefore IS NULL OR coalesce(r.firstSeen, r.lastSeen) <= $seenBefore)
  AND __LINK_VISIBLE(r)__ AND __ENTITY_VISIBLE(y)__
  AND (y.id IN $ends OR (NOT any(l IN labels(y) WHERE l IN $avoid)
       AND ($through IS NULL OR any(l IN labels(y) WHERE l IN $through))
       AND ($maxDegree IS NULL OR (COUNT { (y)--() } - COUNT { (y)<-[:MENTIONS|SUBJECT]-() }) <= $maxDegree)))
WITH DISTINCT fid, y.id AS next
LIMIT $limit
RETURN fid, collect(next) AS next
