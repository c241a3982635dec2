import { Value } from '@sinclair/typebox/value'
import { EnvSchema, type Env } from './schema.js'
import { type Result, fail, ok } from '../common/result.js'
import { isCountryCode } from '../common/country.js'
import { type DataPolicy, parseDataPolicy } from '../privacy/policy.core.js'
import { type Cidr, parseCidr } from '../notify/address-policy.core.js'

export interface Config {
  readonly logLevel: Env['LOG_LEVEL']
  readonly http: {
    readonly host: string
    readonly port: number
    /** Browser origins allowed cross-site (CORS and /live); the gateway's own origin always is. */
    readonly corsOrigins: readonly string[]
    readonly rateLimitPerMin: number
    readonly requestTimeoutMs: number
    readonly connectionTimeoutMs: number
    readonly maxConnections: number
  }
  readonly live: { readonly maxSubscriptions: number }
  readonly auth: { readonly tokenTtlMs: number, readonly loginMaxFailures: number, readonly loginLockoutMs: number, readonly liveRecheckMs: number, readonly hashConcurrency: number, readonly hashQueue: number }
  /** undefined = /metrics is public. */
  readonly metrics: { readonly token: string | undefined }
  readonly devMode: boolean
  readonly dataPolicy: DataPolicy
  /** Countries this cell serves (empty = every country). */
  readonly cellCountries: readonly string[]
  readonly mqtt: {
    readonly host: string
    readonly port: number
    /** false = no plain-TCP listener (TLS and WebSocket only). */
    readonly tcpEnabled: boolean
    readonly maxPacketBytes: number
    readonly maxTopicLevels: number
    readonly connectTimeoutMs: number
    readonly drainTimeoutMs: number
    /** undefined = no TLS listener. */
    readonly tls: { readonly port: number, readonly certFile: string, readonly keyFile: string, readonly caFile: string | undefined } | undefined
    readonly connLimit: { readonly burst: number, readonly perS: number, readonly banMs: number }
  }
  readonly spool: { readonly dir: string, readonly maxBytes: number, readonly afterMs: number }
  readonly intake: {
    readonly vehicleMaxMsgsPerS: number
    readonly vehicleMaxBytesPerS: number
    readonly malformedLimitPerMinute: number
    readonly malformedBanMs: number
  }
  readonly db: {
    /** undefined = start the embedded PostgreSQL server. */
    readonly url: string | undefined
    /** Owner connection for migrations; undefined = `url` (or the embedded superuser) does both. */
    readonly migrationUrl: string | undefined
    readonly dataDir: string
    readonly embeddedPort: number
    readonly poolSize: number
  }
  readonly ingest: {
    readonly writers: number
    readonly flushMs: number
    readonly batchMaxSamples: number
    readonly queueMaxSamples: number
    readonly maxFutureMs: number
    readonly maxAgeMs: number
  }
  readonly telemetry: {
    readonly retentionDays: number
    readonly compressAfterDays: number
    readonly migrateAtStartRows: number
    readonly rollupRefreshS: number
    readonly historyRawMaxS: number
    readonly historyMaxPoints: number
  }
  readonly diagnostics: { readonly timeoutMs: number, readonly perMinute: number }
  readonly demoVehicles: number
  readonly rulesEnabled: boolean
  readonly adminToken: string | undefined
  readonly notify: {
    /** undefined = no e-mail: those notifications wait in the outbox. */
    readonly smtp: { readonly url: string, readonly from: string } | undefined
    readonly maxAttempts: number
    readonly retryBaseMs: number
    readonly retryMaxMs: number
    readonly pollMs: number
    /** Non-public networks webhooks may reach anyway. */
    readonly webhookAllowedNetworks: readonly Cidr[]
    readonly webhookAllowHttp: boolean
  }
  /** Cluster membership; redisUrl undefined = single node (in-process routing, no Redis). */
  readonly cluster: {
    readonly redisUrl: string | undefined
    /** undefined = the cluster plugin makes one up (host, pid, random): a fresh id per start. */
    readonly instanceId: string | undefined
    readonly leaseMs: number
    readonly proxyProtocol: boolean
    readonly trustProxy: readonly string[]
  }
  readonly incidents: {
    readonly tickMs: number
    readonly resendAfterMs: number
  }
  readonly ota: {
    readonly artifactDir: string
    readonly artifactMaxBytes: number
    readonly signingKey: string | undefined
    readonly publicUrl: string | undefined
    readonly urlTtlMs: number
    readonly offerTtlMs: number
    readonly tickMs: number
    readonly inProgressTimeoutMs: number
    readonly soakS: number
    readonly reminderScheduleS: readonly number[]
    readonly reminderUrgentScheduleS: readonly number[]
    readonly reminderMax: number
    readonly quietStartMinute: number
    readonly quietEndMinute: number
    readonly defaultLanguage: string
    readonly reportFlushMs: number
  }
}

