// mentioned_in and its READ audit events in one statement: one page of
// the intelligence items mentioning each entity asked, newest first, with
// the total (only items the caller is cleared for), and for every item
// returned, once however many pages it is on, an AuditEvent: the caller's
// $event with the item's id, operation and marking (classification and
// handling code, as audit_record marks events) and one of $auditIds (the caller
// passes as many as the pages can hold). Nothing in Keyline updates or
// deletes an AuditEvent.
UNWIND $ids AS entityId
CALL {
  WITH entityId
  MATCH (i:IntelligenceItem)-[:MENTIONS]->(:Keyed {id: entityId})
  WHERE __VISIBLE(i)__
  WITH i ORDER BY i.receivedAt DESC, i.id
  SKIP $skip LIMIT $limit
  RETURN collect(properties(i)) AS page
}
CALL {
  WITH entityId
  MATCH (i:IntelligenceItem)-[:MENTIONS]->(:Keyed {id: entityId})
  WHERE __VISIBLE(i)__
  RETURN count(i) AS total
}
WITH collect({parentId: entityId, page: page, total: total}) AS rows
CALL {
  WITH rows
  UNWIND rows AS r
  UNWIND r.page AS item
  WITH DISTINCT item.id AS itemId, item.operationId AS itemOp,
       coalesce(item.classification, 'OFFICIAL') AS itemClass, coalesce(item.gradeHandling, 'P') AS itemHandling
  WITH collect({id: itemId, op: itemOp, c: itemClass, h: itemHandling}) AS items
  UNWIND range(0, size(items) - 1) AS n
  CREATE (a:AuditEvent)
  SET a = $event, a.id = $auditIds[n], a.entityId = items[n].id, a.operationId = items[n].op,
      a.classification = items[n].c, a.handling = items[n].h
  RETURN count(a) AS recorded
}
UNWIND rows AS r
RETURN r.parentId AS parentId, r.page AS page, r.total AS total, recorded
