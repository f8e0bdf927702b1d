// Bulk-create MENTIONS from intelligence items to entities with the role.
// CREATE, not MERGE as relate_out does: the caller guarantees each pair
// once, and MERGE would scan the item's relationships for every row.
UNWIND $rows AS row
MATCH (i:Keyed {id: row.fromId})
MATCH (e:Keyed {id: row.toId})
WHERE i:IntelligenceItem AND i.operationId = e.operationId
CREATE (i)-[m:MENTIONS]->(e)
SET m.role = row.role
RETURN count(m) AS created
