// A service account by id (for API-key authentication).
MATCH (s:ServiceAccount {id: $id})
RETURN properties(s) AS props
