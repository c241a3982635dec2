-- Telemetry as one row per vehicle message (samples as arrays) in daily
-- range partitions. The per-sample table inserted one entry per sample into
-- one ever-growing primary-key B-tree: ~580k samples/s at 5M rows fell to
-- ~150k/s at 40M. A batch row costs one tuple and one key for ~25 samples,
-- and each day's partition has its own small index.
--
-- The old table is kept as telemetry_legacy; the gateway moves its rows in
-- bounded batches (storage/telemetry-legacy.ts) and drops it when empty.
ALTER TABLE telemetry RENAME TO telemetry_legacy;

-- Row key: vehicle, earliest sample, digest of the content. A message
-- delivered twice yields the same row (telemetry-rows.core.ts), so replays
-- insert nothing. offsets_ms: sample time minus ts (0 .. 10 minutes).
CREATE TABLE telemetry_batches (
  vehicle_key integer NOT NULL,
  ts          timestamptz NOT NULL,
  digest      integer NOT NULL,
  signal_ids  smallint[] NOT NULL,
  offsets_ms  integer[] NOT NULL,
  vals        double precision[] NOT NULL,
  PRIMARY KEY (vehicle_key, ts, digest)
) PARTITION BY RANGE (ts);
-- Catches samples outside the partitions created ahead (very late or far
-- future data); creating a partition later moves its rows out of here.
CREATE TABLE telemetry_batches_default PARTITION OF telemetry_batches DEFAULT;

-- Newest sample of every signal per vehicle, arrays sorted by signal id:
-- latest values and the fleet map read one row per vehicle instead of
-- searching the history. Written with every batch (telemetry_latest_merge).
CREATE TABLE telemetry_latest (
  vehicle_key integer PRIMARY KEY,
  signal_ids  smallint[] NOT NULL,
  ts          timestamptz[] NOT NULL,
  vals        double precision[] NOT NULL
);

-- Union of two latest sets, newest per signal (ties keep the stored one).
CREATE FUNCTION telemetry_latest_merge(a_s smallint[], a_t timestamptz[], a_v double precision[],
                                       b_s smallint[], b_t timestamptz[], b_v double precision[],
                                       OUT signal_ids smallint[], OUT ts timestamptz[], OUT vals double precision[])
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_agg(m.s ORDER BY m.s), array_agg(m.t ORDER BY m.s), array_agg(m.v ORDER BY m.s)
  FROM (SELECT DISTINCT ON (u.s) u.s, u.t, u.v
        FROM (SELECT s, t, v, 0 AS src FROM unnest(a_s, a_t, a_v) AS a(s, t, v)
              UNION ALL
              SELECT s, t, v, 1 FROM unnest(b_s, b_t, b_v) AS b(s, t, v)) u
        ORDER BY u.s, u.t DESC, u.src) m
$$;

-- One row per sample, for ad-hoc queries and tests. It cannot prune by the
-- sample's time: the gateway's queries bound telemetry_batches.ts instead.
CREATE VIEW telemetry_samples AS
  SELECT b.vehicle_key, u.signal_id, b.ts + u.offset_ms * interval '1 millisecond' AS ts, u.value
  FROM telemetry_batches b, unnest(b.signal_ids, b.offsets_ms, b.vals) AS u(signal_id, offset_ms, value);
