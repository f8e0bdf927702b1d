// One page of the intelligence items mentioning each entity asked, newest
// first, with the total; only items the caller is cleared for.
UNWIND $ids AS entityId
CALL {
  WITH entityId
  MATCH (i:IntelligenceItem)-[:MENTIONS]->(:Keyed {id: entityId})
  WHERE __VISIBLE(i)__
  WITH i ORDER BY i.receivedAt DESC, i.id
  SKIP $skip LIMIT $limit
  RETURN collect(properties(i)) AS page
}
CALL {
  WITH entityId
  MATCH (i:IntelligenceItem)-[:MENTIONS]->(:Keyed {id: entityId})
  WHERE __VISIBLE(i)__
  RETURN count(i) AS total
}
RETURN entityId AS parentId, page, total
