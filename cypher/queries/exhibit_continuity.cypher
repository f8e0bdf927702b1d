// Append a step to an exhibit's chain of custody (append-only).
MATCH (n:Keyed:Exhibit {id: $id})
SET n.continuity = coalesce(n.continuity, []) + $entry,
    n.version = n.version + 1, n.updatedAt = $now, n.updatedBy = $actor
RETURN properties(n) AS props
