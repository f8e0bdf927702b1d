// Before a __REL__ link is created: take both ends' write locks, in id
// order (two creations of the same pair, either way round, then queue on
// the same first lock instead of deadlocking or both finding no link), and
// return the link of that type already joining them, in either direction.
// The no-op SET takes the lock and changes nothing.
MATCH (x:Keyed)
WHERE x.id IN [$fromId, $toId]
WITH x ORDER BY x.id
SET x.version = x.version
WITH count(x) AS locked
OPTIONAL MATCH (:Keyed {id: $fromId})-[r:__REL__]-(:Keyed {id: $toId})
RETURN locked, collect(r.id)[0] AS existing
