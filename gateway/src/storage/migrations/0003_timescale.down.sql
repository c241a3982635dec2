-- A hypertable cannot be turned back into a table: copy each one into a
-- plain table of the 0002 shape (this decompresses) and swap it in.
DROP MATERIALIZED VIEW telemetry_1m;

CREATE TABLE telemetry_plain (
  vehicle_key integer NOT NULL,
  signal_id   smallint NOT NULL,
  ts          timestamptz NOT NULL,
  value       double precision NOT NULL
);
INSERT INTO telemetry_plain SELECT vehicle_key, signal_id, ts, value FROM telemetry;
DROP TABLE telemetry;
ALTER TABLE telemetry_plain RENAME TO telemetry;
ALTER TABLE telemetry ADD PRIMARY KEY (vehicle_key, signal_id, ts);
CREATE INDEX telemetry_ts_brin ON telemetry USING brin (ts) WITH (autosummarize = on);

CREATE TABLE vehicle_events_plain (
  vehicle_key integer NOT NULL,
  ts          timestamptz NOT NULL,
  kind        text NOT NULL,
  session     integer,
  detail      jsonb NOT NULL DEFAULT '{}'
);
INSERT INTO vehicle_events_plain SELECT vehicle_key, ts, kind, session, detail FROM vehicle_events;
DROP TABLE vehicle_events;
ALTER TABLE vehicle_events_plain RENAME TO vehicle_events;
ALTER TABLE vehicle_events ADD PRIMARY KEY (vehicle_key, ts, kind);

CREATE TABLE diagnostic_events_plain (
  vehicle_key  integer NOT NULL,
  ts           timestamptz NOT NULL,
  code         text NOT NULL,
  action       text NOT NULL,
  ecu_id       text NOT NULL,
  status       smallint NOT NULL,
  freeze_frame jsonb NOT NULL DEFAULT '[]',
  received_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO diagnostic_events_plain
  SELECT vehicle_key, ts, code, action, ecu_id, status, freeze_frame, received_at FROM diagnostic_events;
DROP TABLE diagnostic_events;
ALTER TABLE diagnostic_events_plain RENAME TO diagnostic_events;
ALTER TABLE diagnostic_events ADD PRIMARY KEY (vehicle_key, ts, code, action);
