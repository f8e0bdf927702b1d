// Entities present at the same event, or frequenting or residing at the
// same location with first/last-seen times that overlap (give or take
// $windowSeconds), within [$from, $to]. Restricted to $ids when given.
MATCH (a:Keyed)-[r1:PRESENT_AT]->(e:Event {operationId: $operationId})<-[r2:PRESENT_AT]-(b:Keyed)
WHERE __OPERATION_VISIBLE($operationId)__
  AND e.occurredAt >= $from AND e.occurredAt <= $to
  AND a.id < b.id
  AND ($ids IS NULL OR a.id IN $ids OR b.id IN $ids)
  AND __LINK_VISIBLE(r1)__ AND __LINK_VISIBLE(r2)__ AND __VISIBLE(a)__ AND __VISIBLE(b)__
WITH e AS place, collect(DISTINCT a) + collect(DISTINCT b) AS people, min(e.occurredAt) AS firstSeen, max(e.occurredAt) AS lastSeen
RETURN labels(place) AS placeLabels, properties(place) AS place,
       [p IN people | {labels: labels(p), props: properties(p)}] AS entities, firstSeen, lastSeen
UNION
MATCH (a:Keyed)-[r1:FREQUENTS|RESIDES_AT]->(l:Location {operationId: $operationId})<-[r2:FREQUENTS|RESIDES_AT]-(b:Keyed)
WHERE __OPERATION_VISIBLE($operationId)__
  AND a.id < b.id
  AND ($ids IS NULL OR a.id IN $ids OR b.id IN $ids)
  AND __LINK_VISIBLE(r1)__ AND __LINK_VISIBLE(r2)__ AND __VISIBLE(a)__ AND __VISIBLE(b)__
  AND coalesce(r1.firstSeen, r1.lastSeen) IS NOT NULL AND coalesce(r2.firstSeen, r2.lastSeen) IS NOT NULL
  AND coalesce(r1.firstSeen, r1.lastSeen) <= coalesce(r2.lastSeen, r2.firstSeen) + duration({seconds: $windowSeconds})
  AND coalesce(r2.firstSeen, r2.lastSeen) <= coalesce(r1.lastSeen, r1.firstSeen) + duration({seconds: $windowSeconds})
  AND coalesce(r1.lastSeen, r1.firstSeen) >= $from AND coalesce(r1.firstSeen, r1.lastSeen) <= $to
  AND coalesce(r2.lastSeen, r2.firstSeen) >= $from AND coalesce(r2.firstSeen, r2.lastSeen) <= $to
WITH l AS place, collect(DISTINCT a) + collect(DISTINCT b) AS people,
     min(coalesce(r1.firstSeen, r2.firstSeen)) AS firstSeen, max(coalesce(r1.lastSeen, r2.lastSeen)) AS lastSeen
RETURN labels(place) AS placeLabels, properties(place) AS place,
       [p IN people | {labels: labels(p), props: properties(p)}] AS entities, firstSeen, lastSeen
