DROP TABLE diagnostic_events;
DROP TABLE vehicle_events;
DROP TABLE telemetry;
