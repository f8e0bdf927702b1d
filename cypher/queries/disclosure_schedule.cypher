// An operation's unused material for a CPIA schedule, numbered
// consecutively in the order it was recorded: MG6C (non-sensitive) or
// MG6D (sensitive, each with its reason).
MATCH (e:Exhibit {operationId: $operationId})
WHERE __OPERATION_VISIBLE($operationId)__ AND e.disclosureStatus = $status
WITH e ORDER BY e.createdAt, e.id
RETURN collect(properties(e)) AS items
