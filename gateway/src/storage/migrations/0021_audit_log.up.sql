-- Append-only, hash-chained audit trail of security-relevant actions.
--   content_hash = sha256(canonical JSON of seq, at, actor, action, target, detail)
--   hash         = sha256(prev_hash || content_hash); the first prev_hash is 32 zero bytes
-- seq has no gaps, so a deleted row shows as a gap; audit_head holds the last
-- (seq, hash) so deleting the newest rows shows too (audit/chain.core.ts).
CREATE TABLE audit_log (
  seq          bigint PRIMARY KEY,
  at           timestamptz NOT NULL,
  actor        text,
  action       text NOT NULL,
  target       text,
  detail       jsonb,
  -- region of the target vehicle when there is one: its retention applies
  region       text,
  content_hash bytea NOT NULL,
  prev_hash    bytea NOT NULL,
  hash         bytea NOT NULL,
  -- set when retention erased actor, target and detail (the hashes stay)
  redacted_at  timestamptz
);
CREATE INDEX audit_log_at_idx ON audit_log (at);

CREATE TABLE audit_head (
  one  boolean PRIMARY KEY DEFAULT true CHECK (one),
  seq  bigint NOT NULL,
  hash bytea NOT NULL
);

-- Refuses UPDATE, DELETE and TRUNCATE. The one exception is retention's
-- redaction (session setting fleetwire.audit_redaction = on), which may only
-- null the personal fields and stamp redacted_at.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND coalesce(current_setting('fleetwire.audit_redaction', true), '') = 'on' THEN
    IF NEW.seq = OLD.seq AND NEW.at = OLD.at AND NEW.action = OLD.action
       AND NEW.region IS NOT DISTINCT FROM OLD.region AND NEW.content_hash = OLD.content_hash
       AND NEW.prev_hash = OLD.prev_hash AND NEW.hash = OLD.hash
       AND NEW.actor IS NULL AND NEW.target IS NULL AND NEW.detail IS NULL AND NEW.redacted_at IS NOT NULL THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
