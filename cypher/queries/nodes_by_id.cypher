// Records by external id, filtered by the caller's scope: operations they
// may see (officers are unit-wide) and classifications they are cleared for.
UNWIND $ids AS id
MATCH (n:Keyed {id: id})
WHERE __VISIBLE(n)__
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
