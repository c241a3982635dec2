DROP TABLE telemetry_rollup_dirty;
DROP TABLE telemetry_rollup_state;
DROP TABLE telemetry_rollup;
