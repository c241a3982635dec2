DROP INDEX ota_notifications_campaign_idx;
DROP INDEX ota_notifications_due_idx;
ALTER TABLE ota_notifications DROP COLUMN attempts, DROP COLUMN next_attempt_at, DROP COLUMN last_error, DROP COLUMN sent_at, DROP COLUMN recipients;
CREATE INDEX ota_notifications_pending_idx ON ota_notifications (created_at) WHERE status = 'pending';
ALTER TABLE users DROP COLUMN email;
DROP INDEX webhook_deliveries_event_idx;
DROP INDEX webhooks_tenant_idx;
ALTER TABLE webhooks DROP COLUMN tenant_id;
