// Migration 0007's Go step: for a page of records (by id, after $after),
// give every link leaving them that has no levels yet its sources' marks
// and levels. Each page is a range of the keyed_id index, so the whole
// backfill reads the graph once, in transactions of bounded size.
MATCH (a:Keyed)
WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $limit
WITH collect(a) AS page
CALL {
  WITH page
  UNWIND page AS a
  MATCH (a)-[r:__LINK_TYPES__]->()
  WHERE r.sourceLevel IS NULL
  CALL {
    WITH r
    UNWIND coalesce(r.sources, []) AS sid
    MATCH (s:Keyed {id: sid})
    RETURN collect(DISTINCT __SOURCE_MARK(s)__) AS marks
  }
  SET r.sourceMarks = marks, r.sourceLevel = __LEVEL(marks)__, r.sourceLevelP = __LEVEL_P(marks)__
  RETURN count(r) AS marked
}
RETURN CASE WHEN size(page) = 0 THEN null ELSE page[-1].id END AS last, marked
