// Action figures for one operation: counts by status and priority, overdue
// and open counts, hours from raising to result, and load per officer.
MATCH (a:Action {operationId: $operationId})
WHERE __OPERATION_VISIBLE($operationId)__
WITH collect(a) AS actions
WITH actions,
     [a IN actions WHERE a.status IN ['RAISED', 'ALLOCATED', 'IN_PROGRESS']] AS open
CALL {
  WITH actions
  UNWIND actions AS a
  WITH a.status AS key, count(*) AS count
  RETURN collect({key: key, count: count}) AS byStatus
}
CALL {
  WITH open
  UNWIND open AS a
  WITH a.priority AS key, count(*) AS count
  RETURN collect({key: key, count: count}) AS openByPriority
}
CALL {
  WITH actions
  UNWIND actions AS a
  WITH a WHERE a.resultedAt IS NOT NULL
  RETURN collect(duration.inSeconds(a.createdAt, a.resultedAt).seconds / 3600.0) AS hoursToResult
}
CALL {
  WITH open
  UNWIND open AS a
  MATCH (a)-[:ALLOCATED_TO]->(o:Officer)
  WITH o, count(a) AS openActions, sum(CASE WHEN a.dueDate < $today THEN 1 ELSE 0 END) AS overdue
  ORDER BY openActions DESC, o.name
  RETURN collect({officer: properties(o), openActions: openActions, overdue: overdue}) AS load
}
RETURN byStatus, openByPriority, size(open) AS open,
       size([a IN open WHERE a.dueDate < $today]) AS overdue,
       hoursToResult, load
