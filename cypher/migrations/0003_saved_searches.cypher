// Saved link searches are listed per operation.
CREATE INDEX saved_search_operation IF NOT EXISTS FOR (n:SavedSearch) ON (n.operationId);
