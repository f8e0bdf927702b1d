// Record a target review in one statement: the policy-file decision
// (authored by the reviewing officer), the immutable review with its
// snapshot of the package, and the target's new status.
MATCH (t:Keyed:Target {id: $targetId})
CREATE (d:Keyed:Decision)
SET d = $decision
WITH t, d
OPTIONAL MATCH (author:Keyed:Officer {id: $officerId})
FOREACH (_ IN CASE WHEN author IS NULL THEN [] ELSE [1] END | CREATE (d)-[:AUTHORED_BY]->(author))
CREATE (d)-[:REVIEWS]->(t)
CREATE (t)-[:REVIEWED]->(rv:TargetReview)
SET rv = $review, rv.decisionId = d.id
SET t += $set, t.version = t.version + 1, t.updatedAt = $now, t.updatedBy = $actor
RETURN properties(t) AS props
