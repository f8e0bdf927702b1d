// Raise an action with the operation's next A-number. Incrementing the
// counter on the Operation node takes its write lock, so concurrent raises
// queue here and numbers have no gaps and no duplicates. Without a given
// due date, the operation's SIO policy for the priority sets it.
MATCH (o:Keyed:Operation {id: $operationId})
SET o.actionSeq = coalesce(o.actionSeq, 0) + 1
WITH o, o.actionSeq AS seq
CREATE (a:Keyed:Action)
SET a = $props, a.seq = seq, a.number = 'A' + toString(seq), a.label = 'A' + toString(seq),
    a.searchText = toLower('A' + toString(seq) + ' ') + a.searchText,
    a.dueDate = coalesce(a.dueDate, date(datetime() + CASE a.priority
      WHEN 'HIGH' THEN duration({hours: coalesce(o.policyHighHours, 24)})
      WHEN 'MEDIUM' THEN duration({days: coalesce(o.policyMediumDays, 7)})
      ELSE duration({days: coalesce(o.policyLowDays, 28)}) END))
RETURN properties(a) AS props
