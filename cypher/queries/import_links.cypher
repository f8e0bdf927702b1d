// Merge __REL__ links between resolved ends, keyed by the pair (one link
// per pair and type). A new link gets its id and provenance; an existing
// one (imported or created through the API) gains the row's source,
// widens firstSeen/lastSeen, takes the row's count, and advances its
// version only when one of those changed, so a re-run changes nothing.
UNWIND $rows AS row
MATCH (a:Keyed {id: row.fromId})
USING INDEX a:Keyed(id)
MATCH (b:Keyed {id: row.toId})
USING INDEX b:Keyed(id)
MERGE (a)-[r:__REL__]->(b)
ON CREATE SET r = row.create, r.sources = [row.source], r.count = row.count,
  r.firstSeen = row.firstSeen, r.lastSeen = row.lastSeen, r.operationId = $operationId,
  r.createdAt = $now, r.updatedAt = $now, r.updatedBy = $actor, r.version = 1
WITH r, row, r.id = row.create.id AS created, coalesce(r.sources, []) AS had
WITH r, created, had,
     CASE WHEN row.source IN had THEN had ELSE had + row.source END AS sources,
     CASE WHEN row.firstSeen IS NULL OR r.firstSeen <= row.firstSeen THEN r.firstSeen ELSE row.firstSeen END AS first,
     CASE WHEN row.lastSeen IS NULL OR r.lastSeen >= row.lastSeen THEN r.lastSeen ELSE row.lastSeen END AS last,
     coalesce(row.count, r.count) AS cnt
WITH r, created, sources, first, last, cnt,
     NOT created AND (sources <> had
       OR coalesce(first <> r.firstSeen, first IS NOT NULL)
       OR coalesce(last <> r.lastSeen, last IS NOT NULL)
       OR coalesce(cnt <> r.count, cnt IS NOT NULL)) AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET r.sources = sources, r.firstSeen = first, r.lastSeen = last, r.count = cnt,
      r.version = r.version + 1, r.updatedAt = $now, r.updatedBy = $actor)
RETURN count(r) AS rows,
       sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated
