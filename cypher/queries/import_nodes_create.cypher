// Create the new __LABEL__ records of an import batch. The importer has
// already looked each key up (import_existing), so CREATE suffices; the
// import-key and URN uniqueness constraints turn a concurrent import of
// the same key into a CONFLICT for this batch rather than a duplicate.
UNWIND $rows AS row
CREATE (n:Keyed:__LABEL__)
SET n = row
RETURN count(n) AS created
