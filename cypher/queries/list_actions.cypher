// One page of actions for each operation asked, filtered by status,
// priority and allocated officer, with the total.
UNWIND $operationIds AS opId
CALL {
  WITH opId
  MATCH (n:Action {operationId: opId})
  WHERE __MEMBER(opId)__
    AND ($search IS NULL OR n.searchText CONTAINS $search)
    AND ($statuses IS NULL OR n.status IN $statuses)
    AND ($priority IS NULL OR n.priority = $priority)
    AND ($allocatedTo IS NULL OR EXISTS { (n)-[:ALLOCATED_TO]->(:Officer {id: $allocatedTo}) })
  WITH n
  ORDER BY
    CASE WHEN $desc THEN null ELSE n[$orderBy] END ASC,
    CASE WHEN $desc THEN n[$orderBy] END DESC,
    n.id ASC
  SKIP $skip LIMIT $limit
  RETURN collect(properties(n)) AS page
}
CALL {
  WITH opId
  MATCH (n:Action {operationId: opId})
  WHERE __MEMBER(opId)__
    AND ($search IS NULL OR n.searchText CONTAINS $search)
    AND ($statuses IS NULL OR n.status IN $statuses)
    AND ($priority IS NULL OR n.priority = $priority)
    AND ($allocatedTo IS NULL OR EXISTS { (n)-[:ALLOCATED_TO]->(:Officer {id: $allocatedTo}) })
  RETURN count(n) AS total
}
RETURN opId AS parentId, page, total
