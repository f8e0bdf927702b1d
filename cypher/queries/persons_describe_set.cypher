// Migration 0008's Go step, write half: each person's label and search
// text as keyline.Describe now gives them.
UNWIND $rows AS row
MATCH (p:Keyed {id: row.id})
WHERE p:Person
SET p.label = row.label, p.searchText = row.searchText
