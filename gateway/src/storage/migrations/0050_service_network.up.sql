-- Service network, part catalogue, work orders and maintenance schedules
-- (service-network/, parts/, work-orders/). Numbered after the last
-- migration when written; renumber freely, nothing depends on the number.

-- Technicians are people scoped to one service centre.
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'support', 'fleet_owner', 'technician'));

CREATE TABLE service_centers (
  center_id     text PRIMARY KEY,
  name          text NOT NULL,
  country       text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  region        text NOT NULL,
  lat           double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon           double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
  time_zone     text NOT NULL,
  languages     text[] NOT NULL,
  opening_hours jsonb NOT NULL DEFAULT '{}',
  capabilities  text[] NOT NULL,
  bays_per_day  integer NOT NULL CHECK (bays_per_day > 0),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_centers_country_idx ON service_centers (country);

-- Which centre a technician works at (one each).
CREATE TABLE service_center_staff (
  user_id   text PRIMARY KEY REFERENCES users ON DELETE CASCADE,
  center_id text NOT NULL REFERENCES service_centers ON DELETE CASCADE
);

-- Parts on the shelf. reserved <= on_hand is what makes "two bookings cannot
-- reserve the last unit" a database fact and not only an application check.
CREATE TABLE part_stock (
  center_id      text NOT NULL REFERENCES service_centers ON DELETE CASCADE,
  part_number    text NOT NULL,
  on_hand        integer NOT NULL CHECK (on_hand >= 0),
  reserved       integer NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= on_hand),
  lead_time_days integer NOT NULL CHECK (lead_time_days >= 0),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (center_id, part_number)
);
CREATE INDEX part_stock_part_idx ON part_stock (part_number);

-- Per model: what a fault family (or a DTC) consumes. One row per repair
-- option (e.g. slow leak: repair kit or a new tyre), share = how often.
CREATE TABLE model_parts (
  model_id       text NOT NULL,
  fault_family   text NOT NULL,
  option_id      text NOT NULL,
  dtc            text,
  parts          jsonb NOT NULL,
  share          double precision NOT NULL CHECK (share > 0 AND share <= 1),
  labour_minutes integer NOT NULL CHECK (labour_minutes >= 0),
  capability     text NOT NULL,
  description    text NOT NULL DEFAULT '',
  PRIMARY KEY (model_id, fault_family, option_id)
);

-- Service schedule per model: every N km or M months, whichever first.
CREATE TABLE service_schedules (
  model_id       text PRIMARY KEY,
  every_km       integer NOT NULL CHECK (every_km > 0),
  every_months   integer NOT NULL CHECK (every_months > 0),
  parts          jsonb NOT NULL,
  labour_minutes integer NOT NULL,
  capability     text NOT NULL DEFAULT 'general'
);

CREATE TABLE work_orders (
  work_order_id  uuid PRIMARY KEY,
  vehicle_key    integer NOT NULL,
  vehicle_id     text NOT NULL,
  fleet          text NOT NULL,
  region         text NOT NULL,
  model          text NOT NULL,
  center_id      text NOT NULL REFERENCES service_centers,
  country        text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('repair', 'maintenance', 'recall')),
  alert_id       uuid,
  campaign_id    text,
  fault_family   text NOT NULL,
  option_id      text,
  state          text NOT NULL CHECK (state IN ('proposed', 'booked', 'vehicle_arrived', 'in_repair', 'completed', 'cancelled')),
  slot_date      date,
  parts          jsonb NOT NULL DEFAULT '[]',
  parts_ready_at timestamptz,
  parts_used     jsonb,
  cause          text,
  odometer_km    double precision,
  created_by     text NOT NULL,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  completed_at   timestamptz,
  seq            integer NOT NULL DEFAULT 1
);
CREATE INDEX work_orders_center_idx ON work_orders (center_id, state, slot_date);
CREATE INDEX work_orders_vehicle_idx ON work_orders (vehicle_key, created_at DESC);
CREATE INDEX work_orders_alert_idx ON work_orders (alert_id) WHERE alert_id IS NOT NULL;
CREATE INDEX work_orders_completed_idx ON work_orders (completed_at) WHERE state = 'completed';
-- One live work order per alert.
CREATE UNIQUE INDEX work_orders_one_per_alert_idx ON work_orders (alert_id) WHERE alert_id IS NOT NULL AND state <> 'cancelled';

-- Who moved a work order where, and when (append-only).
CREATE TABLE work_order_events (
  work_order_id uuid NOT NULL REFERENCES work_orders ON DELETE CASCADE,
  seq           integer NOT NULL,
  from_state    text,
  to_state      text NOT NULL,
  actor         text NOT NULL,
  at            timestamptz NOT NULL,
  note          text,
  PRIMARY KEY (work_order_id, seq)
);

-- A maintenance reminder fires once per vehicle and due service.
CREATE TABLE maintenance_reminders (
  vehicle_key   integer NOT NULL,
  due_key       text NOT NULL,
  sent_at       timestamptz NOT NULL,
  work_order_id uuid,
  PRIMARY KEY (vehicle_key, due_key)
);
