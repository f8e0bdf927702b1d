// One shortest path of at most __HOPS__ links between two entities, over
// links the caller sees that pass the filters and through entities the
// caller may see, not of an avoided kind, (when $through is given) only
// of the kinds allowed to be passed through, and (when $maxDegree is
// given) not hubs: entities with more than $maxDegree links of the eleven
// link types (mentions and structural relationships are not links; every
// link counts, whether or not the caller may see it or it passes the
// filter). An entity's relationships are its links, the mentions of it
// (incoming MENTIONS) and the targets on it (incoming SUBJECT), so its
// links are its degree less those two counts, read only when the whole
// degree (an upper bound of the link count) is over the cap.
//
// Planned as the ShortestPath operator (shortestPath(), not SHORTEST 1):
// a bidirectional breadth-first search that grows the side with the
// smaller frontier, with every predicate below applied during the search
// (the plan has no fallback to an exhaustive search:
// TestNoQueryIsPlannedUnbounded refuses ExhaustiveShortestPath). At 1M persons it reads about a tenth of what SHORTEST 1's
// stateful search read for the same pairs (19k against 177k db hits on
// the slowest benchmark pair) and gives the same lengths
// (docs/BENCHMARKS.md, "Shortest paths (issue 13)"). Both ends pass the
// same scope check as nodes_by_id, so a path found needs no separate
// visibility read (no row: the caller tells "not found" from "no path");
// they are recognised by identity (y = a OR y = b) and are exempt from
// the hub, avoid and through rules. The caller never asks for a path from
// an entity to itself (shortestPath refuses equal ends).
MATCH (a:Keyed {id: $fromId})
WHERE __VISIBLE(a)__
MATCH (b:Keyed {id: $toId})
WHERE __VISIBLE(b)__
MATCH p = shortestPath((a)-[:__LINK_TYPES__*1..__HOPS__]-(b))
WHERE all(r IN relationships(p) WHERE type(r) IN $types
        AND r.confidence >= $minConfidence
        AND ($seenAfter IS NULL OR coalesce(r.lastSeen, r.firstSeen) >= $seenAfter)
        AND ($seenBefore IS NULL OR coalesce(r.firstSeen, r.lastSeen) <= $seenBefore)
        AND __LINK_VISIBLE(r)__)
  AND all(y IN nodes(p) WHERE y = a OR y = b
        OR (y:Keyed AND __ENTITY_VISIBLE(y)__
            AND NOT any(l IN labels(y) WHERE l IN $avoid)
            AND ($through IS NULL OR any(l IN labels(y) WHERE l IN $through))
            AND ($maxDegree IS NULL OR COUNT { (y)--() } <= $maxDegree
                 OR (COUNT { (y)--() } - COUNT { (y)<-[:MENTIONS|SUBJECT]-() }) <= $maxDegree)))
RETURN [n IN nodes(p) | {labels: labels(n), props: properties(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), props: properties(r), from: startNode(r).id, to: endNode(r).id}] AS links,
       1 AS found, 1 AS examined
