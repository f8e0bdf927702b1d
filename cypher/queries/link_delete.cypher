// Remove a __REL__ link; the audit trail keeps what it was.
MATCH ()-[r:__REL__ {id: $id}]->()
DELETE r
RETURN count(*) AS removed
