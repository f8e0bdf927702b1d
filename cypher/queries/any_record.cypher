// Whether the database holds any Keyline record (seed --if-empty).
MATCH (n:Keyed)
RETURN n.id AS id
LIMIT 1
