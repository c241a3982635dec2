import type { Socket } from 'node:net'
import { parseProxyV2 } from './proxy-v2.core.js'

/** Longest a proxied connection may take to deliver its PROXY header (HAProxy sends it at once). */
const HEADER_TIMEOUT_MS = 5000

export type ProxiedSource = { ok: true, address: string } | { ok: false, reason: string }

/**
 * Reads the PROXY protocol v2 header off a socket from the load balancer and
 * puts back whatever followed it, so the MQTT (or TLS) bytes start clean.
 * The address is the vehicle's own (the socket's for a LOCAL health check).
 */
export function readProxyHeader (socket: Socket): Promise<ProxiedSource> {
  return new Promise((resolve) => {
    let buf: Buffer = Buffer.alloc(0)
    const done = (r: ProxiedSource, rest?: Buffer) => {
      clearTimeout(timer)
      socket.off('data', onData)
      socket.off('close', onClose)
      socket.pause()
      if (rest !== undefined && rest.length > 0) socket.unshift(rest)
      resolve(r)
    }
    const onData = (chunk: Buffer) => {
      buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk])
      const h = parseProxyV2(buf)
      if (h.status === 'incomplete') return
      if (h.status === 'invalid') return done({ ok: false, reason: h.reason })
      done({ ok: true, address: h.source?.address ?? socket.remoteAddress ?? 'unknown' }, buf.subarray(h.length))
    }
    const onClose = () => done({ ok: false, reason: 'closed before the PROXY header' })
    const timer = setTimeout(() => done({ ok: false, reason: 'no PROXY header in time' }), HEADER_TIMEOUT_MS)
    socket.on('data', onData)
    socket.once('close', onClose)
  })
}
