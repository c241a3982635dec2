/**
 * Test vehicles for a cluster behind a load balancer: they reconnect on their
 * own (as real telematics units do), announce themselves with a birth on every
 * connection, answer read-data commands, publish QoS 1 telemetry at a steady
 * rate and remember, sample by sample, what was acknowledged.
 */
import mqtt, { type MqttClient } from 'mqtt'
import pg from 'pg'
import { fleetwire, SIGNALS, vehicleTopic } from '@fleetwire/proto'

interface Car {
  id: string
  client: MqttClient
  seq: number
  inflight: number
  acked: Set<string>
  droppedAtMs: number | undefined
  session: number
  /** Time of the newest sample sent: samples are stamped with the clock, never twice with one time. */
  lastTsMs: number
}

export class RoamingFleet {
  /** Seconds from a lost connection to the next CONNACK, per reconnection. */
  readonly reconnectS: number[] = []
  private timers: NodeJS.Timeout[] = []

  private constructor (private readonly cars: Car[]) {}

  static async connect (url: string, logins: Array<{ id: string, password: string }>): Promise<RoamingFleet> {
    const fleet = new RoamingFleet([])
    await Promise.all(logins.map((l) => new Promise<void>((resolve, reject) => {
      const client = mqtt.connect(url, { clientId: l.id, username: l.id, password: l.password, protocolVersion: 4, reconnectPeriod: 250, keepalive: 10, connectTimeout: 5000 })
      const car: Car = { id: l.id, client, seq: 0, inflight: 0, acked: new Set(), droppedAtMs: undefined, session: 0, lastTsMs: 0 }
      fleet.cars.push(car)
      client.on('connect', () => {
        if (car.droppedAtMs !== undefined) fleet.reconnectS.push((Date.now() - car.droppedAtMs) / 1000)
        car.droppedAtMs = undefined
        car.session++
        client.subscribe(vehicleTopic(l.id, 'cmd/req'), { qos: 1 })
        client.publish(vehicleTopic(l.id, 'status'), Buffer.from(fleetwire.v1.VehicleStatus.encode({ session: car.session, timeMs: Date.now(), powerState: fleetwire.v1.PowerState.POWER_STATE_AWAKE, ignitionOn: false }).finish()), { qos: 1 })
        resolve()
      })
      client.on('close', () => { car.droppedAtMs ??= Date.now() })
      client.on('message', (_t, payload) => {
        const r = fleetwire.v1.CommandRequest.decode(payload)
        client.publish(vehicleTopic(l.id, 'cmd/res'), Buffer.from(fleetwire.v1.CommandResponse.encode({ correlationId: r.correlationId, readData: { did: r.readData?.did ?? 0, value: Buffer.from(l.id), text: l.id } }).finish()), { qos: 1 })
      })
      setTimeout(() => reject(new Error(`${l.id} did not connect`)), 20_000).unref()
    })))
    return fleet
  }

  get ids (): string[] {
    return this.cars.map((c) => c.id)
  }

  get connected (): number {
    return this.cars.filter((c) => c.client.connected).length
  }

  get ackedSamples (): number {
    return this.cars.reduce((s, c) => s + c.acked.size, 0)
  }

  start (msgsPerS: number, samplesPerMsg: number): void {
    for (const car of this.cars) this.timers.push(setInterval(() => this.publish(car, samplesPerMsg), 1000 / msgsPerS))
  }

  async stop (waitMs = 20_000): Promise<void> {
    for (const t of this.timers) clearInterval(t)
    this.timers = []
    const until = Date.now() + waitMs
    while (this.cars.some((c) => c.inflight > 0) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20))
  }

  async close (): Promise<void> {
    await Promise.all(this.cars.map((c) => c.client.endAsync(true)))
  }

  private publish (car: Car, n: number): void {
    if (!car.client.connected || car.inflight >= 4) return
    const seq = ++car.seq
    // Stamped with the clock, as a real unit's live telemetry is (an old time would make every batch a late one).
    const baseMs = Math.max(Date.now(), car.lastTsMs + 1)
    car.lastTsMs = baseMs + n - 1
    const samples = Array.from({ length: n }, (_, j) => ({ signalId: SIGNALS[j % SIGNALS.length]!.id, ts: baseMs + j, value: SIGNALS[j % SIGNALS.length]!.min }))
    const payload = fleetwire.v1.TelemetryBatch.encode({ seq, baseTimeMs: baseMs, session: 1, samples: samples.map((s) => ({ signalId: s.signalId, value: s.value, offsetMs: s.ts - baseMs })) }).finish()
    car.inflight++
    car.client.publish(vehicleTopic(car.id, 'telemetry'), Buffer.from(payload), { qos: 1 }, (err) => {
      car.inflight--
      if (err !== undefined && err !== null) return
      for (const s of samples) car.acked.add(`${s.signalId}:${s.ts}`)
    })
  }

  /** Every acknowledged sample against the telemetry table: lost (acknowledged, not stored) and stored more than once. */
  async verify (databaseUrl: string): Promise<{ acked: number, lost: number, duplicated: number }> {
    const db = new pg.Client({ connectionString: databaseUrl })
    await db.connect()
    try {
      let lost = 0
      for (const car of this.cars) {
        const { rows } = await db.query<{ k: string }>(`
          SELECT t.signal_id || ':' || (extract(epoch FROM t.ts) * 1000)::bigint AS k
          FROM telemetry_samples t JOIN vehicles v USING (vehicle_key) WHERE v.vehicle_id = $1`, [car.id])
        const inDb = new Set(rows.map((r) => r.k))
        for (const k of car.acked) if (!inDb.has(k)) lost++
      }
      const { rows: [dup] } = await db.query<{ n: number }>('SELECT (count(*) - count(DISTINCT (vehicle_key, signal_id, ts)))::int AS n FROM telemetry_samples')
      return { acked: this.ackedSamples, lost, duplicated: dup?.n ?? -1 }
    } finally {
      await db.end()
    }
  }
}
