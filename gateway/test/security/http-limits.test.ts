import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestGateway, startGateway } from '../helper.js'

let gw: TestGateway
const MAX_CONNECTIONS = 4
beforeAll(async () => {
  gw = await startGateway({ HTTP_REQUEST_TIMEOUT_MS: '1000', HTTP_CONNECTION_TIMEOUT_MS: '5000', HTTP_MAX_CONNECTIONS: String(MAX_CONNECTIONS) })
}, 120_000)
afterAll(async () => {
  await gw?.close()
  await gw?.dropDatabase()
})

const port = () => Number(new URL(gw.httpUrl).port)

/** A raw TCP client: what it received, and a promise settled when the server closes it. */
function rawClient (): Promise<{ socket: Socket, received: () => string, closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port(), '127.0.0.1')
    let data = ''
    socket.on('data', (d) => { data += String(d) })
    const closed = new Promise<void>((done) => socket.once('close', () => done()))
    socket.once('error', () => { /* a reset counts as closed */ })
    socket.once('connect', () => resolve({ socket, received: () => data, closed }))
    socket.once('error', reject)
  })
}

describe('HTTP server limits', () => {
  it('answers 408 and closes a request whose body trickles in past HTTP_REQUEST_TIMEOUT_MS', async () => {
    const c = await rawClient()
    const started = Date.now()
    c.socket.write('POST /auth/login HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 200\r\n\r\n{"username":')
    // Keep trickling a byte now and then, as a slow-loris client does: the whole request still has its deadline.
    const trickle = setInterval(() => { if (!c.socket.destroyed) c.socket.write(' ') }, 200)
    await c.closed
    clearInterval(trickle)
    expect(c.received()).toMatch(/^HTTP\/1\.1 408/)
    expect(Date.now() - started).toBeLessThan(4000) // the 1 s limit (checked every second), not a lower layer's
  })

  it('refuses connections beyond HTTP_MAX_CONNECTIONS and accepts again once one closes', async () => {
    const held = []
    for (let i = 0; i < MAX_CONNECTIONS; i++) {
      const c = await rawClient()
      // Each held connection is really accepted: it gets an answer on it.
      c.socket.write('GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n')
      held.push(c)
    }
    for (const c of held) await waitUntil(() => c.received().startsWith('HTTP/1.1 200'))
    const extra = await rawClient()
    extra.socket.write('GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n')
    await extra.closed
    expect(extra.received()).toBe('') // closed by the server without an answer
    held[0]?.socket.destroy()
    await held[0]?.closed
    const again = await waitUntilValue(async () => {
      const r = await fetch(`${gw.httpUrl}/healthz`).catch(() => undefined)
      return r?.status === 200 ? r.status : undefined
    })
    expect(again).toBe(200)
    for (const c of held) c.socket.destroy()
  })
})

async function waitUntil (ok: () => boolean, timeoutMs = 5000): Promise<void> {
  await waitUntilValue(() => Promise.resolve(ok() ? true : undefined), timeoutMs)
}

async function waitUntilValue<T> (probe: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const v = await probe()
    if (v !== undefined) return v
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
