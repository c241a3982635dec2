DROP TABLE IF EXISTS incident_owner_notices;
DROP TABLE IF EXISTS incident_events;
DROP TABLE IF EXISTS incident_vehicles;
DROP TABLE IF EXISTS incidents;
DROP INDEX IF EXISTS vehicles_country_idx;
ALTER TABLE vehicles DROP COLUMN IF EXISTS country;
