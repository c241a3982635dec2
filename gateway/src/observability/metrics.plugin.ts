import { createHash, timingSafeEqual } from 'node:crypto'
import fp from 'fastify-plugin'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/** Every Prometheus series of the gateway, created in one place so names stay consistent. */
export function createGatewayMetrics () {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'fleetwire_process_' })
  const registers = [registry]
  /** Read at scrape time; the owning capability replaces the function. */
  const probes = {
    ingestQueueSamples: (): number => 0,
    connectedVehicles: (): number => 0,
    spoolBytes: (): number => 0,
    dbPoolWaiting: (): number => 0,
    otaNotifications: async (): Promise<Array<{ channel: string, status: string, n: number }>> => [],
    smtpConfigured: (): boolean => false,
    ownerMails: async (): Promise<Array<{ status: string, n: number }>> => [],
  }
  /** Rows of an outbox table by status (and more labels), read at each scrape. */
  const outboxGauge = <L extends string>(name: string, help: string, labelNames: L[], rows: () => Promise<Array<{ labels: Record<L, string>, n: number }>>) => new Gauge({
    name, help, labelNames, registers,
    async collect () {
      this.reset()
      try {
        for (const r of await rows()) this.set(r.labels, r.n)
      } catch { /* database unavailable: the series is absent for this scrape */ }
    },
  })
  return {
    registry,
    probes,
    messagesIn: new Counter({ name: 'fleetwire_mqtt_messages_in_total', help: 'Vehicle publishes that passed authorization, by channel', labelNames: ['channel'], registers }),
    // Every received message ends in exactly one of: outcome{stored|spooled}, rejected{reason}, shed{reason}
    // (messages_in = stored + spooled + rejected + shed, once none is in flight).
    messagesOutcome: new Counter({ name: 'fleetwire_mqtt_messages_outcome_total', help: 'Vehicle messages processed: stored (committed in the database) or spooled (fsync\'d to the local spool, replayed later)', labelNames: ['outcome'], registers }),
    messagesRejected: new Counter({ name: 'fleetwire_mqtt_messages_rejected_total', help: 'Vehicle messages dropped as malformed, by reason', labelNames: ['reason'], registers }),
    messagesShed: new Counter({ name: 'fleetwire_mqtt_messages_shed_total', help: 'QoS 0 messages shed under overload or rate limit, by reason', labelNames: ['reason'], registers }),
    samplesStored: new Counter({ name: 'fleetwire_ingest_samples_stored_total', help: 'Telemetry samples committed (replays excluded)', registers }),
    samplesDuplicate: new Counter({ name: 'fleetwire_ingest_samples_duplicate_total', help: 'Telemetry samples already stored (replayed batches)', registers }),
    samplesRejected: new Counter({ name: 'fleetwire_ingest_samples_rejected_total', help: 'Telemetry samples rejected by validation, by reason', labelNames: ['reason'], registers }),
    sequenceGaps: new Counter({ name: 'fleetwire_ingest_sequence_gaps_total', help: 'Telemetry batches missing from vehicle sequence numbers when detected', registers }),
    batchWriteSeconds: new Histogram({ name: 'fleetwire_ingest_batch_write_seconds', help: 'Time to commit one telemetry batch', buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers }),
    batchWriteFailures: new Counter({ name: 'fleetwire_ingest_batch_write_failures_total', help: 'Telemetry batch writes that failed and were retried', registers }),
    ingestQueue: new Gauge({ name: 'fleetwire_ingest_queue_samples', help: 'Samples accepted but not yet committed', registers, collect () { this.set(probes.ingestQueueSamples()) } }),
    connectedVehicles: new Gauge({ name: 'fleetwire_mqtt_connected_vehicles', help: 'Vehicles with an open MQTT connection', registers, collect () { this.set(probes.connectedVehicles()) } }),
    connectionsRefused: new Counter({ name: 'fleetwire_mqtt_connections_refused_total', help: 'CONNECTs refused, by reason', labelNames: ['reason'], registers }),
    dbPoolWaiting: new Gauge({ name: 'fleetwire_db_pool_waiting', help: 'Queries waiting for a free database connection (DB_POOL_SIZE too small, or the database too slow)', registers, collect () { this.set(probes.dbPoolWaiting()) } }),
    spoolBytes: new Gauge({ name: 'fleetwire_spool_bytes', help: 'Telemetry waiting in the local write-ahead spool for the database', registers, collect () { this.set(probes.spoolBytes()) } }),
    spoolSamples: new Counter({ name: 'fleetwire_spool_samples_total', help: 'Telemetry samples acknowledged from the spool (written and fsync\'d) while the database was unavailable', registers }),
    spoolReplayedSamples: new Counter({ name: 'fleetwire_spool_replayed_samples_total', help: 'Spooled samples replayed into the database (inserted or found already there)', registers }),
    spoolFull: new Counter({ name: 'fleetwire_spool_full_total', help: 'Batches refused by a full spool while the database was unavailable (their acknowledgements wait)', registers }),
    otaNotifications: outboxGauge('fleetwire_ota_notifications', 'Fleet-owner OTA notifications in the outbox, by channel and status (pending e-mail with smtp_configured 0 waits for SMTP_URL)',
      ['channel', 'status'], async () => (await probes.otaNotifications()).map((r) => ({ labels: { channel: r.channel, status: r.status }, n: r.n }))),
    ownerMails: outboxGauge('fleetwire_owner_mails', 'Fleet owners\' e-mails (work orders) in the outbox, by status (pending with smtp_configured 0 waits for SMTP_URL)',
      ['status'], async () => (await probes.ownerMails()).map((r) => ({ labels: { status: r.status }, n: r.n }))),
    smtpConfigured: new Gauge({ name: 'fleetwire_notify_smtp_configured', help: '1 when SMTP_URL is set (fleet-owner e-mail is sent), 0 when e-mail notifications wait', registers, collect () { this.set(probes.smtpConfigured() ? 1 : 0) } }),
    protocolViolations: new Counter({ name: 'fleetwire_mqtt_protocol_violations_total', help: 'Connections closed for protocol violations, by reason', labelNames: ['reason'], registers }),
  }
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>

declare module 'fastify' {
  interface FastifyInstance {
    metrics: GatewayMetrics
  }
}

/** Prometheus metrics: `app.metrics` for the capabilities, `GET /metrics` for scrapers. */
export default fp(async (app) => {
  const metrics = createGatewayMetrics()
  app.decorate('metrics', metrics)
  // Public unless METRICS_TOKEN is set (a scraper outside the trusted network then sends it as a bearer token).
  const token = app.hasDecorator('config') ? app.config.metrics.token : undefined
  const expected = token === undefined ? undefined : createHash('sha256').update(token).digest()
  app.get('/metrics', { config: { public: true } }, async (req, reply) => {
    if (expected !== undefined) {
      const header = req.headers.authorization
      const given = createHash('sha256').update(header?.startsWith('Bearer ') === true ? header.slice(7).trim() : '').digest()
      if (!timingSafeEqual(given, expected)) {
        reply.header('www-authenticate', 'Bearer realm="metrics"')
        return reply.code(401).send({ code: 'GW_ERR_UNAUTHORIZED', message: 'GET /metrics needs the METRICS_TOKEN bearer token' })
      }
    }
    reply.type(metrics.registry.contentType)
    return metrics.registry.metrics()
  })
}, { name: 'metrics' })
