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
  MQTT_TLS_PORT: int(8883, 0, 65535, 'MQTT over TLS port, used when MQTT_TLS_CERT and MQTT_TLS_KEY are set (0 = any free port)'),
  MQTT_TLS_CERT: Type.Optional(Type.String({ description: 'PEM server certificate (chain) for MQTT over TLS; unset = no TLS listener' })),
  MQTT_TLS_KEY: Type.Optional(Type.String({ description: 'PEM private key of MQTT_TLS_CERT' })),
  MQTT_TLS_CA: Type.Optional(Type.String({ description: 'PEM CA bundle that signs vehicle client certificates; set = mutual TLS (certificate CN must equal the vehicle id), password login still allowed without a certificate' })),
  MQTT_DRAIN_TIMEOUT_MS: int(10_000, 100, 120_000, 'a subscriber that leaves its socket unread this long is disconnected'),
  MQTT_CONN_BURST_PER_ADDR: int(1000, 1, 1_000_000, 'connection attempts one address may make in a burst'),
  MQTT_CONN_PER_S_PER_ADDR: int(100, 1, 100_000, 'sustained connection attempts per second per address; beyond it the address is banned'),
  MQTT_CONN_BAN_S: int(60, 0, 86_400, 'how long an address that connects too often is refused'),
  VEHICLE_MAX_MSGS_PER_S: int(50, 1, 100_000, 'sustained publish rate allowed per vehicle; QoS 1 beyond it is slowed, QoS 0 shed'),
  VEHICLE_MAX_BYTES_PER_S: int(262_144, 1024, 1 << 30, 'sustained payload bytes per second allowed per vehicle'),
  VEHICLE_MALFORMED_LIMIT: int(20, 1, 100_000, 'malformed messages per minute after which a vehicle is disconnected'),
  VEHICLE_MALFORMED_BAN_S: int(60, 0, 86_400, 'how long a vehicle disconnected for garbage is refused'),
  DATABASE_URL: Type.Optional(Type.String({ description: 'external PostgreSQL/TimescaleDB; unset = embedded PostgreSQL under DATA_DIR' })),
  DATA_DIR: Type.String({ default: '.data', description: 'embedded PostgreSQL data and other local state' }),
  EMBEDDED_PG_PORT: int(54_329, 1, 65535, 'port of the embedded PostgreSQL server (loopback only)'),
  SPOOL_DIR: Type.Optional(Type.String({ description: 'local write-ahead spool for telemetry while the database is unavailable; unset = DATA_DIR/spool' })),
  SPOOL_MAX_BYTES: int(1 << 30, 1 << 16, Number.MAX_SAFE_INTEGER, 'spool size at which the gateway stops acknowledging (back-pressure) instead of dropping'),
  SPOOL_AFTER_MS: int(5000, 50, 60_000, 'a database write slower than this sends telemetry to the spool'),
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
  AUTH_TOKEN_TTL_S: int(3600, 60, 7 * 86_400, 'lifetime of a log-in token (POST /auth/login)'),
  AUTH_LOGIN_MAX_FAILURES: int(5, 1, 1000, 'failed log-ins per username and address before log-in answers 429'),
  AUTH_LOGIN_LOCKOUT_S: int(900, 1, 86_400, 'how long failures are remembered and a locked username+address waits'),
  HTTP_CORS_ORIGINS: Type.String({ default: '', description: 'comma-separated browser origins allowed to call the API and open /live from another site (empty = same origin only)' }),
  HTTP_RATE_LIMIT_PER_MIN: int(6000, 1, 10_000_000, 'requests per minute allowed per token (per address when unauthenticated)'),
  LIVE_TOKEN_RECHECK_S: int(15, 1, 3600, 'how often an open /live connection re-checks its token (revoked or expired: closed)'),
  DATA_POLICY: Type.String({ default: '{}', description: 'JSON map region → {telemetryDays, positionDays, auditDays, positionDecimals}; "*" = every other region (README: Security and data protection)' }),
  ADMIN_TOKEN: Type.Optional(Type.String({ minLength: 24, description: 'admin API token; unset = one is generated on first start and printed once' })),
})

export type Env = Static<typeof EnvSchema>
