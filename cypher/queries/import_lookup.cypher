// Resolve references to __LABEL__ records of the operation by import key
// (the ends of links and mentions). Read without locks: the ends are only
// joined, never changed.
// One record of two parallel lists rather than a record per key: a call
// data batch resolves thousands of numbers, and per-record decoding was
// most of the importer's own CPU for them.
UNWIND $keys AS key
MATCH (n:__LABEL__ {operationId: $operationId, importRef: key})
USING INDEX n:__LABEL__(operationId, importRef)
RETURN collect(key) AS keys, collect(n.id) AS ids