/**
 * Validates the environment against the schema and maps it to the nested
 * Config. Pure: reports every invalid variable at once instead of the first.
 */
export function loadConfig (env: Readonly<Record<string, string | undefined>>): Result<Config, 'GW_CONFIG_INVALID'> {
  const known = Object.keys(EnvSchema.properties)
  const raw: Record<string, unknown> = {}
  for (const key of known) {
    const v = env[key]
    if (v !== undefined && v !== '') raw[key] = v
  }
  const withDefaults = Value.Default(EnvSchema, Value.Convert(EnvSchema, raw))
  const problems = [...Value.Errors(EnvSchema, withDefaults)]
    .map((e) => `${e.path.slice(1) || '(root)'}=${shown(e.path.slice(1), raw[e.path.slice(1)])}: ${e.message}`)
  const policy = problems.length > 0
    ? undefined
    : parseDataPolicy((withDefaults as Env).DATA_POLICY, {
      telemetryDays: (withDefaults as Env).TELEMETRY_RETENTION_DAYS,
      positionDays: (withDefaults as Env).TELEMETRY_RETENTION_DAYS,
      auditDays: 6 * 365,
      positionDecimals: null,
      export: true,
      residency: 'any',
    }, isCountryCode)
  if (policy !== undefined && !policy.ok) problems.push(policy.error.detail)
  for (const c of cellCountries(String((withDefaults as Partial<Env>).CELL_COUNTRIES ?? ''))) if (!isCountryCode(c)) problems.push(`CELL_COUNTRIES: ${c} is not an ISO 3166-1 alpha-2 country code`)
  const networks = String((withDefaults as Partial<Env>).WEBHOOK_ALLOW_PRIVATE_NETWORKS ?? '').split(',').map((n) => n.trim()).filter((n) => n !== '')
  const webhookAllowedNetworks = networks.map(parseCidr).filter((c): c is Cidr => c !== undefined)
  if (webhookAllowedNetworks.length !== networks.length) problems.push(`WEBHOOK_ALLOW_PRIVATE_NETWORKS=${JSON.stringify(raw.WEBHOOK_ALLOW_PRIVATE_NETWORKS)}: expected comma-separated CIDR networks or addresses`)
  if (raw.SMTP_URL !== undefined && raw.SMTP_FROM === undefined) problems.push('SMTP_FROM=null: required when SMTP_URL is set (the sender address of fleet-owner e-mail)')
  problems.push(...crossChecks(raw, withDefaults as Env))
  if (raw.REDIS_URL !== undefined && raw.OTA_SIGNING_KEY === undefined) problems.push('OTA_SIGNING_KEY=null: required with REDIS_URL (every instance of a cluster must sign offers with the same key)')
  if (problems.length > 0 || policy === undefined || !policy.ok) return fail('GW_CONFIG_INVALID', problems.join('\n'))
  const e = withDefaults as Env
  return ok(deepFreeze({
    logLevel: e.LOG_LEVEL,
    http: {
      host: e.HTTP_HOST,
      port: e.HTTP_PORT,
      corsOrigins: e.HTTP_CORS_ORIGINS.split(',').map((o) => o.trim()).filter((o) => o !== ''),
      rateLimitPerMin: e.HTTP_RATE_LIMIT_PER_MIN,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      connectionTimeoutMs: e.HTTP_CONNECTION_TIMEOUT_MS,
      maxConnections: e.HTTP_MAX_CONNECTIONS,
    },
    live: { maxSubscriptions: e.LIVE_MAX_SUBSCRIPTIONS },
    auth: {
      tokenTtlMs: e.AUTH_TOKEN_TTL_S * 1000,
      loginMaxFailures: e.AUTH_LOGIN_MAX_FAILURES,
      loginLockoutMs: e.AUTH_LOGIN_LOCKOUT_S * 1000,
      liveRecheckMs: e.LIVE_TOKEN_RECHECK_S * 1000,
      hashConcurrency: e.AUTH_HASH_CONCURRENCY,
      hashQueue: e.AUTH_HASH_QUEUE,
    },
    metrics: { token: e.METRICS_TOKEN },
    devMode: e.DEV_MODE,
    dataPolicy: policy.value,
    cellCountries: cellCountries(e.CELL_COUNTRIES),
    mqtt: {
      host: e.MQTT_HOST,
      port: e.MQTT_PORT,
      tcpEnabled: e.MQTT_TCP_ENABLED,
      maxPacketBytes: e.MQTT_MAX_PACKET_BYTES,
      maxTopicLevels: e.MQTT_MAX_TOPIC_LEVELS,
      connectTimeoutMs: e.MQTT_CONNECT_TIMEOUT_MS,
      drainTimeoutMs: e.MQTT_DRAIN_TIMEOUT_MS,
      tls: e.MQTT_TLS_CERT === undefined || e.MQTT_TLS_KEY === undefined
        ? undefined
        : { port: e.MQTT_TLS_PORT, certFile: e.MQTT_TLS_CERT, keyFile: e.MQTT_TLS_KEY, caFile: e.MQTT_TLS_CA },
      connLimit: { burst: e.MQTT_CONN_BURST_PER_ADDR, perS: e.MQTT_CONN_PER_S_PER_ADDR, banMs: e.MQTT_CONN_BAN_S * 1000 },
    },
    spool: { dir: e.SPOOL_DIR ?? `${e.DATA_DIR}/spool`, maxBytes: e.SPOOL_MAX_BYTES, afterMs: e.SPOOL_AFTER_MS },
    intake: {
      vehicleMaxMsgsPerS: e.VEHICLE_MAX_MSGS_PER_S,
      vehicleMaxBytesPerS: e.VEHICLE_MAX_BYTES_PER_S,
      malformedLimitPerMinute: e.VEHICLE_MALFORMED_LIMIT,
      malformedBanMs: e.VEHICLE_MALFORMED_BAN_S * 1000,
    },
    db: { url: e.DATABASE_URL, migrationUrl: e.DATABASE_URL === undefined ? undefined : e.MIGRATION_DATABASE_URL, dataDir: e.DATA_DIR, embeddedPort: e.EMBEDDED_PG_PORT, poolSize: e.DB_POOL_SIZE },
    ingest: {
      writers: e.INGEST_WRITERS,
      flushMs: e.INGEST_FLUSH_MS,
      batchMaxSamples: e.INGEST_BATCH_MAX_SAMPLES,
      queueMaxSamples: e.INGEST_QUEUE_MAX_SAMPLES,
      maxFutureMs: e.INGEST_MAX_FUTURE_S * 1000,
      maxAgeMs: e.INGEST_MAX_AGE_DAYS * 86_400_000,
    },
    telemetry: {
      retentionDays: e.TELEMETRY_RETENTION_DAYS,
      compressAfterDays: e.TELEMETRY_COMPRESS_AFTER_DAYS,
      migrateAtStartRows: e.TELEMETRY_MIGRATE_AT_START_ROWS,
      rollupRefreshS: e.ROLLUP_REFRESH_S,
      historyRawMaxS: e.HISTORY_RAW_MAX_S,
      historyMaxPoints: e.HISTORY_MAX_POINTS,
    },
    diagnostics: { timeoutMs: e.DIAG_TIMEOUT_MS, perMinute: e.DIAG_COMMANDS_PER_MIN },
    demoVehicles: e.DEMO_VEHICLES,
    rulesEnabled: e.RULES_ENABLED,
    adminToken: e.ADMIN_TOKEN,
    notify: {
      smtp: e.SMTP_URL === undefined || e.SMTP_FROM === undefined ? undefined : { url: e.SMTP_URL, from: e.SMTP_FROM },
      maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
      retryBaseMs: e.NOTIFY_RETRY_BASE_MS,
      retryMaxMs: e.NOTIFY_RETRY_MAX_MS,
      pollMs: e.NOTIFY_POLL_MS,
      webhookAllowedNetworks,
      webhookAllowHttp: e.WEBHOOK_ALLOW_HTTP,
    },
    cluster: {
      redisUrl: e.REDIS_URL,
      instanceId: e.INSTANCE_ID,
      leaseMs: e.CLUSTER_LEASE_S * 1000,
      proxyProtocol: e.PROXY_PROTOCOL,
      trustProxy: e.TRUST_PROXY.split(',').map((o) => o.trim()).filter((o) => o !== ''),
    },
    incidents: { tickMs: e.INCIDENT_TICK_MS, resendAfterMs: e.INCIDENT_RESEND_S * 1000 },
    ota: {
      artifactDir: e.OTA_ARTIFACT_DIR ?? `${e.DATA_DIR}/artifacts`,
      artifactMaxBytes: e.OTA_ARTIFACT_MAX_BYTES,
      signingKey: e.OTA_SIGNING_KEY,
      publicUrl: e.OTA_PUBLIC_URL,
      urlTtlMs: e.OTA_URL_TTL_S * 1000,
      offerTtlMs: e.OTA_OFFER_TTL_S * 1000,
      tickMs: e.OTA_TICK_MS,
      inProgressTimeoutMs: e.OTA_IN_PROGRESS_TIMEOUT_S * 1000,
      soakS: e.OTA_SOAK_S,
      reminderScheduleS: e.OTA_REMINDER_SCHEDULE_S.split(',').map(Number),
      reminderUrgentScheduleS: e.OTA_REMINDER_URGENT_SCHEDULE_S.split(',').map(Number),
      reminderMax: e.OTA_REMINDER_MAX,
      quietStartMinute: hhmm(e.OTA_QUIET_HOURS.slice(0, 5)),
      quietEndMinute: hhmm(e.OTA_QUIET_HOURS.slice(6)),
      defaultLanguage: e.OTA_DEFAULT_LANGUAGE,
      reportFlushMs: e.OTA_REPORT_FLUSH_MS,
    },
  }))
}

