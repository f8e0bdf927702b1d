// An action's lifecycle state and current allocation (inside the write
// transaction that changes it, after node_guard has locked it).
MATCH (a:Keyed:Action {id: $id})
OPTIONAL MATCH (a)-[:ALLOCATED_TO]->(o:Officer)
RETURN a.status AS status, a.priority AS priority, o.id AS allocatedTo
