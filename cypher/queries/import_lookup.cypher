// Resolve references to __LABEL__ records of the operation by import key
// (the ends of links and mentions). Read without locks: the ends are only
// joined, never changed.
// One record of parallel lists rather than a record per key: a call data
// batch resolves thousands of numbers, and per-record decoding was most of
// the importer's own CPU for them.
// Need to know: a record the actor may not see (__VISIBLE__) is not
// resolved; only its key comes back, in hidden (the import key is unique
// in the operation, so a row that would create it is refused instead).
UNWIND $keys AS key
MATCH (n:__LABEL__ {operationId: $operationId, importRef: key})
USING INDEX n:__LABEL__(operationId, importRef)
WITH key, n, __VISIBLE(n)__ AS visible
RETURN collect(CASE WHEN visible THEN key END) AS keys, collect(CASE WHEN visible THEN n.id END) AS ids,
       collect(CASE WHEN visible THEN null ELSE key END) AS hidden
