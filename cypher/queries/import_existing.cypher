// The __LABEL__ records an import batch is about to write, by import key,
// with the structural relationships an import adds (mentions, raised
// from). The no-op SET takes each record's write lock, so the change the
// importer computes against these properties cannot go stale before the
// batch commits.
UNWIND $keys AS key
MATCH (n:__LABEL__ {operationId: $operationId, importRef: key})
USING INDEX n:__LABEL__(operationId, importRef)
SET n.version = n.version
RETURN key, properties(n) AS props,
       [(n)-[r:MENTIONS|RAISED_FROM]->(m:Keyed) | {type: type(r), to: m.id, role: r.role}] AS rels
