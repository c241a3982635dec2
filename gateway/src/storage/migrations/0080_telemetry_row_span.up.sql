-- Time from a batch row's earliest sample (ts) to its latest, in ms. The
-- rollup reads a closed minute from the rows that can hold its samples:
-- without the span that is every row up to 10 minutes back (the longest row),
-- whose sample arrays it had to unnest to find out; with it, rows ending
-- before the minute are skipped unread. Rows written before this column
-- existed get the longest span, which is always safe.
ALTER TABLE telemetry_batches ADD COLUMN span_ms integer NOT NULL DEFAULT 600000;
