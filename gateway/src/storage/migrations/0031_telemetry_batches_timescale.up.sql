-- fleetwire:requires timescaledb
-- On TimescaleDB the batch table is a hypertable (daily chunks, closed
-- chunks compressed per vehicle) instead of native partitions. The 1-minute
-- continuous aggregate of the per-sample table goes: a continuous aggregate
-- cannot unnest the sample arrays, and history buckets are computed from the
-- batch rows (one vehicle's rows are few and adjacent in the index).
DROP MATERIALIZED VIEW IF EXISTS telemetry_1m;

-- LIKE: the columns of whichever later migrations already ran (the extension
-- may be installed after them).
CREATE TABLE telemetry_batches_ht (
  LIKE telemetry_batches INCLUDING DEFAULTS,
  PRIMARY KEY (vehicle_key, ts, digest)
);
SELECT create_hypertable('telemetry_batches_ht', by_range('ts', INTERVAL '1 day'));
INSERT INTO telemetry_batches_ht SELECT * FROM telemetry_batches;
DROP VIEW telemetry_samples;
DROP TABLE telemetry_batches;
ALTER TABLE telemetry_batches_ht RENAME TO telemetry_batches;
ALTER INDEX telemetry_batches_ht_pkey RENAME TO telemetry_batches_pkey;
CREATE VIEW telemetry_samples AS
  SELECT b.vehicle_key, u.signal_id, b.ts + u.offset_ms * interval '1 millisecond' AS ts, u.value
  FROM telemetry_batches b, unnest(b.signal_ids, b.offsets_ms, b.vals) AS u(signal_id, offset_ms, value);

ALTER TABLE telemetry_batches SET (
  timescaledb.compress,
  timescaledb.compress_segmentby = 'vehicle_key',
  timescaledb.compress_orderby = 'ts DESC, digest'
);
