// Links carry the marks of their sources (keyline.SourceMark) and the two
// levels need to know compares (keyline.LinkLevels), kept by every write
// that sets a link's sources, so that a link resting only on material the
// reader may not see is hidden (docs/SECURITY.md). The links written before
// are backfilled by this migration's Go step (dataSteps: backfillLinkLevels,
// a page of records at a time, as one statement over every link would hold
// them all in one transaction).
