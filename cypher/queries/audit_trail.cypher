// One page of the audit trail, newest first, with the total. $ops limits
// the operations the caller may audit unless $allOps.
CALL {
  MATCH (a:AuditEvent)
  WHERE __MEMBER(a.operationId)__
    AND ($actor IS NULL OR a.actor = $actor)
    AND ($entityId IS NULL OR a.entityId = $entityId)
    AND ($operationId IS NULL OR a.operationId = $operationId)
    AND ($actions IS NULL OR a.action IN $actions)
    AND ($from IS NULL OR a.at >= $from)
    AND ($to IS NULL OR a.at < $to)
  WITH a ORDER BY a.at DESC, a.id DESC
  SKIP $skip LIMIT $limit
  RETURN collect(properties(a)) AS page
}
CALL {
  MATCH (a:AuditEvent)
  WHERE __MEMBER(a.operationId)__
    AND ($actor IS NULL OR a.actor = $actor)
    AND ($entityId IS NULL OR a.entityId = $entityId)
    AND ($operationId IS NULL OR a.operationId = $operationId)
    AND ($actions IS NULL OR a.action IN $actions)
    AND ($from IS NULL OR a.at >= $from)
    AND ($to IS NULL OR a.at < $to)
  RETURN count(a) AS total
}
RETURN page, total
