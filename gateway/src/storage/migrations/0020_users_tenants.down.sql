DROP INDEX IF EXISTS api_tokens_user_idx;
DELETE FROM api_tokens WHERE user_id IS NOT NULL;
ALTER TABLE api_tokens DROP COLUMN expires_at, DROP COLUMN regions, DROP COLUMN tenant_id, DROP COLUMN user_id;
DROP TABLE users;
DROP TABLE tenant_fleets;
DROP TABLE tenants;
