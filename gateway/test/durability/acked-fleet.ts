/**
 * Test vehicles that publish QoS 1 telemetry at a steady rate and remember,
 * sample by sample, what the gateway acknowledged (PUBACK received). The
 * durability tests compare that with the database: every acknowledged
 * sample must be there exactly once.
 */
import mqtt, { type MqttClient } from 'mqtt'
import pg from 'pg'
import { fleetwire, SIGNALS, vehicleTopic } from '@fleetwire/proto'

export interface FleetLogin {
  id: string
  password: string
}

export interface FleetOptions {
  msgsPerSPerVehicle: number
  samplesPerMsg: number
  /** Publishes a vehicle keeps unacknowledged at most (the rest wait). */
  window?: number
  keepaliveS?: number
}

interface Car {
  id: string
  client: MqttClient
  seq: number
  inflight: number
  acked: Set<string>
  timer?: NodeJS.Timeout
}

/** Sample j of message seq: signal j mod catalog, at a timestamp no other message of the vehicle uses. */
function sampleKeys (t0: number, seq: number, n: number): Array<{ signalId: number, ts: number, value: number }> {
  return Array.from({ length: n }, (_, j) => {
    const def = SIGNALS[j % SIGNALS.length]!
    return { signalId: def.id, ts: t0 + seq * n + j, value: def.min }
  })
}

export class AckedFleet {
  sent = 0
  ackedMsgs = 0
  errors = 0
  disconnects = 0
  private readonly t0 = Date.now() - 3_600_000

  private constructor (private readonly cars: Car[], private readonly opts: FleetOptions) {}

  static async connect (url: string, logins: FleetLogin[], opts: FleetOptions): Promise<AckedFleet> {
    const cars = await Promise.all(logins.map((l) => new Promise<Car>((resolve, reject) => {
      const client = mqtt.connect(url, { clientId: l.id, username: l.id, password: l.password, protocolVersion: 4, reconnectPeriod: 0, keepalive: opts.keepaliveS ?? 30, connectTimeout: 10_000 })
      client.once('connect', () => resolve({ id: l.id, client, seq: 0, inflight: 0, acked: new Set() }))
      client.once('error', reject)
    })))
    const fleet = new AckedFleet(cars, opts)
    for (const c of cars) c.client.on('close', () => { fleet.disconnects++ })
    return fleet
  }

  get ackedSamples (): number {
    return this.cars.reduce((s, c) => s + c.acked.size, 0)
  }

  get connected (): number {
    return this.cars.filter((c) => c.client.connected).length
  }

  start (): void {
    const every = 1000 / this.opts.msgsPerSPerVehicle
    for (const car of this.cars) car.timer = setInterval(() => this.publish(car), every)
  }

  /** Stops publishing and waits (bounded) for the acknowledgements still outstanding. */
  async stop (waitMs = 30_000): Promise<void> {
    for (const c of this.cars) clearInterval(c.timer)
    const until = Date.now() + waitMs
    while (this.cars.some((c) => c.inflight > 0 && c.client.connected) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20))
  }

  async close (): Promise<void> {
    for (const c of this.cars) c.client.removeAllListeners('close')
    await Promise.all(this.cars.map((c) => c.client.endAsync(true)))
  }

  private publish (car: Car): void {
    if (!car.client.connected || car.inflight >= (this.opts.window ?? 4)) return
    const seq = ++car.seq
    const samples = sampleKeys(this.t0, seq, this.opts.samplesPerMsg)
    const payload = fleetwire.v1.TelemetryBatch.encode({ seq, baseTimeMs: this.t0, session: 1, samples: samples.map((s) => ({ signalId: s.signalId, value: s.value, offsetMs: s.ts - this.t0 })) }).finish()
    car.inflight++
    this.sent++
    car.client.publish(vehicleTopic(car.id, 'telemetry'), Buffer.from(payload), { qos: 1 }, (err) => {
      car.inflight--
      if (err !== undefined && err !== null) {
        this.errors++
        return
      }
      this.ackedMsgs++
      for (const s of samples) car.acked.add(`${s.signalId}:${s.ts}`)
    })
  }

  /** Compares what was acknowledged with the stored samples. */
  async verify (databaseUrl: string): Promise<{ acked: number, lost: number, duplicated: number, stored: number }> {
    const db = new pg.Client({ connectionString: databaseUrl })
    await db.connect()
    try {
      let lost = 0
      let stored = 0
      for (const car of this.cars) {
        const { rows } = await db.query<{ k: string }>(`
          SELECT t.signal_id || ':' || (extract(epoch FROM t.ts) * 1000)::bigint AS k
          FROM telemetry_samples t JOIN vehicles v USING (vehicle_key) WHERE v.vehicle_id = $1`, [car.id])
        const inDb = new Set(rows.map((r) => r.k))
        stored += rows.length
        for (const k of car.acked) if (!inDb.has(k)) lost++
      }
      // Messages are stored as rows keyed by their content, so a sample the
      // gateway stored twice (a resend not recognised as one) shows here.
      const { rows: [dup] } = await db.query<{ n: number }>(`
        SELECT (count(*) - count(DISTINCT (vehicle_key, signal_id, ts)))::int AS n FROM telemetry_samples`)
      return { acked: this.ackedSamples, lost, duplicated: dup?.n ?? -1, stored }
    } finally {
      await db.end()
    }
  }
}

/** The Prometheus text of /metrics, each series (with its labels) and each name (summed over labels). */
export async function scrapeMetrics (httpUrl: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${httpUrl}/metrics`)).text()
  const out = new Map<string, number>()
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)/.exec(line)
    if (m === null) continue
    const v = Number(m[3])
    out.set(m[1]!, (out.get(m[1]!) ?? 0) + v)
    if (m[2] !== undefined) out.set(m[1]! + m[2], v)
  }
  return out
}

/** messages in = stored + spooled + rejected + shed (with nothing in flight). */
export function messageIdentity (m: Map<string, number>): { received: number, accounted: number, stored: number, spooled: number, rejected: number, shed: number } {
  const g = (k: string) => m.get(k) ?? 0
  const stored = g('fleetwire_mqtt_messages_outcome_total{outcome="stored"}')
  const spooled = g('fleetwire_mqtt_messages_outcome_total{outcome="spooled"}')
  const rejected = g('fleetwire_mqtt_messages_rejected_total')
  const shed = g('fleetwire_mqtt_messages_shed_total')
  return { received: g('fleetwire_mqtt_messages_in_total'), accounted: stored + spooled + rejected + shed, stored, spooled, rejected, shed }
}
