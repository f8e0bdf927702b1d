// Operations the caller may see, newest first.
CALL {
  MATCH (n:Operation)
  WHERE __MEMBER(n.id)__
    AND __MARKED(n)__
    AND ($status IS NULL OR n.status = $status)
  WITH n ORDER BY n.opened DESC, n.id
  SKIP $skip LIMIT $limit
  RETURN collect(properties(n)) AS page
}
CALL {
  MATCH (n:Operation)
  WHERE __MEMBER(n.id)__
    AND __MARKED(n)__
    AND ($status IS NULL OR n.status = $status)
  RETURN count(n) AS total
}
RETURN page, total
