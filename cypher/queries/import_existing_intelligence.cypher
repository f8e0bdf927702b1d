// Intelligence items an import batch is about to write, by URN. URNs are
// unique across operations, so an item of another operation, or one the
// actor may not see (__VISIBLE__: clearance, handling code), is still
// found, since the batch cannot create its URN again; it is reported only
// as taken (visible false), without its properties or a lock, and the
// importer refuses its rows with the same words whatever the reason.
UNWIND $keys AS key
MATCH (n:IntelligenceItem {urn: key})
USING INDEX n:IntelligenceItem(urn)
WITH key, n, coalesce(n.operationId = $operationId, false) AND __VISIBLE(n)__ AS visible
FOREACH (_ IN CASE WHEN visible THEN [1] ELSE [] END | SET n.version = n.version)
RETURN key, visible,
       CASE WHEN visible THEN properties(n) END AS props,
       CASE WHEN visible THEN [(n)-[r:MENTIONS|RAISED_FROM]->(m:Keyed) WHERE __VISIBLE(m)__ | {type: type(r), to: m.id, role: r.role}] END AS rels
