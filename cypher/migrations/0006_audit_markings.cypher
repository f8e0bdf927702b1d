// Audit events carry the marking (classification, handling) of the record
// they describe, so the trail withholds the values of events about
// material the reader may not see (docs/SECURITY.md). Events written
// before that have none, and the trail withholds them from everyone until
// this backfill marks them: with the strictest of the current marking of
// every record they name that still exists (the record itself, a link's
// sources, an import batch's records) and of any classification or
// handling code their before/after name (a record since downgraded keeps
// its old marking). Service account and import events are OFFICIAL by
// kind. An event naming nothing that still exists stays unmarked and
// withheld (fail closed). Idempotent: only unmarked events are touched.
// Stored sourceText values in before/after are replaced by their digest
// form by the Go step migrate.go runs after this file (Cypher has neither
// a JSON parser nor SHA-256), which is idempotent too.
MATCH (a:AuditEvent)
WHERE a.classification IS NULL
CALL {
  WITH a
  CALL {
    WITH a
    WITH a, [t IN [a.before, a.after] WHERE t IS NOT NULL] AS texts
    WITH a, texts, [a.entityId] + reduce(ids = [], t IN texts |
      ids + reduce(more = [], key IN ['"sources":[', '"records":['] |
        more + CASE WHEN t CONTAINS key
          THEN [q IN split(split(split(t, key)[1], ']')[0], ',') | replace(trim(q), '"', '')]
          ELSE [] END)) AS ids
    UNWIND ids AS id
    MATCH (n:Keyed {id: id})
    RETURN collect({c: coalesce(n.classification, 'OFFICIAL'), h: coalesce(n.gradeHandling, 'P')}) AS found
  }
  WITH a, found, [t IN [a.before, a.after] WHERE t IS NOT NULL] AS texts
  WITH a, found
    + CASE WHEN a.entityKind IN ['ServiceAccount', 'Import'] THEN [{c: 'OFFICIAL', h: 'P'}] ELSE [] END
    + CASE WHEN size(found) = 0 THEN [] ELSE
        [c IN ['OFFICIAL_SENSITIVE', 'SECRET', 'TOP_SECRET'] WHERE any(t IN texts WHERE t CONTAINS '"classification":"' + c + '"') | {c: c, h: 'P'}]
        + [h IN ['C'] WHERE any(t IN texts WHERE t CONTAINS '"gradeHandling":"' + h + '"') | {c: 'OFFICIAL', h: h}]
      END AS marks
  WITH a, marks,
    [m IN marks | CASE m.c WHEN 'OFFICIAL' THEN 0 WHEN 'OFFICIAL_SENSITIVE' THEN 1 WHEN 'SECRET' THEN 2 WHEN 'TOP_SECRET' THEN 3 ELSE 99 END] AS classRanks,
    [m IN marks | CASE m.h WHEN 'P' THEN 0 WHEN 'C' THEN 1 ELSE 99 END] AS handlingRanks
  WHERE size(marks) > 0
  WITH a, marks, classRanks, handlingRanks,
    reduce(top = 0, i IN range(0, size(marks) - 1) | CASE WHEN classRanks[i] > classRanks[top] THEN i ELSE top END) AS ci,
    reduce(top = 0, i IN range(0, size(marks) - 1) | CASE WHEN handlingRanks[i] > handlingRanks[top] THEN i ELSE top END) AS hi
  SET a.classification = marks[ci].c, a.handling = marks[hi].h
} IN TRANSACTIONS OF 10000 ROWS;
