// MOPI: append a retain/dispose decision to a record and set its next
// review date (none after disposal).
MATCH (n:Keyed {id: $id})
SET n.retention = coalesce(n.retention, []) + $entry, n += $set,
    n.version = n.version + 1, n.updatedAt = $now, n.updatedBy = $actor
RETURN properties(n) AS props
