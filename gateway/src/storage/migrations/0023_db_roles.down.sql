-- The roles stay: they belong to the server, other databases may use them.
DROP TRIGGER IF EXISTS audit_log_head ON audit_log;
DROP FUNCTION IF EXISTS audit_log_advance_head();
DROP FUNCTION IF EXISTS audit_redact(timestamptz, text, text[]);
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM fleetwire_runtime;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT, UPDATE ON SEQUENCES FROM fleetwire_runtime;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM fleetwire_readonly;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM fleetwire_runtime, fleetwire_readonly;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM fleetwire_runtime;
REVOKE USAGE ON SCHEMA public FROM fleetwire_runtime, fleetwire_readonly;
