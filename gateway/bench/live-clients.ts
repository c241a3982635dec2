/**
 * A bench worker process holding dashboard clients of the live channel:
 * each connects to /live, authenticates, subscribes to every vehicle's
 * signals and records publish → client-message latency for each value
 * (the generator stamps samples with its wall clock; same machine).
 */
import WebSocket from 'ws'
import { SIGNALS } from '@fleetwire/proto'
import { createHistogram, record, type HistogramData } from './latency-histogram.js'

export type LiveClientsCommand =
  /** parseEvery: each client fully decodes one message in this many (the rest are only counted), so the
   *  bench's own JSON parsing does not starve the machine it shares with the gateway. */
  | { type: 'connect', url: string, token: string, clients: number, vehicleIds: string[], parseEvery: number }
  | { type: 'snapshot' }
  | { type: 'close' }

export type LiveClientsReport =
  | { type: 'connected', clients: number }
  | { type: 'snapshot', messages: number, bytes: number, values: number, gaps: number, closed: number, latency: HistogramData }
  | { type: 'failed', detail: string }
  | { type: 'closed' }

/** The load generator puts catalog signal j at time offset j ms after the batch's base time (load-generator.ts). */
const OFFSET_BY_SIGNAL = new Map(SIGNALS.map((s, j) => [s.id, j]))

let latency = createHistogram()
let messages = 0
let bytes = 0
let values = 0
let gaps = 0
let closed = 0
const sockets: WebSocket[] = []

const send = (r: LiveClientsReport) => process.send?.(r)

function open (url: string, token: string, vehicleIds: readonly string[], parseEvery: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url)
    let subscribed = 0
    let ready = false
    let seen = Math.floor(Math.random() * parseEvery)
    ws.on('open', () => {
      ws.send(JSON.stringify({ type: 'auth', token }))
      for (const id of vehicleIds) ws.send(JSON.stringify({ type: 'subscribe', topic: `vehicle/${id}/signals` }))
    })
    ws.on('message', (raw: Buffer) => {
      const now = Date.now()
      messages++
      bytes += raw.length
      if (ready && ++seen % parseEvery !== 0) return
      const batch = JSON.parse(raw.toString()) as Array<{ type: string, values?: Array<{ signalId: number, tsMs: number }> }>
      for (const m of batch) {
        if (m.type === 'signals') {
          for (const v of m.values ?? []) {
            values++
            record(latency, Math.max(0, now - (v.tsMs - (OFFSET_BY_SIGNAL.get(v.signalId) ?? 0))))
          }
        } else if (m.type === 'gap') gaps++
        else if (m.type === 'subscribed' && ++subscribed === vehicleIds.length) {
          ready = true
          resolve(ws)
        }
        else if (m.type === 'error') reject(new Error(JSON.stringify(m)))
      }
    })
    ws.on('close', (code) => {
      closed++
      if (!ready) reject(new Error(`live socket closed (${code}) after ${subscribed} of ${vehicleIds.length} subscriptions`))
    })
    ws.on('error', reject)
    setTimeout(() => { if (!ready) reject(new Error(`only ${subscribed} of ${vehicleIds.length} subscriptions confirmed after 120 s`)) }, 120_000).unref()
  })
}

process.on('message', (cmd: LiveClientsCommand) => {
  if (cmd.type === 'connect') {
    Promise.all(Array.from({ length: cmd.clients }, () => open(cmd.url, cmd.token, cmd.vehicleIds, cmd.parseEvery)))
      .then((ws) => { sockets.push(...ws); send({ type: 'connected', clients: ws.length }) }, (err: Error) => send({ type: 'failed', detail: err.message }))
  } else if (cmd.type === 'snapshot') {
    send({ type: 'snapshot', messages, bytes, values, gaps, closed, latency })
    latency = createHistogram()
    messages = bytes = values = gaps = 0
  } else if (cmd.type === 'close') {
    for (const ws of sockets) ws.close()
    send({ type: 'closed' })
  }
})
