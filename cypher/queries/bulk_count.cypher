// How many __LABEL__ records an operation holds, and their outgoing
// relationships by type (each relationship is counted once, at its start).
CALL {
  MATCH (n:__LABEL__ {operationId: $operationId})
  RETURN count(n) AS nodes
}
CALL {
  MATCH (n:__LABEL__ {operationId: $operationId})-[r]->()
  WITH type(r) AS rel, count(r) AS rels
  RETURN collect({type: rel, count: rels}) AS out
}
RETURN nodes, out
