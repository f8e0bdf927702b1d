// The officer record of an identity subject and the operations it is a
// member of.
MATCH (o:Officer {subject: $subject})
OPTIONAL MATCH (o)-[:MEMBER]->(op:Operation)
RETURN o.id AS officerId, collect(op.id) AS operations
