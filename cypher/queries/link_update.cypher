// Apply a validated change to a __REL__ link, advance its version, and
// recompute the marks of its sources (they may have changed).
MATCH ()-[r:__REL__ {id: $id}]->()
SET r += $set, r.version = r.version + 1, r.updatedAt = $now, r.updatedBy = $actor
WITH r
CALL {
  WITH r
  UNWIND r.sources AS sid
  MATCH (s:Keyed {id: sid})
  RETURN collect(DISTINCT __SOURCE_MARK(s)__) AS marks
}
SET r.sourceMarks = marks, r.sourceLevel = __LEVEL(marks)__, r.sourceLevelP = __LEVEL_P(marks)__
RETURN properties(r) AS link
