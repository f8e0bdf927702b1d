// Apply a validated change to a record (null values remove properties) and
// advance its version.
MATCH (n:Keyed {id: $id})
SET n += $set, n.version = n.version + 1, n.updatedAt = $now, n.updatedBy = $actor
RETURN properties(n) AS props
