// A target's reviews, newest first (at most 200).
MATCH (t:Keyed:Target {id: $targetId})-[:REVIEWED]->(rv:TargetReview)
WHERE __MEMBER(t.operationId)__
RETURN properties(rv) AS review
ORDER BY rv.reviewedAt DESC
LIMIT 200
