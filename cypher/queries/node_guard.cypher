// Lock a record for change and read what the write checks need. The no-op
// SET takes the node's write lock, so the version read here cannot go stale
// before this transaction commits (optimistic concurrency without lost
// updates).
MATCH (n:Keyed {id: $id})
SET n.version = n.version
RETURN labels(n) AS labels, n.operationId AS operationId, n.version AS version,
       coalesce(n.classification, 'OFFICIAL') AS classification, properties(n) AS props
