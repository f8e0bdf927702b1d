// The __LABEL__ records an import batch is about to write, by import key,
// with the structural relationships an import adds (mentions, raised
// from). The no-op SET takes each record's write lock, so the change the
// importer computes against these properties cannot go stale before the
// batch commits.
// Need to know: a record the actor may not see (__VISIBLE__) is reported
// only as taken (visible false), without its properties or a lock: the
// importer refuses its rows and never changes it. Relationships to
// records the actor may not see are left out too.
UNWIND $keys AS key
MATCH (n:__LABEL__ {operationId: $operationId, importRef: key})
USING INDEX n:__LABEL__(operationId, importRef)
WITH key, n, __VISIBLE(n)__ AS visible
FOREACH (_ IN CASE WHEN visible THEN [1] ELSE [] END | SET n.version = n.version)
RETURN key, visible,
       CASE WHEN visible THEN properties(n) END AS props,
       CASE WHEN visible THEN [(n)-[r:MENTIONS|RAISED_FROM]->(m:Keyed) WHERE __VISIBLE(m)__ | {type: type(r), to: m.id, role: r.role}] END AS rels
