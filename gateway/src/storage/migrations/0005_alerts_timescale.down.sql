-- A hypertable cannot be turned back into a plain table in place.
CREATE TABLE alert_events_plain (LIKE alert_events INCLUDING ALL);
INSERT INTO alert_events_plain SELECT * FROM alert_events;
DROP TABLE alert_events;
ALTER TABLE alert_events_plain RENAME TO alert_events;
