// Identity: every record has a unique external id under the Keyed label.
CREATE CONSTRAINT keyed_id IF NOT EXISTS FOR (n:Keyed) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT operation_reference IF NOT EXISTS FOR (n:Operation) REQUIRE n.reference IS UNIQUE;
CREATE CONSTRAINT officer_collar IF NOT EXISTS FOR (n:Officer) REQUIRE n.collarNumber IS UNIQUE;
CREATE CONSTRAINT officer_subject IF NOT EXISTS FOR (n:Officer) REQUIRE n.subject IS UNIQUE;
CREATE CONSTRAINT intelligence_urn IF NOT EXISTS FOR (n:IntelligenceItem) REQUIRE n.urn IS UNIQUE;
// HOLMES2 numbering: one A-number per operation.
CREATE CONSTRAINT action_number IF NOT EXISTS FOR (n:Action) REQUIRE (n.operationId, n.number) IS UNIQUE;
// Exhibit references (initials/sequence) are unique within an operation.
CREATE CONSTRAINT exhibit_reference IF NOT EXISTS FOR (n:Exhibit) REQUIRE (n.operationId, n.reference) IS UNIQUE;
CREATE CONSTRAINT audit_id IF NOT EXISTS FOR (n:AuditEvent) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (n:Migration) REQUIRE n.version IS UNIQUE;
CREATE CONSTRAINT service_account_id IF NOT EXISTS FOR (n:ServiceAccount) REQUIRE n.id IS UNIQUE;
