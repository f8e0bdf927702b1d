// Append audit events, each marked with the strictest marking of what it
// describes: the marking its writer gave (e.props.classification and
// .handling: the record before a change, a link's source marks) and, read
// here in the writer's own transaction, those of the records it names
// (e.markOf: its own record, a link's sources, an import's records). An
// event naming no operation takes its record's. An event given no marking
// and naming no stored record stays unmarked, and the trail withholds its
// values from everyone (fail closed). $classRank and $handlingRank order
// the values (from keyline.Classifications); an unknown value ranks above
// them all. Nothing in Keyline updates or deletes an AuditEvent.
UNWIND $events AS e
CALL {
  WITH e
  MATCH (n:Keyed) WHERE n.id IN e.markOf
  RETURN collect({c: coalesce(n.classification, 'OFFICIAL'), h: coalesce(n.gradeHandling, 'P')}) AS found,
         head(collect(CASE WHEN n.id = e.props.entityId THEN n.operationId END)) AS recordOp
}
WITH e, recordOp,
     found + CASE WHEN e.props.classification IS NULL THEN [] ELSE [{c: e.props.classification, h: coalesce(e.props.handling, 'P')}] END AS marks
CREATE (a:AuditEvent)
SET a = e.props,
    a.operationId = coalesce(e.props.operationId, recordOp),
    a.classification = CASE WHEN size(marks) = 0 THEN null ELSE
      reduce(top = marks[0].c, m IN marks | CASE WHEN coalesce($classRank[m.c], 99) > coalesce($classRank[top], 99) THEN m.c ELSE top END) END,
    a.handling = CASE WHEN size(marks) = 0 THEN null ELSE
      reduce(top = marks[0].h, m IN marks | CASE WHEN coalesce($handlingRank[m.h], 99) > coalesce($handlingRank[top], 99) THEN m.h ELSE top END) END
RETURN count(a) AS recorded
