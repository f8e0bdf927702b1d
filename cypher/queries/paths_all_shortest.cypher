// All the shortest paths (at most $limit) of at most __HOPS__ links between two
// entities, over links the caller sees that pass the filters and through entities the
// caller may see, not of an avoided kind, (when $through is given) only
// of the kinds allowed to be passed through, and (when $maxDegree is
// given) not hubs with more links than that. Planned as a stateful
// shortest-path search: bounded, never exhaustive. Both ends pass the
// same scope check as nodes_by_id, so a path found needs no separate
// visibility read (no row: the caller tells "not found" from "no path").
MATCH (a:Keyed {id: $fromId})
WHERE __VISIBLE(a)__
MATCH (b:Keyed {id: $toId})
WHERE __VISIBLE(b)__
MATCH p = ALL SHORTEST (a) ((x)-[r:ASSOCIATE_OF|USES|RESIDES_AT|FREQUENTS|DRIVES|REGISTERED_KEEPER|MEMBER_OF|PRESENT_AT|INVOLVED_IN|CONTACTED|OPERATES_FROM]-(y:Keyed)
    WHERE type(r) IN $types
      AND r.confidence >= $minConfidence
      AND ($seenAfter IS NULL OR coalesce(r.lastSeen, r.firstSeen) >= $seenAfter)
      AND ($seenBefore IS NULL OR coalesce(r.firstSeen, r.lastSeen) <= $seenBefore)
      AND __LINK_VISIBLE(r)__ AND __ENTITY_VISIBLE(y)__
      AND (y.id = $toId OR (NOT any(l IN labels(y) WHERE l IN $avoid)
           AND ($through IS NULL OR any(l IN labels(y) WHERE l IN $through))
           AND ($maxDegree IS NULL OR COUNT { (y)--() } <= $maxDegree)))
  ){1,__HOPS__} (b)
RETURN [n IN nodes(p) | {labels: labels(n), props: properties(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), props: properties(r), from: startNode(r).id, to: endNode(r).id}] AS links
LIMIT $limit
