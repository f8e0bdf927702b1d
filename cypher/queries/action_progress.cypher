// Apply a lifecycle step to an action: new properties, one history entry
// appended, version advanced.
MATCH (a:Keyed:Action {id: $id})
SET a += $set, a.history = coalesce(a.history, []) + $entry,
    a.version = a.version + 1, a.updatedAt = $now, a.updatedBy = $actor
RETURN properties(a) AS props
