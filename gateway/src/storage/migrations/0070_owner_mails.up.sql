-- Fleet owners' e-mails about their vehicles (work orders today): a durable
-- outbox, one row per message and fleet, leased with SKIP LOCKED by the
-- relay in notify/, retried with backoff, dead-lettered. Written even while
-- SMTP is not configured: the rows go out once it is.
CREATE TABLE owner_mails (
  mail_key        text PRIMARY KEY,
  fleet           text NOT NULL,
  language        text NOT NULL,
  subject         text NOT NULL,
  body            text NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz,
  recipients      integer
);
CREATE INDEX owner_mails_due ON owner_mails (next_attempt_at) WHERE status = 'pending';
