-- Per-minute aggregates of telemetry samples, the same table on plain
-- PostgreSQL and TimescaleDB (a continuous aggregate cannot unnest the batch
-- arrays). Filled by the gateway (storage/telemetry-rollup.repository.ts).
--
-- Width 1 minute: a vehicle reporting a signal once a second has 43,200
-- rollup rows for a 30-day chart of that signal (60x fewer than raw samples),
-- one range scan of this primary key; 5 minutes would read 8,640 but could
-- not serve the 60-second buckets the history route offers.
-- last_t/last_v: the bucket's newest sample, so `last` needs no raw rows.
CREATE TABLE telemetry_rollup (
  vehicle_key integer NOT NULL,
  signal_id   smallint NOT NULL,
  bucket      timestamptz NOT NULL,
  min         double precision NOT NULL,
  max         double precision NOT NULL,
  sum         double precision NOT NULL,
  count       integer NOT NULL,
  last_t      double precision NOT NULL,
  last_v      double precision NOT NULL,
  PRIMARY KEY (vehicle_key, signal_id, bucket)
);

-- Progress: 'marked' = batches with ts below it are recorded as late by the
-- writer; 'done' = every bucket below it is aggregated (done <= marked).
CREATE TABLE telemetry_rollup_state (
  name text PRIMARY KEY CHECK (name IN ('marked', 'done')),
  at   timestamptz NOT NULL
);
INSERT INTO telemetry_rollup_state VALUES ('marked', '-infinity'), ('done', '-infinity');

-- Vehicles whose rollup buckets in [from_ts, to_ts) need aggregating again:
-- batches stored after their time range was aggregated (store-and-forward),
-- samples deleted (privacy). gen changes on every mark, so the job clears
-- only marks it has re-aggregated.
CREATE TABLE telemetry_rollup_dirty (
  vehicle_key integer PRIMARY KEY,
  from_ts     timestamptz NOT NULL,
  to_ts       timestamptz NOT NULL,
  gen         bigint NOT NULL DEFAULT 0
);
