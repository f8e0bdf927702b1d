// Intelligence items an import batch is about to write, by URN. URNs are
// unique across operations, so the caller checks operationId itself and
// treats an item of another operation like any other taken unique value.
UNWIND $keys AS key
MATCH (n:IntelligenceItem {urn: key})
USING INDEX n:IntelligenceItem(urn)
SET n.version = n.version
RETURN key, properties(n) AS props,
       [(n)-[r:MENTIONS|RAISED_FROM]->(m:Keyed) | {type: type(r), to: m.id, role: r.role}] AS rels
