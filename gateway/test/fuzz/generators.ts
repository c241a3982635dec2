/**
 * Fuzz inputs for the broker: seeded, so a failing run can be repeated
 * exactly (FUZZ_SEED). Three kinds of case, each one MQTT packet or one raw
 * byte string:
 *  - `preconnect`: random bytes or a mutated CONNECT on a fresh socket;
 *  - `packet`: a valid MQTT packet of any type (own, foreign, wildcard and
 *    $SYS topics), often mutated, on an authenticated connection;
 *  - `payload`: a well-framed PUBLISH to one of the vehicle's own uplink
 *    topics whose protobuf payload is random or a mutated valid message.
 */
import mqttPacket from 'mqtt-packet'
import { fleetwire, SIGNALS, UPLINK_CHANNELS } from '@fleetwire/proto'

export type CaseKind = 'preconnect' | 'packet' | 'payload'

export interface FuzzCase {
  kind: CaseKind
  bytes: Buffer
}

/** mulberry32: small, fast, good enough to drive a fuzzer. */
export function prng (seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class Fuzzer {
  private readonly rnd: () => number

  constructor (seed: number) {
    this.rnd = prng(seed)
  }

  int (n: number): number {
    return Math.floor(this.rnd() * n)
  }

  pick<T> (xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T
  }

  bytes (n: number): Buffer {
    const b = Buffer.allocUnsafe(n)
    for (let i = 0; i < n; i++) b[i] = this.int(256)
    return b
  }

  /** Bit flips, random bytes, truncation, extension, duplicated slices, 0xFF runs (varints that never end). */
  mutate (input: Buffer): Buffer {
    let b = Buffer.from(input)
    const rounds = 1 + this.int(4)
    for (let r = 0; r < rounds; r++) {
      switch (this.int(7)) {
        case 0: if (b.length > 0) { const i = this.int(b.length); b[i] = (b[i] as number) ^ (1 << this.int(8)) } break
        case 1: if (b.length > 0) b[this.int(b.length)] = this.int(256); break
        case 2: b = b.subarray(0, this.int(b.length + 1)); break
        case 3: b = Buffer.concat([b, this.bytes(1 + this.int(16))]); break
        case 4: if (b.length > 1) { const i = this.int(b.length); const j = i + this.int(b.length - i); b = Buffer.concat([b.subarray(0, j), b.subarray(i, j), b.subarray(j)]) } break
        case 5: { const i = this.int(b.length + 1); b = Buffer.concat([b.subarray(0, i), Buffer.alloc(1 + this.int(10), 0xff), b.subarray(i)]) } break
        default: if (b.length > 0) { const i = this.int(b.length); b[i] = this.pick([0, 0x7f, 0x80, 0xff]) }
      }
    }
    return b
  }

  /** A valid protobuf message of one of the uplink types. */
  validPayload (): Buffer {
    const now = Date.now()
    switch (this.int(5)) {
      case 0: return Buffer.from(fleetwire.v1.VehicleStatus.encode({ session: this.int(100), timeMs: now, powerState: this.int(4), ignitionOn: this.rnd() < 0.5, ecus: [{ ecuId: 'BMS', softwareVersion: '1.0.' + this.int(9) }] }).finish())
      case 1: return Buffer.from(fleetwire.v1.DiagnosticEvent.encode({ code: 'P0A' + this.int(90).toString().padStart(2, '0'), ecuId: 'BMS', status: this.int(256), action: 1 + this.int(2), timeMs: now }).finish())
      case 2: return Buffer.from(fleetwire.v1.DeathCertificate.encode({ session: this.int(100), reason: this.int(4) }).finish())
      default: {
        const n = 1 + this.int(30)
        return Buffer.from(fleetwire.v1.TelemetryBatch.encode({
          seq: this.int(1e6),
          baseTimeMs: now - this.int(1e7),
          session: 1,
          samples: Array.from({ length: n }, (_, j) => {
            const def = this.pick(SIGNALS)
            return { signalId: this.rnd() < 0.9 ? def.id : this.int(70000), value: this.rnd() < 0.9 ? def.min + this.rnd() * (def.max - def.min) : (this.rnd() - 0.5) * 1e12, offsetMs: j }
          }),
        }).finish())
      }
    }
  }

  payloadCase (vehicleId: string): FuzzCase {
    const r = this.rnd()
    const payload = r < 0.15 ? this.bytes(this.int(200)) : r < 0.3 ? this.validPayload() : this.mutate(this.validPayload())
    const channel = this.pick(UPLINK_CHANNELS)
    return { kind: 'payload', bytes: mqttPacket.generate({ cmd: 'publish', topic: `v/${vehicleId}/${channel}`, payload, qos: this.rnd() < 0.8 ? 0 : 1, messageId: 1 + this.int(65535), retain: false, dup: false }) }
  }

  packetCase (vehicleId: string, otherId: string): FuzzCase {
    const topic = this.pick([`v/${vehicleId}/telemetry`, `v/${vehicleId}/cmd/req`, `v/${otherId}/telemetry`, `v/${otherId}/cmd/req`, '#', 'v/+/cmd/req', '$SYS/broker/x', `v/${vehicleId}/${'x/'.repeat(120)}y`, '', '\u0000', 'v//telemetry'])
    const messageId = 1 + this.int(65535)
    let packet: Parameters<typeof mqttPacket.generate>[0]
    switch (this.int(9)) {
      case 0: packet = { cmd: 'publish', topic, payload: this.validPayload(), qos: this.pick([0, 1, 2] as const), messageId, retain: this.rnd() < 0.3, dup: false }; break
      case 1: packet = { cmd: 'subscribe', messageId, subscriptions: [{ topic, qos: this.pick([0, 1, 2] as const) }] }; break
      case 2: packet = { cmd: 'unsubscribe', messageId, unsubscriptions: [topic] }; break
      case 3: packet = { cmd: 'puback', messageId }; break
      case 4: packet = { cmd: 'pubrec', messageId }; break
      case 5: packet = { cmd: 'pubrel', messageId }; break
      case 6: packet = { cmd: 'pubcomp', messageId }; break
      case 7: packet = { cmd: 'connect', protocolId: 'MQTT', protocolVersion: 4, clean: true, clientId: vehicleId, keepalive: 30 }; break
      default: packet = { cmd: 'pingreq' }
    }
    let bytes: Buffer
    try {
      bytes = mqttPacket.generate(packet)
    } catch {
      bytes = this.bytes(2 + this.int(20)) // a packet mqtt-packet itself refuses to build (e.g. empty topic)
    }
    return { kind: 'packet', bytes: this.rnd() < 0.5 ? this.mutate(bytes) : bytes }
  }

  preconnectCase (vehicleId: string, password: string): FuzzCase {
    if (this.rnd() < 0.3) return { kind: 'preconnect', bytes: this.bytes(1 + this.int(64)) }
    let connect: Buffer
    try {
      connect = mqttPacket.generate({
      cmd: 'connect',
      protocolId: this.pick(['MQTT', 'MQIsdp', 'MQTX']) as 'MQTT',
      protocolVersion: this.pick([3, 4, 5, 0, 255] as const) as 4,
      clean: this.rnd() < 0.5,
      clientId: this.pick([vehicleId, '', '+', '#', 'a/b', vehicleId + '#']),
      keepalive: this.int(65536),
      username: this.rnd() < 0.8 ? vehicleId : undefined,
      password: this.rnd() < 0.7 ? Buffer.from(password) : undefined,
      will: this.rnd() < 0.3 ? { topic: this.pick([`v/${vehicleId}/death`, '$SYS/x', '#']), payload: this.bytes(this.int(20)), qos: 1, retain: false } : undefined,
      })
    } catch {
      return { kind: 'preconnect', bytes: this.bytes(1 + this.int(64)) }
    }
    return { kind: 'preconnect', bytes: this.rnd() < 0.7 ? this.mutate(connect) : connect }
  }
}
