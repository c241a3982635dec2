-- fleetwire:requires timescaledb
SELECT create_hypertable('alert_events', by_range('ts', INTERVAL '30 days'), migrate_data => true);
