-- OTA. Artifacts are files on disk named by their SHA-256; this
-- is their metadata.
CREATE TABLE ota_artifacts (
  artifact_id        text PRIMARY KEY CHECK (artifact_id ~ '^[0-9a-f]{64}$'),
  ecu                text NOT NULL,
  hardware_ids       text[] NOT NULL,
  version            text NOT NULL,
  installs_over      text[] NOT NULL DEFAULT '{}',
  size               bigint NOT NULL,
  release_notes      jsonb NOT NULL DEFAULT '{}',
  install_duration_s integer NOT NULL DEFAULT 600,
  created_by         text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ota_campaigns (
  campaign_id     uuid PRIMARY KEY,
  name            text NOT NULL,
  state           text NOT NULL CHECK (state IN ('draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled')),
  artifact_ids    text[] NOT NULL,
  target          jsonb NOT NULL,
  plan            jsonb NOT NULL,
  requires_opt_in boolean NOT NULL DEFAULT false,
  recall_deadline timestamptz,
  current_wave    integer NOT NULL DEFAULT 0,
  waves           integer NOT NULL,
  awaiting_approval boolean NOT NULL DEFAULT false,
  pause_reason    text,
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Append-only: every campaign control, wave advance, pause and owner consent.
CREATE TABLE ota_campaign_events (
  campaign_id uuid NOT NULL,
  ts          timestamptz NOT NULL,
  kind        text NOT NULL,
  actor       text NOT NULL,
  detail      jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX ota_campaign_events_idx ON ota_campaign_events (campaign_id, ts);

-- Current state of one vehicle in one campaign (ota/rollout.core.ts); every
-- change is also an ota_update_events row.
CREATE TABLE ota_vehicle_updates (
  campaign_id    uuid NOT NULL REFERENCES ota_campaigns,
  vehicle_key    integer NOT NULL,
  wave           integer NOT NULL,
  state          text NOT NULL,
  reason         text,
  seq            integer NOT NULL DEFAULT 0,
  attempts       integer NOT NULL DEFAULT 0,
  from_versions  jsonb NOT NULL,
  to_versions    jsonb NOT NULL,
  compatibility  jsonb NOT NULL,
  offer_id       uuid,
  offer          jsonb,
  consent        jsonb,
  preconditions  jsonb,
  state_since    timestamptz NOT NULL,
  last_report_at timestamptz,
  next_retry_at  timestamptz,
  PRIMARY KEY (campaign_id, vehicle_key)
);
CREATE INDEX ota_vehicle_updates_state_idx ON ota_vehicle_updates (campaign_id, state, wave);
CREATE INDEX ota_vehicle_updates_vehicle_idx ON ota_vehicle_updates (vehicle_key);
CREATE UNIQUE INDEX ota_vehicle_updates_offer_idx ON ota_vehicle_updates (offer_id) WHERE offer_id IS NOT NULL;

-- Append-only history of every per-vehicle transition with its reason code
-- (UNECE R156 records). Hypertable on TimescaleDB (0011).
CREATE TABLE ota_update_events (
  campaign_id uuid NOT NULL,
  vehicle_key integer NOT NULL,
  seq         integer NOT NULL,
  ts          timestamptz NOT NULL,
  from_state  text NOT NULL,
  to_state    text NOT NULL,
  reason      text NOT NULL,
  source      text NOT NULL,
  detail      jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (campaign_id, vehicle_key, seq, ts)
);
CREATE INDEX ota_update_events_vehicle_idx ON ota_update_events (vehicle_key, ts);

CREATE FUNCTION ota_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER ota_update_events_append_only BEFORE UPDATE OR DELETE ON ota_update_events
  FOR EACH ROW EXECUTE FUNCTION ota_append_only();
CREATE TRIGGER ota_campaign_events_append_only BEFORE UPDATE OR DELETE ON ota_campaign_events
  FOR EACH ROW EXECUTE FUNCTION ota_append_only();

-- Fleet-owner opt-in per fleet or per vehicle (the latest decision; the
-- history is in ota_campaign_events).
CREATE TABLE ota_consents (
  campaign_id uuid NOT NULL REFERENCES ota_campaigns,
  scope_kind  text NOT NULL CHECK (scope_kind IN ('fleet', 'vehicle')),
  scope_id    text NOT NULL,
  decision    text NOT NULL CHECK (decision IN ('opted_in', 'opted_out')),
  decided_by  text NOT NULL,
  decided_at  timestamptz NOT NULL,
  PRIMARY KEY (campaign_id, scope_kind, scope_id)
);

-- Head-unit language and quiet hours per vehicle (defaults from config).
CREATE TABLE ota_vehicle_prefs (
  vehicle_key       integer PRIMARY KEY,
  language          text NOT NULL,
  quiet_start_minute integer NOT NULL CHECK (quiet_start_minute BETWEEN 0 AND 1439),
  quiet_end_minute  integer NOT NULL CHECK (quiet_end_minute BETWEEN 0 AND 1439)
);

-- Durable reminders: one row per escalation step. Claimed with
-- SELECT … FOR UPDATE SKIP LOCKED so that each fires once across gateways.
CREATE TABLE ota_reminders (
  campaign_id       uuid NOT NULL,
  vehicle_key       integer NOT NULL,
  number            integer NOT NULL,
  due_at            timestamptz NOT NULL,
  urgent            boolean NOT NULL DEFAULT false,
  status            text NOT NULL CHECK (status IN ('pending', 'fired', 'cancelled')),
  fired_at          timestamptz,
  delivered_at      timestamptz,
  PRIMARY KEY (campaign_id, vehicle_key, number)
);
CREATE INDEX ota_reminders_due_idx ON ota_reminders (due_at) WHERE status = 'pending';
CREATE INDEX ota_reminders_undelivered_idx ON ota_reminders (vehicle_key) WHERE status = 'fired' AND delivered_at IS NULL;

-- Outbox for the fleet owner (e-mail relay / webhook): one row per reminder.
CREATE TABLE ota_notifications (
  notification_key text PRIMARY KEY,
  channel          text NOT NULL CHECK (channel IN ('email', 'webhook')),
  fleet            text NOT NULL,
  campaign_id      uuid NOT NULL,
  vehicle_key      integer NOT NULL,
  payload          jsonb NOT NULL,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
  created_at       timestamptz NOT NULL
);
CREATE INDEX ota_notifications_pending_idx ON ota_notifications (created_at) WHERE status = 'pending';
