// Remove a record's outgoing __REL__ relationships, all of them or only
// those to $targetIds.
MATCH (n:Keyed {id: $id})-[r:__REL__]->(m:Keyed)
WHERE $targetIds IS NULL OR m.id IN $targetIds
DELETE r
RETURN count(*) AS removed
