// Every shortest route (sequence of entities; at most $wanted) of at most
// __HOPS__ links between two entities; hops, links and entities as in
// paths_shortest (the same hop predicate: filters, need to know, avoided
// and through kinds, hubs by their count of links of the eleven types).
// Routes that differ only by parallel links (two link types joining the
// same pair) are one route. At most $candidates shortest paths are read
// (16 per route wanted), so the search stays bounded however many
// parallel links there are; found is the number of distinct routes among
// them, examined the number of paths read (examined = $candidates: the
// cap stopped it). Routes are ordered by their entities' ids in order;
// each with the links of its first path read (every visible link of a
// step is read by paths_steps).
MATCH (a:Keyed {id: $fromId})
WHERE __VISIBLE(a)__
MATCH (b:Keyed {id: $toId})
WHERE __VISIBLE(b)__
MATCH p = ALL SHORTEST (a) ((x)-[r:__LINK_TYPES__]-(y:Keyed)
    WHERE type(r) IN $types
      AND r.confidence >= $minConfidence
      AND ($seenAfter IS NULL OR coalesce(r.lastSeen, r.firstSeen) >= $seenAfter)
      AND ($seenBefore IS NULL OR coalesce(r.firstSeen, r.lastSeen) <= $seenBefore)
      AND __LINK_VISIBLE(r)__ AND __ENTITY_VISIBLE(y)__
      AND (y = b OR (NOT any(l IN labels(y) WHERE l IN $avoid)
           AND ($through IS NULL OR any(l IN labels(y) WHERE l IN $through))
           AND ($maxDegree IS NULL OR (COUNT { (y)--() } - COUNT { (y)<-[:MENTIONS|SUBJECT]-() }) <= $maxDegree)))
  ){1,__HOPS__} (b)
WITH p LIMIT $candidates
WITH nodes(p) AS route, collect(relationships(p))[0] AS rels, count(*) AS ways
ORDER BY [n IN route | n.id]
WITH collect({route: route, rels: rels}) AS routes, sum(ways) AS examined
UNWIND routes[..$wanted] AS rt
RETURN [n IN rt.route | {labels: labels(n), props: properties(n)}] AS nodes,
       [r IN rt.rels | {type: type(r), props: properties(r), from: startNode(r).id, to: endNode(r).id}] AS links,
       size(routes) AS found, examined
