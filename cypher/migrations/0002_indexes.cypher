// Need to know: every list is scoped to an operation.
CREATE INDEX person_operation IF NOT EXISTS FOR (n:Person) ON (n.operationId);
CREATE INDEX organisation_operation IF NOT EXISTS FOR (n:Organisation) ON (n.operationId);
CREATE INDEX location_operation IF NOT EXISTS FOR (n:Location) ON (n.operationId);
CREATE INDEX vehicle_operation IF NOT EXISTS FOR (n:Vehicle) ON (n.operationId);
CREATE INDEX comms_operation IF NOT EXISTS FOR (n:CommsDevice) ON (n.operationId);
CREATE INDEX event_operation IF NOT EXISTS FOR (n:Event) ON (n.operationId);
CREATE INDEX target_operation IF NOT EXISTS FOR (n:Target) ON (n.operationId);
CREATE INDEX intelligence_operation IF NOT EXISTS FOR (n:IntelligenceItem) ON (n.operationId);
CREATE INDEX action_operation IF NOT EXISTS FOR (n:Action) ON (n.operationId);
CREATE INDEX exhibit_operation IF NOT EXISTS FOR (n:Exhibit) ON (n.operationId);
CREATE INDEX loe_operation IF NOT EXISTS FOR (n:LineOfEnquiry) ON (n.operationId);
CREATE INDEX decision_operation IF NOT EXISTS FOR (n:Decision) ON (n.operationId);
// Look-ups by natural key.
CREATE INDEX vehicle_vrm IF NOT EXISTS FOR (n:Vehicle) ON (n.vrm);
CREATE INDEX comms_number IF NOT EXISTS FOR (n:CommsDevice) ON (n.number);
CREATE INDEX person_pnc IF NOT EXISTS FOR (n:Person) ON (n.pncId);
CREATE INDEX location_postcode IF NOT EXISTS FOR (n:Location) ON (n.postcode);
CREATE INDEX event_occurred IF NOT EXISTS FOR (n:Event) ON (n.occurredAt);
CREATE INDEX intelligence_received IF NOT EXISTS FOR (n:IntelligenceItem) ON (n.receivedAt);
// Free-text search over a lower-cased summary of each record.
CREATE TEXT INDEX person_search IF NOT EXISTS FOR (n:Person) ON (n.searchText);
CREATE TEXT INDEX organisation_search IF NOT EXISTS FOR (n:Organisation) ON (n.searchText);
CREATE TEXT INDEX location_search IF NOT EXISTS FOR (n:Location) ON (n.searchText);
CREATE TEXT INDEX vehicle_search IF NOT EXISTS FOR (n:Vehicle) ON (n.searchText);
CREATE TEXT INDEX comms_search IF NOT EXISTS FOR (n:CommsDevice) ON (n.searchText);
CREATE TEXT INDEX officer_search IF NOT EXISTS FOR (n:Officer) ON (n.searchText);
// Links are found by id (updateLink, node(id:)): one index per link type.
CREATE INDEX link_associate_id IF NOT EXISTS FOR ()-[r:ASSOCIATE_OF]-() ON (r.id);
CREATE INDEX link_uses_id IF NOT EXISTS FOR ()-[r:USES]-() ON (r.id);
CREATE INDEX link_resides_id IF NOT EXISTS FOR ()-[r:RESIDES_AT]-() ON (r.id);
CREATE INDEX link_frequents_id IF NOT EXISTS FOR ()-[r:FREQUENTS]-() ON (r.id);
CREATE INDEX link_drives_id IF NOT EXISTS FOR ()-[r:DRIVES]-() ON (r.id);
CREATE INDEX link_keeper_id IF NOT EXISTS FOR ()-[r:REGISTERED_KEEPER]-() ON (r.id);
CREATE INDEX link_member_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.id);
CREATE INDEX link_present_id IF NOT EXISTS FOR ()-[r:PRESENT_AT]-() ON (r.id);
CREATE INDEX link_involved_id IF NOT EXISTS FOR ()-[r:INVOLVED_IN]-() ON (r.id);
CREATE INDEX link_contacted_id IF NOT EXISTS FOR ()-[r:CONTACTED]-() ON (r.id);
CREATE INDEX link_operates_id IF NOT EXISTS FOR ()-[r:OPERATES_FROM]-() ON (r.id);
// The audit trail is read by actor, by record and by time.
CREATE INDEX audit_actor IF NOT EXISTS FOR (n:AuditEvent) ON (n.actor);
CREATE INDEX audit_entity IF NOT EXISTS FOR (n:AuditEvent) ON (n.entityId);
CREATE INDEX audit_at IF NOT EXISTS FOR (n:AuditEvent) ON (n.at);
CREATE INDEX audit_operation IF NOT EXISTS FOR (n:AuditEvent) ON (n.operationId);
