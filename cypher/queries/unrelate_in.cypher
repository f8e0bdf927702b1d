// Remove a record's incoming __REL__ relationships, all of them or only
// those from $targetIds.
MATCH (n:Keyed {id: $id})<-[r:__REL__]-(m:Keyed)
WHERE $targetIds IS NULL OR m.id IN $targetIds
DELETE r
RETURN count(*) AS removed
