-- Engineers' verdicts on resolved alerts: was the fault real (and which part
-- was found), a false alarm, or could it not be verified. One verdict per
-- alert (the latest wins); rule_id is copied so per-rule precision needs no join.
CREATE TABLE alert_verdicts (
  alert_id   uuid PRIMARY KEY REFERENCES alerts (alert_id) ON DELETE CASCADE,
  rule_id    text NOT NULL,
  outcome    text NOT NULL CHECK (outcome IN ('confirmed', 'false-alarm', 'not-verified')),
  part       text,
  decided_by text NOT NULL,
  decided_at timestamptz NOT NULL
);
CREATE INDEX alert_verdicts_rule_idx ON alert_verdicts (rule_id, decided_at);
