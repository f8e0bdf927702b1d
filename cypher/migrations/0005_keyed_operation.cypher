// Queries across kinds by operation (MOPI reviews due, counts) read this.
CREATE INDEX keyed_operation IF NOT EXISTS FOR (n:Keyed) ON (n.operationId);
