// Assessed targets by score, highest first, in the operations the caller
// may see, filtered by operation, status, owner and threat area.
MATCH (t:Target)
WHERE t.score IS NOT NULL
  AND __MEMBER(t.operationId)__
  AND ($operationId IS NULL OR t.operationId = $operationId)
  AND ($statuses IS NULL OR t.status IN $statuses)
  AND ($threatArea IS NULL OR $threatArea IN t.threatAreas)
  AND ($ownerId IS NULL OR EXISTS { (t)-[:OWNED_BY]->(:Officer {id: $ownerId}) })
RETURN properties(t) AS props
ORDER BY t.score DESC, t.id
LIMIT $limit
