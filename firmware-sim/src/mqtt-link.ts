import { createConnection } from 'node:net'
import mqtt, { MqttClient, type IClientOptions } from 'mqtt'

const noop = (): void => {}

export interface LinkOptions {
  vin: string
  password: string
  keepaliveS: number
  /** The death certificate the broker publishes if the link is lost. */
  will: { topic: string, payload: Buffer }
}

/**
 * One MQTT 3.1.1 connection of a vehicle: clientId = username = VIN, clean
 * session (the unit's own spool, not the broker, holds what is unsent), no
 * automatic reconnect (the unit backs off itself), the will registered.
 * Plain TCP gets TCP_NODELAY (Nagle + delayed ACK cost ~40 ms per message).
 */
export function openLink (url: URL, o: LinkOptions): MqttClient {
  const opts: IClientOptions = {
    clientId: o.vin,
    username: o.vin,
    password: o.password,
    protocolVersion: 4,
    clean: true,
    keepalive: o.keepaliveS,
    reconnectPeriod: 0,
    connectTimeout: 15_000,
    resubscribe: false,
    queueQoSZero: false,
    log: noop, // mqtt.js's per-packet debug calls cost ~4 % of a busy fleet's CPU
    // Rescheduling the ping on every packet allocates a 30 s timer per publish; at
    // thousands of publishes a second those survive into the old generation.
    reschedulePings: false,
    will: { topic: o.will.topic, payload: o.will.payload, qos: 1, retain: false },
  }
  if (url.protocol === 'mqtt:' || url.protocol === 'tcp:') {
    return new MqttClient(() => createConnection({ host: url.hostname, port: Number(url.port || 1883) }).setNoDelay(true), opts)
  }
  return mqtt.connect(url.toString(), opts)
}
