// One page of __LABEL__ records for each operation asked, with the total
// (no text search: see list_by_operation_search).
// Sorting is by an allow-listed property ($orderBy comes from an enum).
UNWIND $operationIds AS opId
CALL {
  WITH opId
  MATCH (n:__LABEL__ {operationId: opId})
  WHERE __MEMBER(opId)__
    AND __MARKED(n)__
    AND ($updatedAfter IS NULL OR n.updatedAt >= $updatedAfter)
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
  MATCH (n:__LABEL__ {operationId: opId})
  WHERE __MEMBER(opId)__
    AND __MARKED(n)__
    AND ($updatedAfter IS NULL OR n.updatedAt >= $updatedAfter)
  RETURN count(n) AS total
}
RETURN opId AS parentId, page, total
