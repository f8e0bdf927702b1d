// Imports key records by the source system's reference within an
// operation (importRef), so re-running a file updates instead of
// duplicating. Records created through the API have no importRef, and a
// composite constraint ignores nodes missing any of its properties.
CREATE CONSTRAINT person_import_ref IF NOT EXISTS FOR (n:Person) REQUIRE (n.operationId, n.importRef) IS UNIQUE;
CREATE CONSTRAINT location_import_ref IF NOT EXISTS FOR (n:Location) REQUIRE (n.operationId, n.importRef) IS UNIQUE;
CREATE CONSTRAINT vehicle_import_ref IF NOT EXISTS FOR (n:Vehicle) REQUIRE (n.operationId, n.importRef) IS UNIQUE;
CREATE CONSTRAINT comms_import_ref IF NOT EXISTS FOR (n:CommsDevice) REQUIRE (n.operationId, n.importRef) IS UNIQUE;
CREATE CONSTRAINT action_import_ref IF NOT EXISTS FOR (n:Action) REQUIRE (n.operationId, n.importRef) IS UNIQUE;
