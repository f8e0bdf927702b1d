// Records reached from each id by an outgoing __REL__ relationship, in
// the caller's scope, oldest first.
UNWIND $ids AS id
MATCH (n:Keyed {id: id})-[r:__REL__]->(m:Keyed)
WHERE __VISIBLE(m)__
RETURN id AS parentId, labels(m) AS labels, properties(m) AS props, properties(r) AS rel
ORDER BY parentId, m.createdAt, m.id
