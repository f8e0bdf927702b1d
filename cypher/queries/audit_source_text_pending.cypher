// Migration 0006's Go step: the next page, by id after $after, of audit
// events whose before or after still hold source-revealing text as a
// JSON string (the digest form is an object), to be scrubbed in Go.
MATCH (a:AuditEvent)
WHERE a.id > $after AND (a.before CONTAINS '"sourceText":"' OR a.after CONTAINS '"sourceText":"')
RETURN a.id AS id, a.before AS before, a.after AS after
ORDER BY id
LIMIT $limit
