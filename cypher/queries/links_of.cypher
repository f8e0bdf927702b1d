// One page of the links of each entity asked, with the entity at the other
// end and the total. Types come from the LinkType enum (an allow-list).
// $linkProps and $otherProps, when not null, name the only properties the
// caller's selection needs of the links and of their far ends: those come
// back as lists of values in that order, not as whole property maps.
UNWIND $ids AS nodeId
CALL {
  WITH nodeId
  MATCH (n:Keyed {id: nodeId})-[r:__LINK_TYPES__]-(m:Keyed)
  WHERE type(r) IN $types
    AND r.confidence >= $minConfidence
    AND ($seenAfter IS NULL OR coalesce(r.lastSeen, r.firstSeen) >= $seenAfter)
    AND ($seenBefore IS NULL OR coalesce(r.firstSeen, r.lastSeen) <= $seenBefore)
    AND __ENTITY_VISIBLE(m)__ AND __LINK_VISIBLE(r)__
  WITH n, r, m ORDER BY r.confidence DESC, r.id
  SKIP $skip LIMIT $limit
  RETURN collect({link: CASE WHEN $linkProps IS NULL THEN properties(r) ELSE [k IN $linkProps | r[k]] END,
                  type: type(r), outgoing: startNode(r) = n, otherLabels: labels(m),
                  other: CASE WHEN $otherProps IS NULL THEN properties(m) ELSE [k IN $otherProps | m[k]] END}) AS page
}
CALL {
  WITH nodeId
  MATCH (n:Keyed {id: nodeId})-[r:__LINK_TYPES__]-(m:Keyed)
  WHERE type(r) IN $types
    AND r.confidence >= $minConfidence
    AND ($seenAfter IS NULL OR coalesce(r.lastSeen, r.firstSeen) >= $seenAfter)
    AND ($seenBefore IS NULL OR coalesce(r.firstSeen, r.lastSeen) <= $seenBefore)
    AND __ENTITY_VISIBLE(m)__ AND __LINK_VISIBLE(r)__
  RETURN count(r) AS total
}
RETURN nodeId AS parentId, page, total
