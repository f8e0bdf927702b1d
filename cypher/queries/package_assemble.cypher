// Everything a level 2 target package (NIM subject profile) shows about a
// target's subject, in one round trip: activity, lifestyle, associations,
// the intelligence picture (with whether evidence supports each item),
// actions and evidence, and people in the network with warning markers.
// Each section is bounded, and holds only links and records the caller
// sees. Actions (and their exhibits) are the operation's, but are listed
// here only when raised from intelligence about the subject that the
// caller sees: one resting on a hidden item would say that hidden
// intelligence mentions the subject.
MATCH (t:Keyed:Target {id: $targetId})-[:SUBJECT]->(s:Keyed)
WHERE __VISIBLE(t)__ AND __VISIBLE(s)__
CALL {
  WITH s
  MATCH (s)-[r:PRESENT_AT|INVOLVED_IN]->(e:Event)
  WHERE __LINK_VISIBLE(r)__ AND __VISIBLE(e)__
  WITH s, r, e ORDER BY e.occurredAt DESC LIMIT 200
  RETURN collect({type: type(r), props: properties(r), from: s.id, to: e.id, labels: labels(e), other: properties(e)}) AS activity
}
CALL {
  WITH s
  MATCH (s)-[r:__LIFESTYLE_LINK_TYPES__]->(x:Keyed)
  WHERE __LINK_VISIBLE(r)__ AND __VISIBLE(x)__
  WITH s, r, x ORDER BY coalesce(r.lastSeen, r.firstSeen) DESC LIMIT 200
  RETURN collect({type: type(r), props: properties(r), from: s.id, to: x.id, labels: labels(x), other: properties(x)}) AS lifestyle
}
CALL {
  WITH s
  MATCH (s)-[r:ASSOCIATE_OF|MEMBER_OF]-(x:Keyed)
  WHERE __VISIBLE(x)__ AND __LINK_VISIBLE(r)__
  WITH r, x ORDER BY r.confidence DESC, x.id LIMIT 200
  RETURN collect({type: type(r), props: properties(r), from: startNode(r).id, to: endNode(r).id, labels: labels(x), other: properties(x)}) AS associations
}
CALL {
  WITH s
  MATCH (s)<-[:MENTIONS]-(i:IntelligenceItem)
  WHERE __MARKED(i)__
  WITH i ORDER BY i.receivedAt DESC
  WITH collect(i) AS all_items
  RETURN size(all_items) AS itemCount,
         [i IN all_items[..300] | {item: properties(i),
           corroborated: EXISTS { (i)<-[:OBTAINED_BY|RAISED_FROM|DERIVED_FROM*1..6]-(:Exhibit) }}] AS items
}
CALL {
  WITH s, t
  MATCH (a:Action)-[:RAISED_FROM]->(x:Keyed)
  WHERE x = t OR (x:IntelligenceItem AND __MARKED(x)__ AND EXISTS { (x)-[:MENTIONS]->(s) })
  WITH DISTINCT a ORDER BY a.seq LIMIT 500
  RETURN collect(properties(a)) AS actions
}
CALL {
  WITH s, t
  MATCH (ex:Exhibit)-[:OBTAINED_BY]->(a:Action)-[:RAISED_FROM]->(x:Keyed)
  WHERE x = t OR (x:IntelligenceItem AND __MARKED(x)__ AND EXISTS { (x)-[:MENTIONS]->(s) })
  WITH DISTINCT ex ORDER BY ex.reference LIMIT 200
  RETURN collect(properties(ex)) AS evidence
}
RETURN properties(t) AS target, labels(s) AS subjectLabels, properties(s) AS subject,
       activity, lifestyle, associations, itemCount, items, actions, evidence
