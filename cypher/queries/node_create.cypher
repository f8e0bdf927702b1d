// Create a __LABEL__ record. $props carries the id, operationId and
// bookkeeping chosen by the store, plus the validated fields.
CREATE (n:Keyed:__LABEL__)
SET n = $props
RETURN properties(n) AS props
