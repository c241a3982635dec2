import { Type, type Static } from '@sinclair/typebox'

/**
 * Every environment variable the gateway reads, flat as they appear in the
 * environment, with their defaults. `.env.example` documents the same list
 * (a test keeps the two in step).
 */
const int = (def: number, min: number, max: number, description: string) =>
  Type.Integer({ default: def, minimum: min, maximum: max, description })

export const EnvSchema = Type.Object({
  LOG_LEVEL: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), { default: 'info', description: 'pino log level' }),
  HTTP_HOST: Type.String({ default: '127.0.0.1', description: 'address of the HTTP API, dashboard and MQTT-over-WebSocket listener' }),
  HTTP_PORT: int(8080, 0, 65535, 'HTTP port (0 = any free port)'),
  MQTT_HOST: Type.String({ default: '127.0.0.1', description: 'address of the MQTT/TCP listener' }),
  MQTT_PORT: int(1883, 0, 65535, 'MQTT/TCP port (0 = any free port)'),
  MQTT_MAX_PACKET_BYTES: int(65_536, 1024, 268_435_455, 'largest MQTT packet accepted; larger ones close the connection before they are buffered'),
  MQTT_MAX_TOPIC_LEVELS: int(8, 3, 100, 'most topic levels in a publish or subscription'),
  MQTT_CONNECT_TIMEOUT_MS: int(10_000, 1000, 120_000, 'time a new socket has to send CONNECT'),
  VEHICLE_MAX_MSGS_PER_S: int(50, 1, 100_000, 'sustained publish rate allowed per vehicle; QoS 1 beyond it is slowed, QoS 0 shed'),
  VEHICLE_MAX_BYTES_PER_S: int(262_144, 1024, 1 << 30, 'sustained payload bytes per second allowed per vehicle'),
  VEHICLE_MALFORMED_LIMIT: int(20, 1, 100_000, 'malformed messages per minute after which a vehicle is disconnected'),
  VEHICLE_MALFORMED_BAN_S: int(60, 0, 86_400, 'how long a vehicle disconnected for garbage is refused'),
  DATABASE_URL: Type.Optional(Type.String({ description: 'external PostgreSQL/TimescaleDB; unset = embedded PostgreSQL under DATA_DIR' })),
  DATA_DIR: Type.String({ default: '.data', description: 'embedded PostgreSQL data and other local state' }),
  EMBEDDED_PG_PORT: int(54_329, 1, 65535, 'port of the embedded PostgreSQL server (loopback only)'),
  DB_POOL_SIZE: int(8, 2, 100, 'PostgreSQL connections of the gateway'),
  INGEST_WRITERS: int(3, 1, 32, 'telemetry batches written in parallel'),
  INGEST_FLUSH_MS: int(10, 1, 5000, 'longest a sample waits before its batch is written'),
  INGEST_BATCH_MAX_SAMPLES: int(8_000, 100, 100_000, 'samples per database write'),
  INGEST_QUEUE_MAX_SAMPLES: int(200_000, 1000, 10_000_000, 'samples waiting for the database before intake applies back-pressure'),
  INGEST_MAX_FUTURE_S: int(300, 0, 86_400, 'sample timestamps further ahead of the gateway clock are rejected'),
  INGEST_MAX_AGE_DAYS: int(30, 1, 3650, 'store-and-forward samples older than this are rejected'),
  TELEMETRY_RETENTION_DAYS: int(365, 1, 36_500, 'raw telemetry kept this long (TimescaleDB retention policy / plain-PostgreSQL purge)'),
  TELEMETRY_COMPRESS_AFTER_DAYS: int(7, 1, 3650, 'TimescaleDB: compress telemetry chunks older than this'),
  ROLLUP_REFRESH_S: int(60, 10, 86_400, 'TimescaleDB: refresh interval of the 1-minute continuous aggregate'),
  HISTORY_RAW_MAX_S: int(6 * 3600, 60, 31 * 86_400, 'history ranges up to this length are served raw, longer ones downsampled'),
  DIAG_TIMEOUT_MS: int(10_000, 100, 300_000, 'how long a remote diagnostic command waits for the vehicle'),
  DIAG_COMMANDS_PER_MIN: int(10, 1, 1000, 'remote diagnostic commands allowed per vehicle per minute'),
  DEMO_VEHICLES: int(12, 0, 10_000, 'simulated vehicles (firmware-sim) started with the gateway so there is live data at once; 0 = none'),
  RULES_ENABLED: Type.Boolean({ default: true, description: 'evaluate the predictive-failure rules in the ingest path (false: store only, e.g. to measure ingest alone)' }),
  OTA_ARTIFACT_DIR: Type.Optional(Type.String({ description: 'OTA artifacts, one file per SHA-256; unset = DATA_DIR/artifacts' })),
  OTA_ARTIFACT_MAX_BYTES: int(1 << 30, 1, 2 ** 40, 'largest OTA artifact accepted for upload'),
  OTA_SIGNING_KEY: Type.Optional(Type.String({ minLength: 40, description: 'Ed25519 private key (PKCS#8 PEM, or its base64 DER) signing OTA offers; unset = generated once under DATA_DIR (development only: a warning is logged)' })),
  OTA_PUBLIC_URL: Type.Optional(Type.String({ description: 'base URL vehicles download artifacts from; unset = the HTTP listener address' })),
  OTA_URL_TTL_S: int(900, 1, 86_400, 'lifetime of a per-vehicle signed download URL'),
  OTA_OFFER_TTL_S: int(7 * 86_400, 1, 365 * 86_400, 'an OTA offer expires this long after it is signed (vehicles refuse it afterwards)'),
  OTA_TICK_MS: int(1000, 0, 3_600_000, 'OTA scheduler period (offers, timeouts, waves, reminders); 0 = only when app.ota.tick() is called'),
  OTA_IN_PROGRESS_TIMEOUT_S: int(3600, 1, 30 * 86_400, 'default time an awake vehicle may stay silent in an update step before it is timed out'),
  OTA_SOAK_S: int(3600, 0, 30 * 86_400, 'default post-install soak: no new DTC on the updated ECU for this long'),
  OTA_REMINDER_SCHEDULE_S: Type.String({ default: '86400,259200,604800', pattern: '^\\d+(,\\d+)*$', description: 'reminder escalation: seconds after the driver was first asked (or postponed), comma-separated' }),
  OTA_REMINDER_URGENT_SCHEDULE_S: Type.String({ default: '14400,43200,86400', pattern: '^\\d+(,\\d+)*$', description: 'reminder escalation for safety recalls' }),
  OTA_REMINDER_MAX: int(5, 0, 100, 'most reminders per vehicle and campaign'),
  OTA_QUIET_HOURS: Type.String({ default: '22:00-07:00', pattern: '^\\d{2}:\\d{2}-\\d{2}:\\d{2}$', description: 'default quiet hours in vehicle local time: no reminders then' }),
  OTA_DEFAULT_LANGUAGE: Type.String({ default: 'en', minLength: 2, maxLength: 8, description: 'head-unit language of vehicles without a preference' }),
  OTA_REPORT_FLUSH_MS: int(5, 1, 1000, 'vehicle OTA reports wait at most this long to be written together'),
  ADMIN_TOKEN: Type.Optional(Type.String({ minLength: 24, description: 'admin API token; unset = one is generated on first start and printed once' })),
})

export type Env = Static<typeof EnvSchema>
