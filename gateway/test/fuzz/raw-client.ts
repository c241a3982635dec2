import { connect, type Socket } from 'node:net'
import mqttPacket from 'mqtt-packet'

/** A raw TCP socket to the broker, reading and discarding whatever the broker sends. */
export function openSocket (port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1')
    s.setNoDelay(true)
    s.once('connect', () => resolve(s))
    s.once('error', reject)
  })
}

/** A raw socket that has completed CONNECT/CONNACK as the vehicle; undefined when refused. */
export async function authenticatedSocket (port: number, id: string, password: string): Promise<Socket | undefined> {
  const s = await openSocket(port)
  s.on('error', () => {})
  const accepted = await new Promise<boolean>((resolve) => {
    s.once('data', (b: Buffer) => resolve(b[0] === 0x20 && b[3] === 0))
    s.once('close', () => resolve(false))
    s.write(mqttPacket.generate({ cmd: 'connect', protocolId: 'MQTT', protocolVersion: 4, clean: true, clientId: id, username: id, password: Buffer.from(password), keepalive: 60 }))
  })
  if (!accepted) {
    s.destroy()
    return undefined
  }
  s.on('data', () => {}) // keep reading: PUBACKs, SUBACKs, PINGRESPs
  return s
}

export function closedWithin (s: Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (s.destroyed) return resolve(true)
    const t = setTimeout(() => resolve(false), ms)
    s.once('close', () => { clearTimeout(t); resolve(true) })
  })
}
