// Resolve references to __LABEL__ records of the operation by import key
// (the ends of links and mentions). Read without locks: the ends are only
// joined, never changed.
UNWIND $keys AS key
MATCH (n:__LABEL__ {operationId: $operationId, importRef: key})
USING INDEX n:__LABEL__(operationId, importRef)
RETURN key, n.id AS id
