// The places where two or more visible entities may have been together
// within [$from, $to], restricted to places involving $ids when given:
// one row per place with every visible presence there (who, and from when
// to when). Go (cypher.coLocationGroups) then splits a location's
// presences into the groups that were there at the same time, give or
// take the tolerance, and dates each group by the overlap of all its
// members, so the times are computed from every entity listed rather
// than from one of them.
//
// At an event: every entity PRESENT_AT it, each present at the event's
// time. At a location: every FREQUENTS or RESIDES_AT link to it, present
// from its firstSeen to its lastSeen; a link with one of the two is
// present at that one time, a link with neither is left out (presence at
// an unknown time cannot be shown to overlap), and so is one whose
// presence does not reach into [$from, $to].
MATCH (e:Event {operationId: $operationId})
WHERE __OPERATION_VISIBLE($operationId)__
  AND e.occurredAt >= $from AND e.occurredAt <= $to
MATCH (a:Keyed)-[r:PRESENT_AT]->(e)
WHERE __LINK_VISIBLE(r)__ AND __VISIBLE(a)__
WITH e, collect(DISTINCT a) AS people
WHERE size(people) >= 2 AND ($ids IS NULL OR any(p IN people WHERE p.id IN $ids))
RETURN labels(e) AS placeLabels, properties(e) AS place,
       [p IN people | {labels: labels(p), props: properties(p), firstSeen: e.occurredAt, lastSeen: e.occurredAt}] AS presences
UNION
MATCH (l:Location {operationId: $operationId})<-[r:FREQUENTS|RESIDES_AT]-(a:Keyed)
WHERE __OPERATION_VISIBLE($operationId)__
  AND __LINK_VISIBLE(r)__ AND __VISIBLE(a)__
  AND coalesce(r.firstSeen, r.lastSeen) IS NOT NULL
  AND coalesce(r.lastSeen, r.firstSeen) >= $from AND coalesce(r.firstSeen, r.lastSeen) <= $to
WITH l, collect({labels: labels(a), props: properties(a),
                 firstSeen: coalesce(r.firstSeen, r.lastSeen), lastSeen: coalesce(r.lastSeen, r.firstSeen)}) AS presences,
     collect(DISTINCT a.id) AS who
WHERE size(who) >= 2 AND ($ids IS NULL OR any(i IN who WHERE i IN $ids))
RETURN labels(l) AS placeLabels, properties(l) AS place, presences
