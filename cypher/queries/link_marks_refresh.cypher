// Recompute the source marks of every link of operation $operationId that
// cites one of $sourceIds, after their classification or handling code
// changed (a regrade). A regrade is rare, so a scan of the operation's
// links (its records by the keyed_operation index) is the price of keeping
// every path query free of source lookups.
MATCH (a:Keyed {operationId: $operationId})-[r:__LINK_TYPES__]->()
WHERE any(sid IN r.sources WHERE sid IN $sourceIds)
CALL {
  WITH r
  UNWIND r.sources AS sid
  MATCH (s:Keyed {id: sid})
  RETURN collect(DISTINCT __SOURCE_MARK(s)__) AS marks
}
SET r.sourceMarks = marks, r.sourceLevel = __LEVEL(marks)__, r.sourceLevelP = __LEVEL_P(marks)__
RETURN count(r) AS refreshed
