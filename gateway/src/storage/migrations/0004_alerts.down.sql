DROP TABLE webhook_deliveries;
DROP TABLE webhooks;
DROP TABLE rule_state;
DROP TABLE alert_events;
DROP TABLE alerts;
DROP TABLE rules;
