// Delete a record (only saved searches are ever deleted; everything else
// is kept for the audit trail and MOPI).
MATCH (n:Keyed:SavedSearch {id: $id})
DETACH DELETE n
RETURN count(*) AS deleted
