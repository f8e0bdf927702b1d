// An operation's __LABEL__ records and their outgoing relationships, with
// the sum of their versions: a fingerprint that changes whenever an import
// (or anything else) creates or changes one.
CALL {
  MATCH (n:__LABEL__ {operationId: $operationId})
  RETURN count(n) AS nodes, sum(n.version) AS versions
}
CALL {
  MATCH (n:__LABEL__ {operationId: $operationId})-[r]->()
  RETURN count(r) AS rels, sum(coalesce(r.version, 0)) AS relVersions
}
RETURN nodes, versions, rels, relVersions
