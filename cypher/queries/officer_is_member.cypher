// Whether an officer is a member of an operation (allocation needs it).
MATCH (o:Keyed:Officer {id: $officerId})-[:MEMBER]->(op:Keyed:Operation {id: $operationId})
RETURN o.id AS id
