// Lock a __REL__ link for change and read it (see node_guard).
MATCH (a)-[r:__REL__ {id: $id}]->(b)
SET r.version = r.version
RETURN properties(r) AS link, labels(a) AS fromLabels, properties(a) AS from,
       labels(b) AS toLabels, properties(b) AS to
