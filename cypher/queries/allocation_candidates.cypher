// Officers who may take an action of this operation (members who work
// actions), with their open actions across all operations by priority.
MATCH (o:Officer)-[:MEMBER]->(:Operation {id: $operationId})
WHERE o.role IN ['INVESTIGATOR', 'ANALYST', 'ACTION_MANAGER', 'DEPUTY_SIO']
OPTIONAL MATCH (a:Action)-[:ALLOCATED_TO]->(o)
WHERE a.status IN ['RAISED', 'ALLOCATED', 'IN_PROGRESS']
WITH o,
     sum(CASE a.priority WHEN 'HIGH' THEN 1 ELSE 0 END) AS high,
     sum(CASE a.priority WHEN 'MEDIUM' THEN 1 ELSE 0 END) AS medium,
     sum(CASE a.priority WHEN 'LOW' THEN 1 ELSE 0 END) AS low
RETURN properties(o) AS officer, high, medium, low
