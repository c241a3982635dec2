-- Cluster membership and per-vehicle session ownership. PostgreSQL is the
-- source of truth for presence: Redis only routes messages between instances.

-- One row per running gateway instance; lease_until is pushed forward by its heartbeat.
CREATE TABLE gateway_instances (
  instance_id text PRIMARY KEY,
  started_at  timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz NOT NULL,
  detail      jsonb NOT NULL DEFAULT '{}'
);

-- Which instance holds the vehicle's MQTT session, and which of its sessions:
-- a disconnect applies only if it closes the session recorded here, so the
-- close of an old session never overrides a newer one on another instance.
ALTER TABLE vehicles ADD COLUMN instance_id text;
ALTER TABLE vehicles ADD COLUMN session_epoch bigint;
CREATE SEQUENCE vehicle_session_epoch;
CREATE INDEX vehicles_instance_idx ON vehicles (instance_id) WHERE connected;

-- OTA artifacts shared by every instance: one large object per artifact (content-addressed).
CREATE TABLE ota_artifact_blobs (
  sha256     text PRIMARY KEY,
  oid        oid NOT NULL,
  size       bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
