// Create the new __LABEL__ records of an import batch. The importer has
// looked each key up (import_existing) or, in a run that has found every
// key new so far, assumes it new (importer.Batch.AssumeNew), so CREATE
// suffices; the import-key and URN uniqueness constraints turn an
// existing key, or a concurrent import of the same key, into a CONFLICT
// for this batch rather than a duplicate.
// Each row holds the record's own fields, id, import key, label and
// searchText; the bookkeeping all of them share comes once per batch.
UNWIND $rows AS row
CREATE (n:Keyed:__LABEL__)
SET n = row, n.operationId = $operationId, n.createdAt = $now, n.updatedAt = $now,
    n.updatedBy = $actor, n.version = 1
RETURN count(n) AS created
