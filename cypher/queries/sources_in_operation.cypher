// Which of $ids are intelligence items or exhibits of the operation that
// the caller sees: the only records that may be cited as a link's
// provenance. A hidden item is reported exactly as a missing one.
MATCH (s:Keyed)
WHERE s.id IN $ids AND (s:IntelligenceItem OR s:Exhibit) AND s.operationId = $operationId AND __MARKED(s)__
RETURN collect(s.id) AS found
