// Raise an action with the operation's next A-number. Incrementing the
// counter on the Operation node takes its write lock, so concurrent raises
// queue here and numbers have no gaps and no duplicates.
MATCH (o:Operation {id: $operationId})
SET o.actionSeq = coalesce(o.actionSeq, 0) + 1
WITH o, o.actionSeq AS seq
CREATE (a:Keyed:Action)
SET a = $props, a.seq = seq, a.number = 'A' + toString(seq), a.label = 'A' + toString(seq),
    a.searchText = toLower('A' + toString(seq) + ' ') + a.searchText
RETURN properties(a) AS props
