// Migration 0008's Go step, read half: a page of persons by id (after
// $after), with the properties Describe reads.
MATCH (p:Person)
WHERE p.id > $after
RETURN properties(p) AS props
ORDER BY p.id
LIMIT $limit
