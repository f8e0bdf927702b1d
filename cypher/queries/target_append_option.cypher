// Append a tactical option to a target.
MATCH (t:Keyed:Target {id: $id})
SET t.tacticalOptions = coalesce(t.tacticalOptions, []) + $entry,
    t.version = t.version + 1, t.updatedAt = $now, t.updatedBy = $actor
RETURN properties(t) AS props
