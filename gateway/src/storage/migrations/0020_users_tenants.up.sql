-- People and organisations. A tenant owns fleets; its fleet owners (and its
-- service tokens) see exactly the vehicles of those fleets.
CREATE TABLE tenants (
  tenant_id  text PRIMARY KEY,
  name       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A fleet belongs to at most one tenant.
CREATE TABLE tenant_fleets (
  fleet     text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants ON DELETE CASCADE
);
CREATE INDEX tenant_fleets_tenant_idx ON tenant_fleets (tenant_id);

-- password_hash is 'scrypt$N$r$p$salt$hash' (api/auth/password.ts).
CREATE TABLE users (
  user_id       text PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'support', 'fleet_owner')),
  tenant_id     text REFERENCES tenants,
  regions       text[],
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'fleet_owner' OR tenant_id IS NOT NULL)
);

-- Log-in tokens belong to a user and expire; service tokens carry their own
-- tenant and regions. A user's tokens go with the user.
ALTER TABLE api_tokens
  ADD COLUMN user_id    text REFERENCES users ON DELETE CASCADE,
  ADD COLUMN tenant_id  text REFERENCES tenants,
  ADD COLUMN regions    text[],
  ADD COLUMN expires_at timestamptz;
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id) WHERE user_id IS NOT NULL;
