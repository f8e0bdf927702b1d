// Resolve intelligence items cited by URN (link sources, mentions,
// actions raised from them), with what the caller needs to check they
// belong to the operation and are within the actor's clearance.
UNWIND $keys AS key
MATCH (n:IntelligenceItem {urn: key})
USING INDEX n:IntelligenceItem(urn)
RETURN key, n.id AS id, n.operationId AS operationId,
       coalesce(n.classification, 'OFFICIAL') AS classification
