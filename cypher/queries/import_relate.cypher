// Add __REL__ structural relationships (an item's mentions, an action's
// sources) that an import row names and the record lacks or has with
// another role. Existing ones are never removed by an import.
UNWIND $rows AS row
MATCH (a:Keyed {id: row.fromId})
USING INDEX a:Keyed(id)
MATCH (b:Keyed {id: row.toId})
USING INDEX b:Keyed(id)
MERGE (a)-[r:__REL__]->(b)
SET r += row.props
RETURN count(r) AS related
