// Apply a validated change to a __REL__ link and advance its version.
MATCH ()-[r:__REL__ {id: $id}]->()
SET r += $set, r.version = r.version + 1, r.updatedAt = $now, r.updatedBy = $actor
RETURN properties(r) AS link
