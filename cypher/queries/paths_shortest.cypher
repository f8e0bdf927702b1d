// One shortest path of at most __HOPS__ links between two entities, over
// links the caller sees that pass the filters and through entities the
// caller may see, not of an avoided kind, (when $through is given) only
// of the kinds allowed to be passed through, and (when $maxDegree is
// given) not hubs: entities with more than $maxDegree links of the eleven
// link types (mentions and structural relationships are not links; every
// link counts, whether or not the caller may see it or it passes the
// filter). An entity's relationships are its links, the mentions of it
// (incoming MENTIONS) and the targets on it (incoming SUBJECT), so its
// links are its degree less those two counts: two degree-store reads
// instead of a count over the eleven types, which made the search at 1M
// persons 2.5 times slower (docs/BENCHMARKS.md). An entity's whole degree
// is at least its link count, so the subtraction is read only for those
// whose whole degree is over the cap (a third off p95 at 1M). Planned as a stateful shortest-path search with both ends
// bound (a bidirectional breadth-first search): bounded, never
// exhaustive. Both ends pass the same scope check as nodes_by_id, so a
// path found needs no separate visibility read (no row: the caller tells
// "not found" from "no path"). The end is recognised by identity (y = b),
// not by reading every reached entity's id.
MATCH (a:Keyed {id: $fromId})
WHERE __VISIBLE(a)__
MATCH (b:Keyed {id: $toId})
WHERE __VISIBLE(b)__
MATCH p = SHORTEST 1 (a) ((x)-[r:__LINK_TYPES__]-(y:Keyed)
    WHERE type(r) IN $types
      AND r.confidence >= $minConfidence
      AND ($seenAfter IS NULL OR coalesce(r.lastSeen, r.firstSeen) >= $seenAfter)
      AND ($seenBefore IS NULL OR coalesce(r.firstSeen, r.lastSeen) <= $seenBefore)
      AND __LINK_VISIBLE(r)__ AND __ENTITY_VISIBLE(y)__
      AND (y = b OR (NOT any(l IN labels(y) WHERE l IN $avoid)
           AND ($through IS NULL OR any(l IN labels(y) WHERE l IN $through))
           AND ($maxDegree IS NULL OR COUNT { (y)--() } <= $maxDegree
                OR (COUNT { (y)--() } - COUNT { (y)<-[:MENTIONS|SUBJECT]-() }) <= $maxDegree)))
  ){1,__HOPS__} (b)
RETURN [n IN nodes(p) | {labels: labels(n), props: properties(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), props: properties(r), from: startNode(r).id, to: endNode(r).id}] AS links,
       1 AS found, 1 AS examined
