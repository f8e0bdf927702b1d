// One page of intelligence items for each operation asked, filtered by
// grading and dates, with the total. Only classifications the caller is
// cleared for are counted or returned.
UNWIND $operationIds AS opId
CALL {
  WITH opId
  MATCH (n:IntelligenceItem {operationId: opId})
  WHERE __MEMBER(opId)__
    AND __MARKED(n)__
    AND ($search IS NULL OR n.searchText CONTAINS $search)
    AND ($source IS NULL OR n.gradeSource = $source)
    AND ($assessment IS NULL OR n.gradeAssessment = $assessment)
    AND ($handlingCode IS NULL OR n.gradeHandling = $handlingCode)
    AND ($receivedAfter IS NULL OR n.receivedAt >= $receivedAfter)
    AND ($receivedBefore IS NULL OR n.receivedAt < $receivedBefore)
  WITH n
  ORDER BY
    CASE WHEN $desc THEN null ELSE n[$orderBy] END ASC,
    CASE WHEN $desc THEN n[$orderBy] END DESC,
    n.id ASC
  SKIP $skip LIMIT $limit
  RETURN collect(properties(n)) AS page
}
CALL {
  WITH opId
  MATCH (n:IntelligenceItem {operationId: opId})
  WHERE __MEMBER(opId)__
    AND __MARKED(n)__
    AND ($search IS NULL OR n.searchText CONTAINS $search)
    AND ($source IS NULL OR n.gradeSource = $source)
    AND ($assessment IS NULL OR n.gradeAssessment = $assessment)
    AND ($handlingCode IS NULL OR n.gradeHandling = $handlingCode)
    AND ($receivedAfter IS NULL OR n.receivedAt >= $receivedAfter)
    AND ($receivedBefore IS NULL OR n.receivedAt < $receivedBefore)
  RETURN count(n) AS total
}
RETURN opId AS parentId, page, total
