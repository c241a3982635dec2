DROP INDEX diagnostic_commands_queued_idx;
UPDATE diagnostic_commands SET status = 'refused' WHERE status IN ('queued', 'expired');
ALTER TABLE diagnostic_commands DROP COLUMN expires_at;
ALTER TABLE diagnostic_commands DROP CONSTRAINT diagnostic_commands_status_check;
ALTER TABLE diagnostic_commands ADD CONSTRAINT diagnostic_commands_status_check
  CHECK (status IN ('sent', 'succeeded', 'negative', 'timed_out', 'refused'));
