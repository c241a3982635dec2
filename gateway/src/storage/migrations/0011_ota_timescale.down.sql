CREATE TABLE ota_update_events_plain (LIKE ota_update_events INCLUDING ALL);
INSERT INTO ota_update_events_plain SELECT * FROM ota_update_events;
DROP TABLE ota_update_events;
ALTER TABLE ota_update_events_plain RENAME TO ota_update_events;
CREATE TRIGGER ota_update_events_append_only BEFORE UPDATE OR DELETE ON ota_update_events
  FOR EACH ROW EXECUTE FUNCTION ota_append_only();
