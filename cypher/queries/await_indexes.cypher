// Block until every index is online (after migrations), at most 300 s.
CALL db.awaitIndexes(300)
