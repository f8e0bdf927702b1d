// MOPI: intelligence items and exhibits of an operation whose review date
// falls on or before $dueBy, earliest first, at most $limit.
MATCH (n:Keyed {operationId: $operationId})
WHERE (n:IntelligenceItem OR n:Exhibit)
  AND __OPERATION_VISIBLE($operationId)__
  AND __MARKED(n)__
  AND n.reviewDate IS NOT NULL AND n.reviewDate <= $dueBy
  AND coalesce(n.disposed, false) = false
WITH n ORDER BY n.reviewDate, n.id
LIMIT $limit
RETURN labels(n) AS labels, properties(n) AS props
