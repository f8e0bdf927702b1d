// Record a service account for an external system; only the SHA-256 of
// its key's secret is stored.
CREATE (s:ServiceAccount)
SET s = $props
RETURN properties(s) AS props
