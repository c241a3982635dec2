-- Rules are documents (validated by rules/rule.schema.ts before they get here).
CREATE TABLE rules (
  rule_id    text PRIMARY KEY,
  doc        jsonb NOT NULL,
  enabled    boolean NOT NULL,
  builtin    boolean NOT NULL DEFAULT false,
  version    integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The current state of each alert (alerts/lifecycle.core.ts `Alert`, kept
-- whole in doc); the columns are what lists, filters and KPIs need. Every
-- change is also an alert_events row.
CREATE TABLE alerts (
  alert_id         uuid PRIMARY KEY,
  vehicle_key      integer NOT NULL,
  rule_id          text NOT NULL,
  severity         text NOT NULL,
  state            text NOT NULL CHECK (state IN ('open', 'acknowledged', 'resolved')),
  raised_at        timestamptz NOT NULL,
  acknowledged_at  timestamptz,
  resolved_at      timestamptz,
  seq              integer NOT NULL,
  doc              jsonb NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
-- At most one open (or acknowledged) alert per vehicle and rule.
CREATE UNIQUE INDEX alerts_one_active_idx ON alerts (vehicle_key, rule_id) WHERE state <> 'resolved';
CREATE INDEX alerts_queue_idx ON alerts (state, raised_at DESC);
CREATE INDEX alerts_vehicle_idx ON alerts (vehicle_key, raised_at DESC);

-- Append-only history of every alert transition (raise, reopen, acknowledge,
-- note, resolve). seq makes the idempotency key of notifications.
CREATE TABLE alert_events (
  alert_id  uuid NOT NULL,
  ts        timestamptz NOT NULL,
  seq       integer NOT NULL,
  kind      text NOT NULL,
  actor     text,
  note      text,
  detail    jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (alert_id, seq, ts)
);

-- Streaming rule state per vehicle, saved periodically so a restart resumes
-- evaluation instead of re-raising or missing alerts.
CREATE TABLE rule_state (
  vehicle_key integer PRIMARY KEY,
  state       jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhooks (
  webhook_id text PRIMARY KEY,
  url        text NOT NULL,
  secret     text NOT NULL,
  events     text[] NOT NULL,
  enabled    boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Durable outbox: one row per (notification, webhook). The primary key is
-- what guarantees at most one delivery record per transition.
CREATE TABLE webhook_deliveries (
  webhook_id     text NOT NULL,
  event_key      text NOT NULL,
  payload        jsonb NOT NULL,
  status         text NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts       integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error     text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  delivered_at   timestamptz,
  PRIMARY KEY (webhook_id, event_key)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
