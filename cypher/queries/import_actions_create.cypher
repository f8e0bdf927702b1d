// Create the new actions of an import batch, numbered in file order from
// the operation's counter. Raising the counter once for the whole batch
// takes the operation's write lock, so numbers have no gaps or duplicates
// against actions raised through the API meanwhile. Without a due date the
// operation's SIO policy for the priority sets it, as action_raise does.
MATCH (o:Keyed:Operation {id: $operationId})
WITH o, coalesce(o.actionSeq, 0) AS base
SET o.actionSeq = base + size($rows)
WITH o, base
UNWIND range(0, size($rows) - 1) AS i
WITH o, base + i + 1 AS seq, $rows[i] AS row
CREATE (a:Keyed:Action)
SET a = row, a.operationId = $operationId, a.createdAt = $now, a.updatedAt = $now,
    a.updatedBy = $actor, a.version = 1, a.seq = seq, a.number = 'A' + toString(seq), a.label = 'A' + toString(seq),
    a.searchText = toLower('A' + toString(seq) + ' ') + a.searchText,
    a.dueDate = coalesce(a.dueDate, date(datetime() + CASE a.priority
      WHEN 'HIGH' THEN duration({hours: coalesce(o.policyHighHours, 24)})
      WHEN 'MEDIUM' THEN duration({days: coalesce(o.policyMediumDays, 7)})
      ELSE duration({days: coalesce(o.policyLowDays, 28)}) END))
RETURN count(a) AS created
