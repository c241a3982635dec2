ALTER TABLE telemetry_batches DROP COLUMN span_ms;
