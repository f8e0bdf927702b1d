// One page of the members of each operation asked, by name.
UNWIND $operationIds AS opId
CALL {
  WITH opId
  MATCH (o:Officer)-[:MEMBER]->(op:Operation {id: opId})
  WHERE __MEMBER(opId)__
  WITH o ORDER BY o.name, o.id
  SKIP $skip LIMIT $limit
  RETURN collect(properties(o)) AS page
}
CALL {
  WITH opId
  MATCH (o:Officer)-[:MEMBER]->(op:Operation {id: opId})
  WHERE __MEMBER(opId)__
  RETURN count(o) AS total
}
RETURN opId AS parentId, page, total
