-- Audit trail of every remote diagnostic command: who asked what of which
-- vehicle, when, and what came back (or why it was refused or timed out).
CREATE TABLE diagnostic_commands (
  command_id   uuid PRIMARY KEY,
  vehicle_key  integer NOT NULL,
  requested_by text NOT NULL,
  requested_at timestamptz NOT NULL,
  kind         text NOT NULL,
  request      jsonb NOT NULL,
  status       text NOT NULL CHECK (status IN ('sent', 'succeeded', 'negative', 'timed_out', 'refused')),
  result       jsonb,
  responded_at timestamptz
);
CREATE INDEX diagnostic_commands_vehicle_idx ON diagnostic_commands (vehicle_key, requested_at DESC);
