// Join a record to others by outgoing __REL__ relationships. Targets must
// be officers or records of the same operation that the caller sees (a
// hidden one answers as a missing one); the store compares the ids
// returned with those asked for.
MATCH (n:Keyed {id: $id})
UNWIND $targets AS t
MATCH (m:Keyed {id: t.id})
WHERE (m:Officer OR m.operationId = n.operationId) AND __MARKED(m)__
MERGE (n)-[r:__REL__]->(m)
SET r += t.props
RETURN collect(m.id) AS linked
