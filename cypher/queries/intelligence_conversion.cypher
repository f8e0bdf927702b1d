// How much of an operation's intelligence was developed into actions and
// converted into evidence.
MATCH (i:IntelligenceItem {operationId: $operationId})
WHERE __OPERATION_VISIBLE($operationId)__ AND __MARKED(i)__
RETURN count(i) AS items,
       count(CASE WHEN EXISTS { (:Action)-[:RAISED_FROM]->(i) } THEN 1 END) AS developed,
       count(CASE WHEN EXISTS { (i)<-[:OBTAINED_BY|RAISED_FROM|DERIVED_FROM*1..12]-(:Exhibit) } THEN 1 END) AS evidenced
