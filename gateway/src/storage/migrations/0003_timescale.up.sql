-- fleetwire:requires timescaledb
-- Runs only where the timescaledb extension is available; the runner creates
-- the extension first. Policies take configured intervals, so they are
-- applied at start-up by storage/timescale.ts, not here.
SELECT create_hypertable('telemetry', by_range('ts', INTERVAL '1 day'), migrate_data => true);
SELECT create_hypertable('vehicle_events', by_range('ts', INTERVAL '7 days'), migrate_data => true);
SELECT create_hypertable('diagnostic_events', by_range('ts', INTERVAL '7 days'), migrate_data => true);

-- Chunks are dropped whole by the retention policy; the purge index is dead weight.
DROP INDEX telemetry_ts_brin;

ALTER TABLE telemetry SET (
  timescaledb.compress,
  timescaledb.compress_segmentby = 'vehicle_key',
  timescaledb.compress_orderby = 'signal_id, ts DESC'
);

-- materialized_only = false: buckets newer than the last refresh are computed
-- from raw rows at query time, so rollups never lag behind ingest.
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
FROM telemetry
GROUP BY vehicle_key, signal_id, bucket
WITH NO DATA;

CREATE INDEX telemetry_1m_series_idx ON telemetry_1m (vehicle_key, signal_id, bucket);
