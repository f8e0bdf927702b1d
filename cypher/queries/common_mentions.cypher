// Intelligence items that mention at least two of the given entities
// (co-occurrence), with which ones, newest first.
UNWIND $ids AS sid
MATCH (s:Keyed {id: sid})<-[:MENTIONS]-(i:IntelligenceItem)
WHERE __VISIBLE(i)__
WITH i, collect(DISTINCT sid) AS entities
WHERE size(entities) >= 2
RETURN properties(i) AS item, entities
ORDER BY size(entities) DESC, i.receivedAt DESC
LIMIT $limit
