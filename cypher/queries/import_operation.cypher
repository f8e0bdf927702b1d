// The operation an import writes into: it must exist and be open.
MATCH (o:Operation {id: $operationId})
RETURN o.status AS status, coalesce(o.classification, 'OFFICIAL') AS classification
