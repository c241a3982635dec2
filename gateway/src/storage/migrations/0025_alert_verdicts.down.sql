DROP TABLE alert_verdicts;
