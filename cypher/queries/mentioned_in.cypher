// One page of the intelligence items mentioning each entity asked, newest
// first, with the total; only items the caller is cleared for.
UNWIND $ids AS entityId
CALL {
  WITH entityId
  MATCH (i:IntelligenceItem)-[:MENTIONS]->(:Keyed {id: entityId})
  WHERE ($allOps OR i.operationId IN $ops) AND i.classification IN $cleared AND coalesce(i.gradeHandling, 'P') IN $handling
  WITH i ORDER BY i.receivedAt DESC, i.id
  SKIP $skip LIMIT $limit
  RETURN collect(properties(i)) AS page
}
CALL {
  WITH entityId
  MATCH (i:IntelligenceItem)-[:MENTIONS]->(:Keyed {id: entityId})
  WHERE ($allOps OR i.operationId IN $ops) AND i.classification IN $cleared AND coalesce(i.gradeHandling, 'P') IN $handling
  RETURN count(i) AS total
}
RETURN entityId AS parentId, page, total
