// Create a __REL__ link between two checked entities with its provenance.
// Both ends are found by one index seek on their ids.
MATCH (x:Keyed) WHERE x.id IN [$fromId, $toId]
WITH collect(x) AS xs
WITH [x IN xs WHERE x.id = $fromId][0] AS a, [x IN xs WHERE x.id = $toId][0] AS b
CREATE (a)-[r:__REL__]->(b)
SET r = $props
RETURN properties(r) AS link
