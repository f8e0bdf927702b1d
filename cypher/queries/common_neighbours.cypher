// Entities linked to at least $minShared of the given entities (shared
// phones, addresses, vehicles, organisations, events; common associates),
// with the links that join them, most shared first.
UNWIND $ids AS sid
MATCH (s:Keyed {id: sid})-[r:__LINK_TYPES__]-(m:Keyed)
WHERE __VISIBLE(s)__
  AND NOT m.id IN $ids
  AND type(r) IN $types
  AND r.confidence >= $minConfidence
  AND __ENTITY_VISIBLE(m)__ AND __LINK_VISIBLE(r)__
WITH m, collect(DISTINCT sid) AS linked,
     collect({type: type(r), props: properties(r), from: startNode(r).id, to: endNode(r).id}) AS links
WHERE size(linked) >= $minShared
RETURN labels(m) AS labels, properties(m) AS props, linked, links
ORDER BY size(linked) DESC, size(links) DESC, m.id
LIMIT $limit
