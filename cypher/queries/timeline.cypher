// The dated events the given entities are themselves linked to
// (PRESENT_AT or INVOLVED_IN; not the events of the phones they use,
// which are the phone's and not its user's), and the contacts of the
// phones they use (or of the entity itself, if it is a phone), in time
// order within [$from, $to].
//
// A contact is one time on a CONTACTED link: each of its contactTimes
// (the individual contacts an import recorded, at most the most recent
// cypher.MaxContactTimes) is its own entry at that time. A link holding
// no contact times (created through the API, or imported from summary
// rows) is one entry at its lastSeen. Every entry's time is within the
// window. The link is returned without its contactTimes (each entry has
// its own), so a busy pair's list is not sent once per entry.
UNWIND $ids AS sid
MATCH (s:Keyed {id: sid})
WHERE __VISIBLE(s)__
CALL {
  WITH s
  MATCH (s)-[p:PRESENT_AT|INVOLVED_IN]->(e:Event)
  WHERE __LINK_VISIBLE(p)__ AND __VISIBLE(e)__ AND ($from IS NULL OR e.occurredAt >= $from) AND ($to IS NULL OR e.occurredAt <= $to)
    AND ($kinds IS NULL OR e.kind IN $kinds)
  RETURN e.occurredAt AS at, 'EVENT' AS entry, properties(e) AS event, null AS link, null AS linkType, null AS fromId, null AS toId
  UNION
  WITH s
  MATCH (s)-[u:USES]->(d:CommsDevice)-[c:CONTACTED]-(o:CommsDevice)
  WHERE $includeContacts AND __LINK_VISIBLE(u)__ AND __LINK_VISIBLE(c)__ AND __VISIBLE(d)__ AND __VISIBLE(o)__
  UNWIND CASE WHEN size(coalesce(c.contactTimes, [])) > 0 THEN c.contactTimes ELSE [c.lastSeen] END AS at
  WITH c, at
  WHERE at IS NOT NULL AND ($from IS NULL OR at >= $from) AND ($to IS NULL OR at <= $to)
  RETURN at, 'CONTACT' AS entry, null AS event, c {.*, contactTimes: null} AS link, type(c) AS linkType, startNode(c).id AS fromId, endNode(c).id AS toId
  UNION
  WITH s
  MATCH (s)-[c:CONTACTED]-(o:CommsDevice)
  WHERE $includeContacts AND __LINK_VISIBLE(c)__ AND __VISIBLE(o)__
  UNWIND CASE WHEN size(coalesce(c.contactTimes, [])) > 0 THEN c.contactTimes ELSE [c.lastSeen] END AS at
  WITH c, at
  WHERE at IS NOT NULL AND ($from IS NULL OR at >= $from) AND ($to IS NULL OR at <= $to)
  RETURN at, 'CONTACT' AS entry, null AS event, c {.*, contactTimes: null} AS link, type(c) AS linkType, startNode(c).id AS fromId, endNode(c).id AS toId
}
WITH DISTINCT at, entry, event, link, linkType, fromId, toId
RETURN at, entry, event, link, linkType, fromId, toId
ORDER BY at, coalesce(event.id, link.id)
LIMIT $limit
