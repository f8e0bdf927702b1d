// An operation's saved searches, by name (at most 500).
MATCH (s:SavedSearch {operationId: $operationId})
WHERE __OPERATION_VISIBLE($operationId)__
RETURN properties(s) AS props
ORDER BY s.name, s.id
LIMIT 500
