SELECT lo_unlink(oid) FROM ota_artifact_blobs;
DROP TABLE IF EXISTS ota_artifact_blobs;
DROP INDEX IF EXISTS vehicles_instance_idx;
DROP SEQUENCE IF EXISTS vehicle_session_epoch;
ALTER TABLE vehicles DROP COLUMN IF EXISTS session_epoch;
ALTER TABLE vehicles DROP COLUMN IF EXISTS instance_id;
DROP TABLE IF EXISTS gateway_instances;
