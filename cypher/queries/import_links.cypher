// Merge __REL__ links between resolved ends, keyed by the pair (one link
// per pair and type). A new link gets its id and provenance (the source
// and its mark, keyline.SourceMark, read off the source item, with the
// link's levels, keyline.LinkLevels, which need to know reads); an existing one (imported or created through the API)
// gains the row's source and its mark,
// widens firstSeen/lastSeen, takes the row's count, and advances its
// version only when one of those changed, so a re-run changes nothing.
//
// Call data given as individual contacts (row.contactAt: one contact at
// that time, importer.buildContact) keeps each contact's time on the one
// link of the pair: contactTimes, ascending, distinct, at most
// $maxContactTimes (the most recent). A time already there changes
// nothing. A new one adds one to count (instead of count taking the
// row's value) and is inserted in order; when the list is full the oldest
// time drops out (count keeps it). In a full list, a time before the
// link's firstSeen is new for certain: counted, widening firstSeen, not
// kept (older than those kept); a time between firstSeen and the oldest
// kept may be one that dropped out, so it is neither kept nor counted:
// a re-run never counts a contact twice.
//
// The change is decided inside MERGE's ON MATCH (an empty map when
// nothing is new) rather than in later WITH and FOREACH clauses, which
// made the planner hold the whole batch twice (two Eager operators):
// 10.4 s per 260,000 USES links against 9.0-9.2 s this way (call data
// 23,000 against 24,800-26,000 rels/s; docs/BENCHMARKS.md).
//
// A matched link counts as updated when it now carries this batch's
// updatedAt and actor (one the same actor changed in the same
// millisecond, and this row leaves alone, would be counted as updated:
// the count is a report, the graph is right).
UNWIND $rows AS row
MATCH (a:Keyed {id: row.fromId})
USING INDEX a:Keyed(id)
MATCH (b:Keyed {id: row.toId})
USING INDEX b:Keyed(id)
MATCH (src:Keyed {id: row.source})
USING INDEX src:Keyed(id)
MERGE (a)-[r:__REL__]->(b)
ON CREATE SET r = row.create, r.sources = [row.source], r.sourceMarks = [__SOURCE_MARK(src)__],
  r.sourceLevel = __SOURCE_RANK(src)__,
  r.sourceLevelP = CASE WHEN coalesce(src.gradeHandling, 'P') = 'P' THEN __SOURCE_RANK(src)__ ELSE 99 END, r.count = row.count,
  r.firstSeen = row.firstSeen, r.lastSeen = row.lastSeen, r.operationId = $operationId,
  r.contactTimes = CASE WHEN row.contactAt IS NULL THEN null ELSE [row.contactAt] END,
  r.createdAt = $now, r.updatedAt = $now, r.updatedBy = $actor, r.version = 1
ON MATCH SET r += CASE
  WHEN NOT row.source IN coalesce(r.sources, [])
    OR NOT __SOURCE_MARK(src)__ IN coalesce(r.sourceMarks, [])
    OR (row.firstSeen IS NOT NULL AND NOT coalesce(r.firstSeen <= row.firstSeen, false))
    OR (row.lastSeen IS NOT NULL AND NOT coalesce(r.lastSeen >= row.lastSeen, false))
    OR (row.contactAt IS NULL AND row.count IS NOT NULL AND coalesce(row.count <> r.count, true))
    OR (row.contactAt IS NOT NULL AND NOT row.contactAt IN coalesce(r.contactTimes, [])
        AND (size(coalesce(r.contactTimes, [])) < $maxContactTimes OR row.contactAt > r.contactTimes[0] OR row.contactAt < r.firstSeen))
  THEN {
    sources: CASE WHEN row.source IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + row.source END,
    sourceMarks: CASE WHEN __SOURCE_MARK(src)__ IN coalesce(r.sourceMarks, []) THEN r.sourceMarks ELSE coalesce(r.sourceMarks, []) + __SOURCE_MARK(src)__ END,
    sourceLevel: CASE WHEN __SOURCE_RANK(src)__ < coalesce(r.sourceLevel, 99) THEN __SOURCE_RANK(src)__ ELSE coalesce(r.sourceLevel, 99) END,
    sourceLevelP: CASE WHEN coalesce(src.gradeHandling, 'P') = 'P' AND __SOURCE_RANK(src)__ < coalesce(r.sourceLevelP, 99)
      THEN __SOURCE_RANK(src)__ ELSE coalesce(r.sourceLevelP, 99) END,
    firstSeen: CASE WHEN row.firstSeen IS NULL OR r.firstSeen <= row.firstSeen THEN r.firstSeen ELSE row.firstSeen END,
    lastSeen: CASE WHEN row.lastSeen IS NULL OR r.lastSeen >= row.lastSeen THEN r.lastSeen ELSE row.lastSeen END,
    count: CASE
      WHEN row.contactAt IS NULL THEN coalesce(row.count, r.count)
      WHEN NOT row.contactAt IN coalesce(r.contactTimes, [])
        AND (size(coalesce(r.contactTimes, [])) < $maxContactTimes OR row.contactAt > r.contactTimes[0] OR row.contactAt < r.firstSeen)
      THEN coalesce(r.count, 0) + 1
      ELSE r.count END,
    contactTimes: CASE
      WHEN row.contactAt IS NOT NULL AND NOT row.contactAt IN coalesce(r.contactTimes, [])
        AND (size(coalesce(r.contactTimes, [])) < $maxContactTimes OR row.contactAt > r.contactTimes[0])
      THEN [t IN coalesce(r.contactTimes, []) WHERE t < row.contactAt][CASE WHEN size(coalesce(r.contactTimes, [])) >= $maxContactTimes
             THEN size(r.contactTimes) + 1 - $maxContactTimes ELSE 0 END..]
        + row.contactAt + [t IN coalesce(r.contactTimes, []) WHERE t > row.contactAt]
      ELSE r.contactTimes END,
    version: r.version + 1, updatedAt: $now, updatedBy: $actor}
  ELSE {} END
RETURN count(r) AS rows,
       sum(CASE WHEN r.id = row.create.id THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN r.id <> row.create.id AND r.updatedAt = $now AND r.updatedBy = $actor THEN 1 ELSE 0 END) AS updated
