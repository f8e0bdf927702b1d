// Which of $ids are intelligence items or exhibits of the operation: the
// only records that may be cited as a link's provenance.
MATCH (s:Keyed)
WHERE s.id IN $ids AND (s:IntelligenceItem OR s:Exhibit) AND s.operationId = $operationId
RETURN collect(s.id) AS found
