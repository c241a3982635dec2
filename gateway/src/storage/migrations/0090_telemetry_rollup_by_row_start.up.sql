-- The rollup job now reads each batch row once, by the minute it starts in,
-- and merges all its samples into their buckets (telemetry-rollup.repository.ts).
-- Before, a step overwrote whole buckets from every row that could reach
-- them, reading ten minutes of rows (the longest row span) for each minute.
--
-- Rows that started before the old job's bound ('done') and still have
-- samples after it were read only for their samples before it: their later
-- samples are marked for re-aggregation, once.
INSERT INTO telemetry_rollup_dirty AS d (vehicle_key, from_ts, to_ts)
SELECT b.vehicle_key, s.at, max(b.ts + (b.span_ms + 1) * interval '1 millisecond')
FROM telemetry_batches b, telemetry_rollup_state s
WHERE s.name = 'done' AND b.ts >= s.at - interval '600000 milliseconds' AND b.ts < s.at
  AND b.ts + b.span_ms * interval '1 millisecond' >= s.at
GROUP BY b.vehicle_key, s.at
ON CONFLICT (vehicle_key) DO UPDATE
  SET from_ts = least(d.from_ts, EXCLUDED.from_ts), to_ts = greatest(d.to_ts, EXCLUDED.to_ts), gen = d.gen + 1;

-- A step's rows are found by time. On native partitions only the primary key
-- (vehicle_key, ts, digest) indexes the day, which PostgreSQL reads whole
-- (or skips through vehicle by vehicle): a BRIN index on ts finds one minute
-- of an append-ordered day in a few block ranges, costs ingest next to
-- nothing, and autosummarize keeps the newest ranges summarised. TimescaleDB
-- hypertables have their own index on ts.
DO $$
BEGIN
  IF (SELECT relkind FROM pg_class WHERE oid = 'telemetry_batches'::regclass) = 'p' THEN
    CREATE INDEX telemetry_batches_ts_brin ON telemetry_batches USING brin (ts) WITH (autosummarize = on);
  END IF;
END $$;
