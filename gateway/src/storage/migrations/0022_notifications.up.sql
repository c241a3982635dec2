-- Fleet-owner notifications. A webhook registered by a fleet
-- owner belongs to its tenant and receives only events of the tenant's
-- fleets; an admin's webhook (tenant_id NULL) receives every fleet's.
ALTER TABLE webhooks ADD COLUMN tenant_id text REFERENCES tenants ON DELETE CASCADE;
CREATE INDEX webhooks_tenant_idx ON webhooks (tenant_id) WHERE tenant_id IS NOT NULL;
-- OTA notifications list the webhook deliveries of their event.
CREATE INDEX webhook_deliveries_event_idx ON webhook_deliveries (event_key);

-- Where a person is reached (the OTA e-mail relay writes to fleet owners).
ALTER TABLE users ADD COLUMN email text CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+$');

-- The OTA notification outbox gets a relay: attempts with backoff, a
-- lease (next_attempt_at moved ahead while a gateway sends), the last
-- error, and how many recipients a sent row reached. 'dead' = dead letter.
ALTER TABLE ota_notifications
  ADD COLUMN attempts        integer NOT NULL DEFAULT 0,
  ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN last_error      text,
  ADD COLUMN sent_at         timestamptz,
  ADD COLUMN recipients      integer;
DROP INDEX ota_notifications_pending_idx;
CREATE INDEX ota_notifications_due_idx ON ota_notifications (channel, next_attempt_at) WHERE status = 'pending';
CREATE INDEX ota_notifications_campaign_idx ON ota_notifications (campaign_id, created_at);
