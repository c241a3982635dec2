DROP INDEX IF EXISTS telemetry_batches_ts_brin;
