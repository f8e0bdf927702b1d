// Bulk-create __REL__ links. Each end is found by one seek on the keyed_id
// unique constraint per row; a row whose end is missing creates nothing, so
// the caller compares `created` with the rows it sent. `SET r = row.props`
// plans an Eager (the planner cannot tell the map will not write the ids
// matched on); naming each property removes it but measured slower, so
// the batch is simply held once.
UNWIND $rows AS row
MATCH (a:Keyed {id: row.fromId})
MATCH (b:Keyed {id: row.toId})
CREATE (a)-[r:__REL__]->(b)
SET r = row.props
RETURN count(r) AS created
