// One page of __LABEL__ records for each operation asked whose search text
// contains $search, with the total. A separate statement from the plain
// list so the planner can use the text index on searchText (an optional
// `$search IS NULL OR` predicate would make it scan the operation).
// Sorting is by an allow-listed property ($orderBy comes from an enum).
// The matches are read once, then counted and paged (a search matches at
// most the operation's records of one label, and the page is a top-k sort
// of them), rather than one index scan for the page and another for the
// total.
UNWIND $operationIds AS opId
CALL {
  WITH opId
  MATCH (n:__LABEL__ {operationId: opId})
  WHERE __MEMBER(opId)__
    AND __MARKED(n)__
    AND n.searchText CONTAINS $search
    AND ($updatedAfter IS NULL OR n.updatedAt >= $updatedAfter)
  WITH collect(n) AS matched
  CALL {
    WITH matched
    UNWIND matched AS n
    WITH n
    ORDER BY
      CASE WHEN $desc THEN null ELSE n[$orderBy] END ASC,
      CASE WHEN $desc THEN n[$orderBy] END DESC,
      n.id ASC
    SKIP $skip LIMIT $limit
    RETURN collect(properties(n)) AS page
  }
  RETURN page, size(matched) AS total
}
RETURN opId AS parentId, page, total
