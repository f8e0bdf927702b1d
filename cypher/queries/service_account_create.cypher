// Record a service account for an external system (only the SHA-256 of
// its key's secret is stored) and the officer record it acts as, a member
// of each operation of its scope that exists. A key reaches only what its
// officer is a member of (auth/membership.go), so removing a membership
// removes the key's access, and no membership means no access.
CREATE (s:ServiceAccount)
SET s = $props
CREATE (o:Keyed:Officer)
SET o = $officer
WITH s, o
CALL {
  WITH o
  UNWIND $operations AS opId
  MATCH (op:Keyed:Operation {id: opId})
  MERGE (o)-[:MEMBER]->(op)
  RETURN collect(op.id) AS joined
}
RETURN properties(s) AS props, o.id AS officerId, joined
