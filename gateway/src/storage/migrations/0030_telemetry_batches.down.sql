-- Back to one row per sample. The legacy table may already be gone (its
-- rows migrated); recreate it in the 0002 shape then.
CREATE TABLE IF NOT EXISTS telemetry_legacy (
  vehicle_key integer NOT NULL,
  signal_id   smallint NOT NULL,
  ts          timestamptz NOT NULL,
  value       double precision NOT NULL,
  PRIMARY KEY (vehicle_key, signal_id, ts)
);
INSERT INTO telemetry_legacy (vehicle_key, signal_id, ts, value)
  SELECT b.vehicle_key, u.s, b.ts + u.o * interval '1 millisecond', u.v
  FROM telemetry_batches b, unnest(b.signal_ids, b.offsets_ms, b.vals) AS u(s, o, v)
  ON CONFLICT DO NOTHING;
DROP VIEW telemetry_samples;
DROP TABLE telemetry_batches;
DROP TABLE telemetry_latest;
DROP FUNCTION telemetry_latest_merge;
ALTER TABLE telemetry_legacy RENAME TO telemetry;
