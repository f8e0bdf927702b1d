// Migration 0006's Go step: write back the scrubbed before/after of
// events (the one change ever made to a stored AuditEvent's values).
UNWIND $events AS e
MATCH (a:AuditEvent {id: e.id})
SET a.before = e.before, a.after = e.after
RETURN count(a) AS scrubbed
