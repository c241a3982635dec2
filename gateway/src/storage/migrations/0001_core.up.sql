CREATE TABLE vehicles (
  vehicle_key            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  vehicle_id             text NOT NULL UNIQUE,
  model                  text NOT NULL,
  region                 text NOT NULL,
  fleet                  text NOT NULL,
  time_zone              text NOT NULL DEFAULT 'UTC',
  secret_salt            bytea NOT NULL,
  secret_hash            bytea NOT NULL,
  credentials_rotated_at timestamptz NOT NULL DEFAULT now(),
  revoked_at             timestamptz,
  created_at             timestamptz NOT NULL DEFAULT now(),
  connected              boolean NOT NULL DEFAULT false,
  power_state            text NOT NULL DEFAULT 'unknown',
  ignition_on            boolean,
  session                integer,
  last_seen_at           timestamptz,
  ecus                   jsonb NOT NULL DEFAULT '[]'
);
COMMENT ON COLUMN vehicles.vehicle_id IS 'the VIN, also the MQTT client id';

-- List filters; vehicle_id breaks ties so keyset pagination stays index-only.
CREATE INDEX vehicles_model_idx ON vehicles (model, vehicle_id);
CREATE INDEX vehicles_region_idx ON vehicles (region, vehicle_id);
CREATE INDEX vehicles_fleet_idx ON vehicles (fleet, vehicle_id);

CREATE TABLE api_tokens (
  token_id   text PRIMARY KEY,
  token_hash bytea NOT NULL UNIQUE,
  role       text NOT NULL,
  label      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
