// Append audit events. Nothing in Keyline updates or deletes an AuditEvent.
UNWIND $events AS e
CREATE (a:AuditEvent)
SET a = e
RETURN count(a) AS recorded
