// The operation an import writes into: it must exist and be open.
MATCH (o:Keyed:Operation {id: $operationId})
RETURN o.status AS status, coalesce(o.classification, 'OFFICIAL') AS classification
