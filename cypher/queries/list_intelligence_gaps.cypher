// One page, per operation, of intelligence not yet developed (no action
// raised from it) or not corroborated (no exhibit anywhere downstream of
// it), newest first, with the total.
UNWIND $operationIds AS opId
CALL {
  WITH opId
  MATCH (i:IntelligenceItem {operationId: opId})
  WHERE __MEMBER(opId)__ AND __MARKED(i)__
    AND CASE $mode
      WHEN 'UNDEVELOPED' THEN NOT EXISTS { (:Action)-[:RAISED_FROM]->(i) }
      WHEN 'UNCORROBORATED' THEN NOT EXISTS { (i)<-[:OBTAINED_BY|RAISED_FROM|DERIVED_FROM*1..12]-(:Exhibit) }
      ELSE false END
  WITH i ORDER BY i.receivedAt DESC, i.id
  WITH collect(properties(i)) AS items
  RETURN size(items) AS total, items[$skip..($skip + $limit)] AS page
}
RETURN opId AS parentId, page, total