/** Variables whose values are secrets: a configuration error never repeats them. */
const SECRET = new Set(['ADMIN_TOKEN', 'OTA_SIGNING_KEY', 'METRICS_TOKEN'])
/** URLs that may carry a password: shown with it masked. */
const WITH_PASSWORD = new Set(['DATABASE_URL', 'MIGRATION_DATABASE_URL', 'SMTP_URL'])

/** A value as an error message may show it. */
export function shown (key: string, value: unknown): string {
  if (value === undefined || value === null) return 'null'
  if (SECRET.has(key)) return '"[redacted]"'
  if (WITH_PASSWORD.has(key)) {
    try {
      const u = new URL(String(value))
      if (u.password !== '') u.password = '***'
      return JSON.stringify(u.toString())
    } catch {
      return '"[redacted: not a URL]"'
    }
  }
  return JSON.stringify(value)
}

/** Rules that span variables (the schema checks each one alone). */
function crossChecks (raw: Record<string, unknown>, e: Env): string[] {
  const problems: string[] = []
  if (e.MQTT_TCP_ENABLED === false && (e.MQTT_TLS_CERT === undefined || e.MQTT_TLS_KEY === undefined)) {
    problems.push('MQTT_TCP_ENABLED=false: plain MQTT can be turned off only when MQTT_TLS_CERT and MQTT_TLS_KEY open the TLS listener')
  }
  if (typeof raw.OTA_PUBLIC_URL === 'string') {
    let protocol: string | undefined
    try { protocol = new URL(raw.OTA_PUBLIC_URL).protocol } catch { protocol = undefined }
    if (protocol === undefined || (protocol !== 'https:' && protocol !== 'http:')) {
      problems.push(`OTA_PUBLIC_URL=${shown('OTA_PUBLIC_URL', raw.OTA_PUBLIC_URL)}: not an http(s) URL`)
    } else if (protocol === 'http:' && e.DEV_MODE !== true) {
      problems.push(`OTA_PUBLIC_URL=${shown('OTA_PUBLIC_URL', raw.OTA_PUBLIC_URL)}: must be https (vehicles download signed packages with their credentials over it); http only with DEV_MODE=true`)
    }
  }
  if (raw.MIGRATION_DATABASE_URL !== undefined && raw.DATABASE_URL === undefined) {
    problems.push('MIGRATION_DATABASE_URL: needs DATABASE_URL (the embedded server creates its own roles)')
  }
  return problems
}

function hhmm (s: string): number {
  return (Number(s.slice(0, 2)) % 24) * 60 + (Number(s.slice(3, 5)) % 60)
}

function deepFreeze<T> (o: T): T {
  for (const v of Object.values(o as object)) if (v !== null && typeof v === 'object') deepFreeze(v)
  return Object.freeze(o)
}

const cellCountries = (list: string): string[] => list.split(',').map((c) => c.trim().toUpperCase()).filter((c) => c !== '')
