-- Back to native partitions, and back to the state 0003 left: a per-sample
-- hypertable (now telemetry_legacy, recreated if its rows were migrated)
-- with its 1-minute continuous aggregate.
CREATE TABLE telemetry_batches_np (
  LIKE telemetry_batches INCLUDING DEFAULTS,
  PRIMARY KEY (vehicle_key, ts, digest)
) PARTITION BY RANGE (ts);
CREATE TABLE telemetry_batches_np_default PARTITION OF telemetry_batches_np DEFAULT;
INSERT INTO telemetry_batches_np SELECT * FROM telemetry_batches;
DROP VIEW telemetry_samples;
DROP TABLE telemetry_batches;
ALTER TABLE telemetry_batches_np RENAME TO telemetry_batches;
ALTER TABLE telemetry_batches_np_default RENAME TO telemetry_batches_default;
ALTER INDEX telemetry_batches_np_pkey RENAME TO telemetry_batches_pkey;
CREATE VIEW telemetry_samples AS
  SELECT b.vehicle_key, u.signal_id, b.ts + u.offset_ms * interval '1 millisecond' AS ts, u.value
  FROM telemetry_batches b, unnest(b.signal_ids, b.offsets_ms, b.vals) AS u(signal_id, offset_ms, value);

CREATE TABLE IF NOT EXISTS telemetry_legacy (
  vehicle_key integer NOT NULL,
  signal_id   smallint NOT NULL,
  ts          timestamptz NOT NULL,
  value       double precision NOT NULL,
  PRIMARY KEY (vehicle_key, signal_id, ts)
);
SELECT create_hypertable('telemetry_legacy', by_range('ts', INTERVAL '1 day'), if_not_exists => true, migrate_data => true);
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM timescaledb_information.hypertables
                 WHERE hypertable_schema = current_schema() AND hypertable_name = 'telemetry_legacy' AND compression_enabled) THEN
    ALTER TABLE telemetry_legacy SET (
      timescaledb.compress,
      timescaledb.compress_segmentby = 'vehicle_key',
      timescaledb.compress_orderby = 'signal_id, ts DESC'
    );
  END IF;
END
$$;

CREATE MATERIALIZED VIEW telemetry_1m
WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
SELECT vehicle_key,
       signal_id,
       time_bucket(INTERVAL '1 minute', ts) AS bucket,
       min(value) AS min_value,
       max(value) AS max_value,
       avg(value) AS avg_value,
       last(value, ts) AS last_value,
       count(*) AS sample_count
FROM telemetry_legacy
GROUP BY vehicle_key, signal_id, bucket
WITH NO DATA;
CREATE INDEX telemetry_1m_series_idx ON telemetry_1m (vehicle_key, signal_id, bucket);
