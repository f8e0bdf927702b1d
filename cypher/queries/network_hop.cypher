// One hop of a network expansion: for each frontier entity, its links that
// pass the filters, strongest first, at most $perNode each (a hub cannot
// flood the budget), and the entity at the other end; at most $limit rows.
// With $lean, links and entities come as only the properties a chart of
// ids and labels needs (the caller asked for no more), not all of them.
UNWIND $frontier AS fid
MATCH (n:Keyed {id: fid})
CALL {
  WITH n
  MATCH (n)-[r:__LINK_TYPES__]-(m:Keyed)
  WHERE type(r) IN $types
    AND r.confidence >= $minConfidence
    AND ($seenAfter IS NULL OR coalesce(r.lastSeen, r.firstSeen) >= $seenAfter)
    AND ($seenBefore IS NULL OR coalesce(r.firstSeen, r.lastSeen) <= $seenBefore)
    AND __ENTITY_VISIBLE(m)__ AND __LINK_VISIBLE(r)__
    AND NOT any(l IN labels(m) WHERE l IN $avoid)
  WITH r, m ORDER BY r.confidence DESC, r.id
  LIMIT $perNode
  RETURN r, m
}
RETURN fid, type(r) AS type,
       CASE WHEN $lean THEN r {.id, .confidence, .operationId} ELSE properties(r) END AS link,
       startNode(r).id AS fromId, endNode(r).id AS toId, labels(m) AS labels,
       CASE WHEN $lean THEN m {.id, .label, .operationId} ELSE properties(m) END AS props
LIMIT $limit
