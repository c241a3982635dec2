-- fleetwire:requires timescaledb
SELECT create_hypertable('ota_update_events', by_range('ts', INTERVAL '30 days'), migrate_data => true);
