// Phones of the operation entered through the API (no import key) with
// the numbers an import batch names (E.164, as both store them), so the
// import joins them rather than creating a second record per number.
// Every match is returned: more than one is ambiguous and the row is
// rejected. `adopt` takes the write locks of records the batch will
// change (it gives them their import key); references are only joined.
// Need to know: a record the actor may not see (__VISIBLE__) is never
// returned, counted or adopted.
UNWIND $keys AS key
MATCH (n:CommsDevice {number: key})
USING INDEX n:CommsDevice(number)
WHERE n.operationId = $operationId AND n.importRef IS NULL AND __VISIBLE(n)__
FOREACH (_ IN CASE WHEN $adopt THEN [1] ELSE [] END | SET n.version = n.version)
RETURN key, collect(properties(n)) AS matches
