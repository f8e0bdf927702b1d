// Operations the caller may see, newest first.
CALL {
  MATCH (n:Operation)
  WHERE ($allOps OR n.id IN $ops)
    AND n.classification IN $cleared AND coalesce(n.gradeHandling, 'P') IN $handling
    AND ($status IS NULL OR n.status = $status)
  WITH n ORDER BY n.opened DESC, n.id
  SKIP $skip LIMIT $limit
  RETURN collect(properties(n)) AS page
}
CALL {
  MATCH (n:Operation)
  WHERE ($allOps OR n.id IN $ops)
    AND n.classification IN $cleared AND coalesce(n.gradeHandling, 'P') IN $handling
    AND ($status IS NULL OR n.status = $status)
  RETURN count(n) AS total
}
RETURN page, total
