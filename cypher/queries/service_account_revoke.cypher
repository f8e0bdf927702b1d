// Revoke a service account: its key stops working at once.
MATCH (s:ServiceAccount {id: $id})
SET s.revoked = true, s.revokedAt = $now, s.revokedBy = $actor
RETURN properties(s) AS props
