// Apply the fields an import row changes to an existing record and
// advance its version once. Rows whose fields are unchanged are never
// sent, so a re-run leaves versions alone.
UNWIND $rows AS row
MATCH (n:Keyed {id: row.id})
USING INDEX n:Keyed(id)
SET n += row.set, n.version = n.version + 1, n.updatedAt = $now, n.updatedBy = $actor
RETURN count(n) AS updated
