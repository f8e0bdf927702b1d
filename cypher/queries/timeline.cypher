// The dated events of the given entities (and of the phones they use),
// and the contacts of those phones, in time order within [$from, $to].
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
  WHERE $includeContacts AND __LINK_VISIBLE(u)__ AND __LINK_VISIBLE(c)__ AND __VISIBLE(d)__ AND __VISIBLE(o)__ AND c.lastSeen IS NOT NULL
    AND ($from IS NULL OR c.lastSeen >= $from) AND ($to IS NULL OR coalesce(c.firstSeen, c.lastSeen) <= $to)
  RETURN c.lastSeen AS at, 'CONTACT' AS entry, null AS event, properties(c) AS link, type(c) AS linkType, startNode(c).id AS fromId, endNode(c).id AS toId
  UNION
  WITH s
  MATCH (s)-[c:CONTACTED]-(o:CommsDevice)
  WHERE $includeContacts AND __LINK_VISIBLE(c)__ AND __VISIBLE(o)__ AND c.lastSeen IS NOT NULL
    AND ($from IS NULL OR c.lastSeen >= $from) AND ($to IS NULL OR coalesce(c.firstSeen, c.lastSeen) <= $to)
  RETURN c.lastSeen AS at, 'CONTACT' AS entry, null AS event, properties(c) AS link, type(c) AS linkType, startNode(c).id AS fromId, endNode(c).id AS toId
}
WITH DISTINCT at, entry, event, link, linkType, fromId, toId
RETURN at, entry, event, link, linkType, fromId, toId
ORDER BY at, coalesce(event.id, link.id)
LIMIT $limit
