// Create a __REL__ link between two checked entities with its provenance,
// and the marks of its sources (need to know: a link is visible only to
// whoever sees one of them). Both ends are found by one index seek on
// their ids.
MATCH (x:Keyed) WHERE x.id IN [$fromId, $toId]
WITH collect(x) AS xs
WITH [x IN xs WHERE x.id = $fromId][0] AS a, [x IN xs WHERE x.id = $toId][0] AS b
CREATE (a)-[r:__REL__]->(b)
SET r = $props
WITH r
CALL {
  WITH r
  UNWIND r.sources AS sid
  MATCH (s:Keyed {id: sid})
  RETURN collect(DISTINCT __SOURCE_MARK(s)__) AS marks
}
SET r.sourceMarks = marks, r.sourceLevel = __LEVEL(marks)__, r.sourceLevelP = __LEVEL_P(marks)__
RETURN properties(r) AS link
