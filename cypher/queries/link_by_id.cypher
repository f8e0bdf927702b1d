// A link by its external id, with both ends. One index seek per link type.
CALL {
  MATCH (a)-[r:ASSOCIATE_OF {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:USES {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:RESIDES_AT {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:FREQUENTS {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:DRIVES {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:REGISTERED_KEEPER {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:MEMBER_OF {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:PRESENT_AT {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:INVOLVED_IN {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:CONTACTED {id: $id}]->(b) RETURN r, a, b
  UNION MATCH (a)-[r:OPERATES_FROM {id: $id}]->(b) RETURN r, a, b
}
WITH r, a, b
WHERE __MEMBER(r.operationId)__ AND __LINK_VISIBLE(r)__ AND __VISIBLE(a)__ AND __VISIBLE(b)__
RETURN properties(r) AS link, type(r) AS type,
       labels(a) AS fromLabels, properties(a) AS from,
       labels(b) AS toLabels, properties(b) AS to
