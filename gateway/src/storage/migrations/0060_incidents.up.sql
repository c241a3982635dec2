-- Safety incidents: a notice to every affected vehicle and its owners, with
-- per-vehicle proof of delivery, display, driver acknowledgement and repair.

-- Vehicles are sold into a country (ISO 3166-1 alpha-2); null for vehicles
-- provisioned before it was recorded.
ALTER TABLE vehicles ADD COLUMN country text CHECK (country IS NULL OR country ~ '^[A-Z]{2}$');
CREATE INDEX vehicles_country_idx ON vehicles (country, vehicle_id);

CREATE TABLE incidents (
  incident_id     uuid PRIMARY KEY,
  title           jsonb NOT NULL,   -- language tag -> text
  message         jsonb NOT NULL,   -- language tag -> text
  severity        text NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
  required_action text NOT NULL CHECK (required_action IN ('stop_driving', 'visit_centre', 'install_update', 'none')),
  affected        jsonb NOT NULL,   -- the selection it was created with (models, software, VINs, regions, countries, fleets)
  campaign_id     uuid,             -- the OTA campaign whose success resolves a vehicle
  state           text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL,
  closed_at       timestamptz
);

-- One row per affected vehicle, fixed when the incident is created (what
-- was affected then stays the record); fleet, region, country and language
-- are copied so the report does not move when a vehicle is moved later.
CREATE TABLE incident_vehicles (
  incident_id     uuid NOT NULL REFERENCES incidents ON DELETE CASCADE,
  vehicle_key     integer NOT NULL,
  vehicle_id      text NOT NULL,
  fleet           text NOT NULL,
  region          text NOT NULL,
  country         text,
  model           text NOT NULL,
  language        text NOT NULL,
  state           text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'delivered', 'displayed', 'acknowledged', 'rejected')),
  sends           integer NOT NULL DEFAULT 0,
  not_before      timestamptz,      -- held until the end of the vehicle's quiet hours (not critical)
  sent_at         timestamptz,
  delivered_at    timestamptz,
  displayed_at    timestamptz,
  acknowledged_at timestamptz,
  reject_reason   text,
  resolved_at     timestamptz,
  resolved_by     text CHECK (resolved_by IN ('ota', 'work_order')),
  PRIMARY KEY (incident_id, vehicle_key)
);
-- What a returning vehicle still has to be sent.
CREATE INDEX incident_vehicles_undelivered_idx ON incident_vehicles (vehicle_key) WHERE state IN ('pending', 'sent');
CREATE INDEX incident_vehicles_unresolved_idx ON incident_vehicles (incident_id) WHERE resolved_at IS NULL;

-- The timeline: everything done about an incident, in order (append-only).
CREATE TABLE incident_events (
  incident_id uuid NOT NULL REFERENCES incidents ON DELETE CASCADE,
  seq         bigint GENERATED ALWAYS AS IDENTITY,
  at          timestamptz NOT NULL,
  actor       text NOT NULL,
  kind        text NOT NULL,
  detail      jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (incident_id, seq)
);

-- Fleet-owner outbox: one e-mail and one webhook event per affected fleet,
-- leased by one gateway at a time and retried until sent or dead.
CREATE TABLE incident_owner_notices (
  incident_id     uuid NOT NULL REFERENCES incidents ON DELETE CASCADE,
  fleet           text NOT NULL,
  channel         text NOT NULL CHECK (channel IN ('email', 'webhook')),
  vehicles        integer NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  sent_at         timestamptz,
  recipients      integer,
  PRIMARY KEY (incident_id, fleet, channel)
);
CREATE INDEX incident_owner_notices_due_idx ON incident_owner_notices (next_attempt_at) WHERE status = 'pending';
