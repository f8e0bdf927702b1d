// One page of an action queue for each operation asked, with the total.
// Open queues put High priority first, then the earliest due date.
UNWIND $operationIds AS opId
CALL {
  WITH opId
  MATCH (a:Action {operationId: opId})
  WHERE __MEMBER(opId)__
    AND CASE $queue
      WHEN 'OUTSTANDING' THEN a.status IN ['RAISED', 'ALLOCATED', 'IN_PROGRESS']
      WHEN 'OVERDUE' THEN a.status IN ['RAISED', 'ALLOCATED', 'IN_PROGRESS'] AND a.dueDate < $today
      WHEN 'DUE_SOON' THEN a.status IN ['RAISED', 'ALLOCATED', 'IN_PROGRESS'] AND a.dueDate >= $today AND a.dueDate <= $until
      WHEN 'REFERRED' THEN a.status = 'REFERRED'
      WHEN 'RESULTED' THEN a.status = 'RESULTED'
      WHEN 'STALE' THEN a.status IN ['RAISED', 'ALLOCATED', 'IN_PROGRESS'] AND a.updatedAt < $staleBefore
      ELSE false END
    AND ($officerId IS NULL OR EXISTS { (a)-[:ALLOCATED_TO]->(:Officer {id: $officerId}) })
  WITH a ORDER BY CASE a.priority WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END, a.dueDate, a.seq
  WITH collect(properties(a)) AS queued
  RETURN size(queued) AS total, queued[$skip..($skip + $limit)] AS page
}
RETURN opId AS parentId, page, total
