// Records by external id, filtered by the caller's scope: operations they
// may see (officers are unit-wide) and classifications they are cleared for.
UNWIND $ids AS id
MATCH (n:Keyed {id: id})
WHERE (n:Officer OR $allOps OR n.operationId IN $ops)
  AND coalesce(n.classification, 'OFFICIAL') IN $cleared AND coalesce(n.gradeHandling, 'P') IN $handling
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
