// Versions of the migrations already applied.
MATCH (m:Migration)
RETURN m.version AS version, m.checksum AS checksum
