// Links carry the marks of their sources (keyline.SourceMark, kept by
// every write that sets a link's sources), so need to know can hide a link
// that rests only on material the reader may not see (docs/SECURITY.md).
// Backfill the links written before, idempotently (links without marks).
MATCH ()-[r:ASSOCIATE_OF|USES|RESIDES_AT|FREQUENTS|DRIVES|REGISTERED_KEEPER|MEMBER_OF|PRESENT_AT|INVOLVED_IN|CONTACTED|OPERATES_FROM]->()
WHERE r.sourceMarks IS NULL
CALL {
  WITH r
  CALL {
    WITH r
    UNWIND coalesce(r.sources, []) AS sid
    MATCH (s:Keyed {id: sid})
    RETURN collect(DISTINCT __SOURCE_MARK(s)__) AS marks
  }
  SET r.sourceMarks = marks
} IN TRANSACTIONS OF 10000 ROWS;
