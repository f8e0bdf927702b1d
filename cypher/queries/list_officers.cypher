// Officers of the unit, by name, optionally filtered by text.
CALL {
  MATCH (n:Officer)
  WHERE $search IS NULL OR n.searchText CONTAINS $search
  WITH n ORDER BY n.name, n.id
  SKIP $skip LIMIT $limit
  RETURN collect(properties(n)) AS page
}
CALL {
  MATCH (n:Officer)
  WHERE $search IS NULL OR n.searchText CONTAINS $search
  RETURN count(n) AS total
}
RETURN page, total
