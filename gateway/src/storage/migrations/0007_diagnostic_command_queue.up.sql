-- Commands for a vehicle that is offline or asleep can wait for it to wake
-- up (queued), until they expire. The queue is the table itself, so it
-- survives restarts and two gateways never send one command twice.
ALTER TABLE diagnostic_commands DROP CONSTRAINT diagnostic_commands_status_check;
ALTER TABLE diagnostic_commands ADD CONSTRAINT diagnostic_commands_status_check
  CHECK (status IN ('queued', 'sent', 'succeeded', 'negative', 'timed_out', 'refused', 'expired'));
ALTER TABLE diagnostic_commands ADD COLUMN expires_at timestamptz;
CREATE INDEX diagnostic_commands_queued_idx ON diagnostic_commands (vehicle_key, requested_at) WHERE status = 'queued';
