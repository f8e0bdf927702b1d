// Bulk-create __LABEL__ records, one per row. Each row is the full property
// map (id, operationId, bookkeeping, label, searchText, fields) prepared by
// the caller; no audit event is written (see Store.BulkNodes).
UNWIND $rows AS row
CREATE (n:Keyed:__LABEL__)
SET n = row
RETURN count(n) AS created
