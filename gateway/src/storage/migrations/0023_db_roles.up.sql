-- Least privilege (docs/ARCHITECTURE.md, "Database roles"). Migrations run as
-- the owner of the schema; the gateway at run time is a member of
-- fleetwire_runtime (rows only: no ALTER, DROP, TRUNCATE, no trigger
-- switching, the audit trail append-only); Grafana of fleetwire_readonly.
-- Roles belong to the whole server, so another database on it may have
-- created them already.
DO $$ BEGIN
  CREATE ROLE fleetwire_runtime NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
DO $$ BEGIN
  CREATE ROLE fleetwire_readonly NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

-- Before PostgreSQL 15 every role may create tables in public.
DO $$ BEGIN
  IF pg_has_role(current_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'public'), 'USAGE') THEN
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO fleetwire_runtime, fleetwire_readonly;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO fleetwire_runtime;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO fleetwire_runtime;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO fleetwire_readonly;
-- Tables of later migrations (run by the same owner role) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO fleetwire_runtime;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO fleetwire_runtime;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO fleetwire_readonly;

-- The migration record is the owner's.
REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM fleetwire_runtime;

-- The audit trail: the runtime appends and reads. The head moves with each
-- appended row (trigger below, running as the owner), so the runtime cannot
-- write audit_head either; retention's redaction goes through audit_redact().
REVOKE UPDATE, DELETE ON audit_log FROM fleetwire_runtime;
REVOKE INSERT, UPDATE, DELETE ON audit_head FROM fleetwire_runtime;

-- An appended row must extend the chain: next seq, linked to the head's hash,
-- its hash = sha256(prev_hash || content_hash). A row at or below the head
-- (an owner restoring a deleted row) leaves the head alone.
CREATE FUNCTION audit_log_advance_head() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  head_seq  bigint;
  head_hash bytea;
BEGIN
  SELECT seq, hash INTO head_seq, head_hash FROM audit_head FOR UPDATE;
  IF head_seq IS NOT NULL AND NEW.seq <= head_seq THEN
    RETURN NULL;
  END IF;
  IF NEW.seq <> coalesce(head_seq, 0) + 1
     OR NEW.prev_hash <> coalesce(head_hash, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea)
     OR NEW.hash <> sha256(NEW.prev_hash || NEW.content_hash) THEN
    RAISE EXCEPTION 'audit_log row % does not extend the chain at head %', NEW.seq, coalesce(head_seq, 0) USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  INSERT INTO audit_head (one, seq, hash) VALUES (true, NEW.seq, NEW.hash)
    ON CONFLICT (one) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash;
  RETURN NULL;
END
$$;
CREATE TRIGGER audit_log_head AFTER INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_advance_head();

-- Retention's redaction: only personal fields, only rows older than the cut-off.
CREATE FUNCTION audit_redact(before timestamptz, in_region text, other_than text[]) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE n bigint;
BEGIN
  PERFORM set_config('fleetwire.audit_redaction', 'on', true);
  UPDATE audit_log SET actor = NULL, target = NULL, detail = NULL, redacted_at = now()
   WHERE redacted_at IS NULL AND at < before
     AND (CASE WHEN in_region IS NOT NULL THEN region = in_region ELSE region IS NULL OR region <> ALL(other_than) END);
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('fleetwire.audit_redaction', 'off', true);
  RETURN n;
END
$$;
REVOKE ALL ON FUNCTION audit_redact(timestamptz, text, text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_log_advance_head() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_redact(timestamptz, text, text[]) TO fleetwire_runtime;
