// Whether an officer is a member of an operation (allocation needs it).
MATCH (o:Officer {id: $officerId})-[:MEMBER]->(op:Operation {id: $operationId})
RETURN o.id AS id
