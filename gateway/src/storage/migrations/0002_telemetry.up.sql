-- The primary key is both the idempotency key (replayed batches insert
-- nothing) and the index behind latest/history. No foreign key to vehicles:
-- its per-row check is too expensive at the ingest rate.
CREATE TABLE telemetry (
  vehicle_key integer NOT NULL,
  signal_id   smallint NOT NULL,
  ts          timestamptz NOT NULL,
  value       double precision NOT NULL,
  PRIMARY KEY (vehicle_key, signal_id, ts)
);
-- Lets the plain-PostgreSQL retention purge find old rows without scanning
-- the table; BRIN costs next to nothing on insert for time-ordered data.
CREATE INDEX telemetry_ts_brin ON telemetry USING brin (ts) WITH (autosummarize = on);

-- kind: birth | death | connect | disconnect
CREATE TABLE vehicle_events (
  vehicle_key integer NOT NULL,
  ts          timestamptz NOT NULL,
  kind        text NOT NULL,
  session     integer,
  detail      jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (vehicle_key, ts, kind)
);

CREATE TABLE diagnostic_events (
  vehicle_key  integer NOT NULL,
  ts           timestamptz NOT NULL,
  code         text NOT NULL,
  action       text NOT NULL,
  ecu_id       text NOT NULL,
  status       smallint NOT NULL,
  freeze_frame jsonb NOT NULL DEFAULT '[]',
  received_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (vehicle_key, ts, code, action)
);
