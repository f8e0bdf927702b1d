// Join others to a record by incoming __REL__ relationships (e.g. officers
// as MEMBERs of an operation); targets as for relate_out.
MATCH (n:Keyed {id: $id})
UNWIND $targets AS t
MATCH (m:Keyed {id: t.id})
WHERE (m:Officer OR m.operationId = n.operationId) AND __MARKED(m)__
MERGE (n)<-[r:__REL__]-(m)
SET r += t.props
RETURN collect(m.id) AS linked
