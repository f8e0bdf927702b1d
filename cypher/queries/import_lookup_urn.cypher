// Resolve intelligence items cited by URN (link sources, actions raised
// from them). Only items of the operation that the actor sees
// (__VISIBLE__: clearance, handling code) are found: any other looks
// exactly like a missing one, and nothing of it is returned. The marking
// comes back so the importer can apply keyline.Actor.Sees as well.
UNWIND $keys AS key
MATCH (n:IntelligenceItem {urn: key})
USING INDEX n:IntelligenceItem(urn)
WHERE n.operationId = $operationId AND __VISIBLE(n)__
RETURN key, n.id AS id, n.operationId AS operationId,
       n.classification AS classification, n.gradeHandling AS gradeHandling
