// A link by its external id, with both ends. One index seek per link type.
CALL {
  MATCH (a)-[r:__EACH_LINK_TYPE__ {id: $id}]->(b) RETURN r, a, b
}
WITH r, a, b
WHERE __MEMBER(r.operationId)__ AND __LINK_VISIBLE(r)__ AND __VISIBLE(a)__ AND __VISIBLE(b)__
RETURN properties(r) AS link, type(r) AS type,
       labels(a) AS fromLabels, properties(a) AS from,
       labels(b) AS toLabels, properties(b) AS to
