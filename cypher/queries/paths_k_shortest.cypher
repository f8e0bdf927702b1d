// Up to $wanted distinct routes (sequences of entities) among the paths
// of the __K__ shortest lengths, of at most __HOPS__ links, between two
// entities; hops, links and entities as in paths_shortest (the same hop
// predicate: filters, need to know, avoided and through kinds, hubs by
// their count of links of the eleven types). A route joined by parallel
// links (a person who DRIVES and is REGISTERED_KEEPER of a vehicle) is
// one route: the k shortest routes all lie among the paths of the k
// shortest lengths (SHORTEST k GROUPS), which the search gives shortest
// first; at most $candidates of them are read (16 per route wanted), so
// the search stays bounded however many parallel links there are. A
// route passes each entity once: a path that comes back to an entity
// (A, V, A, B, D over two parallel links A–V) is no route and is
// dropped, so if the k shortest lengths hold fewer than k routes that
// visit no entity twice, fewer than k are returned.
// found is the number of distinct routes among the paths read, examined
// the number of paths read (examined = $candidates: the cap stopped it).
// Routes come shortest first, ties by their entities' ids in order; each
// with the links of its first path read (every visible link of a step is
// read by paths_steps).
MATCH (a:Keyed {id: $fromId})
WHERE __VISIBLE(a)__
MATCH (b:Keyed {id: $toId})
WHERE __VISIBLE(b)__
MATCH p = SHORTEST __K__ GROUPS (a) ((x)-[r:__LINK_TYPES__]-(y:Keyed)
    WHERE type(r) IN $types
      AND r.confidence >= $minConfidence
      AND ($seenAfter IS NULL OR coalesce(r.lastSeen, r.firstSeen) >= $seenAfter)
      AND ($seenBefore IS NULL OR coalesce(r.firstSeen, r.lastSeen) <= $seenBefore)
      AND __LINK_VISIBLE(r)__ AND __ENTITY_VISIBLE(y)__
      AND (y = b OR (NOT any(l IN labels(y) WHERE l IN $avoid)
           AND ($through IS NULL OR any(l IN labels(y) WHERE l IN $through))
           AND ($maxDegree IS NULL OR (COUNT { (y)--() } - COUNT { (y)<-[:MENTIONS|SUBJECT]-() }) <= $maxDegree)))
  ){1,__HOPS__} (b)
WITH p WHERE all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
WITH p LIMIT $candidates
WITH nodes(p) AS route, collect(relationships(p))[0] AS rels, count(*) AS ways
ORDER BY size(rels), [n IN route | n.id]
WITH collect({route: route, rels: rels}) AS routes, sum(ways) AS examined
UNWIND routes[..$wanted] AS rt
RETURN [n IN rt.route | {labels: labels(n), props: properties(n)}] AS nodes,
       [r IN rt.rels | {type: type(r), props: properties(r), from: startNode(r).id, to: endNode(r).id}] AS links,
       size(routes) AS found, examined
