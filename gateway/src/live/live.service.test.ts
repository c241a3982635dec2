import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { CLOSE_TOO_SLOW, type LiveHub, type LiveSocket, createLiveHub } from './live.service.js'

const VIN = 'TST00000000000001'

class MemorySocket implements LiveSocket {
  sent: unknown[][] = []
  bufferedAmount = 0
  closed: [number, string] | undefined
  send (text: string): void { this.sent.push(JSON.parse(text) as unknown[]) }
  close (code: number, reason: string): void { this.closed = [code, reason] }
}

let now = 0
let hub: LiveHub
function makeHub (): LiveHub {
  hub = createLiveHub({ maxHz: 10, maxQueuedEvents: 3, maxBufferedBytes: 1000, stallTimeoutMs: 5000, log: pino({ level: 'silent' }), now: () => now })
  return hub
}
afterEach(() => hub.close())

describe('live hub', () => {
  it('coalesces a burst of samples to the latest value per signal per flush', () => {
    const h = makeHub()
    const s = new MemorySocket()
    const c = h.add(s)
    expect(h.subscribe(c, `vehicle/${VIN}/signals`).ok).toBe(true)
    for (let i = 0; i < 100; i++) h.publishSignals(VIN, [1, 10], [i, i], [i, 100 - i])
    h.flush()
    expect(s.sent).toEqual([[{ type: 'signals', vehicleId: VIN, values: [{ signalId: 1, tsMs: 99, value: 99 }, { signalId: 10, tsMs: 99, value: 1 }] }]])
    h.flush()
    expect(s.sent).toHaveLength(1) // nothing new, nothing sent
  })

  it('recheckAll re-checks every client that has a re-check; changes during a round fold into one more round', async () => {
    const h = makeHub()
    const calls: string[] = []
    let release: (() => void) | undefined
    const gate = new Promise<void>((resolve) => { release = resolve })
    let first = true
    h.add(new MemorySocket(), undefined, async () => {
      calls.push('a')
      if (first) { first = false; await gate }
    })
    h.add(new MemorySocket(), undefined, async () => { calls.push('b'); throw new Error('database down') })
    h.add(new MemorySocket()) // no re-check (not authenticated through a token)
    const round = h.recheckAll()
    // Three more changes while the first round waits: one more round, not three.
    const again = [h.recheckAll(), h.recheckAll(), h.recheckAll()]
    release?.()
    await Promise.all([round, ...again])
    expect(calls.sort()).toEqual(['a', 'a', 'b', 'b'])
  })

  it('sends only subscribed topics, and nothing after unsubscribe', () => {
    const h = makeHub()
    const s = new MemorySocket()
    const c = h.add(s)
    h.publishSignals(VIN, [1], [1], [1])
    h.publishEvent('alerts', { id: 'a' })
    h.flush()
    expect(s.sent).toEqual([])
    h.subscribe(c, 'alerts')
    h.publishEvent('alerts', { id: 'b' })
    h.flush()
    h.unsubscribe(c, 'alerts')
    h.publishEvent('alerts', { id: 'c' })
    h.flush()
    expect(s.sent).toEqual([[{ type: 'event', topic: 'alerts', payload: { id: 'b' } }]])
  })

  it('sends an event at the end of the event-loop turn, without waiting for the tick; signal values still wait for it', async () => {
    const h = makeHub()
    const s = new MemorySocket()
    const c = h.add(s)
    h.subscribe(c, 'alerts')
    h.subscribe(c, `vehicle/${VIN}/signals`)
    h.publishSignals(VIN, [1], [5], [42])
    h.publishEvent('alerts', { id: 'a' })
    h.publishEvent('alerts', { id: 'b' })
    expect(s.sent).toEqual([])
    await new Promise((resolve) => setImmediate(resolve))
    expect(s.sent).toEqual([[{ type: 'event', topic: 'alerts', payload: { id: 'a' } }, { type: 'event', topic: 'alerts', payload: { id: 'b' } }]])
    h.flush()
    expect(s.sent[1]).toEqual([{ type: 'signals', vehicleId: VIN, values: [{ signalId: 1, tsMs: 5, value: 42 }] }])
  })

  it('refuses unknown topics with a message naming the valid ones', () => {
    const h = makeHub()
    const r = h.subscribe(h.add(new MemorySocket()), 'vehicle/not-a-vin/signals')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.detail).toContain('vehicle/{id}/signals')
  })

  it('keeps a bounded queue for a client that does not read, marks the gap, then drops the client', () => {
    const h = makeHub()
    const slow = new MemorySocket()
    const fast = new MemorySocket()
    const cs = h.add(slow)
    const cf = h.add(fast)
    h.subscribe(cs, 'alerts')
    h.subscribe(cf, 'alerts')
    slow.bufferedAmount = 5000
    for (let i = 0; i < 50; i++) h.publishEvent('alerts', { i })
    h.flush()
    expect(slow.sent).toEqual([])
    expect(cs.queue.events).toHaveLength(3)
    // the bound applies between two flushes for every client: the fast one is told of the gap too
    expect(fast.sent[0]?.[0]).toEqual({ type: 'gap', topic: 'alerts', dropped: 47 })
    // the buffer drains: the slow client learns how much it missed, then gets the newest events
    slow.bufferedAmount = 0
    h.flush()
    expect(slow.sent[0]?.[0]).toEqual({ type: 'gap', topic: 'alerts', dropped: 47 })
    expect(slow.sent[0]?.slice(1)).toEqual([47, 48, 49].map((i) => ({ type: 'event', topic: 'alerts', payload: { i } })))
    // stuck for longer than the stall timeout: disconnected, and no longer served
    slow.bufferedAmount = 5000
    h.publishEvent('alerts', { i: 50 })
    h.flush()
    now += 5001
    h.flush()
    expect(slow.closed).toEqual([CLOSE_TOO_SLOW, 'too slow'])
    expect(h.clientCount()).toBe(1)
  })

  it('delivers vehicle events only to clients whose scope includes the vehicle, and per-scope events to their group', () => {
    const h = makeHub()
    const admin = new MemorySocket()
    const ownerA = new MemorySocket()
    const ownerB = new MemorySocket()
    const ca = h.add(admin)
    const coa = h.add(ownerA, { fleets: ['fleet-a'], regions: null })
    const cob = h.add(ownerB, { fleets: ['fleet-b'], regions: null })
    for (const c of [ca, coa, cob]) {
      h.subscribe(c, 'alerts')
      h.subscribe(c, 'fleet/summary')
    }
    h.publishEvent('alerts', { id: 'x' }, { vehicle: { fleet: 'fleet-a', region: 'EU' } })
    expect(h.subscriberScopes('fleet/summary').map((g) => g.scope)).toEqual([{ fleets: null, regions: null }, { fleets: ['fleet-a'], regions: null }, { fleets: ['fleet-b'], regions: null }])
    h.publishEvent('fleet/summary', { online: 2 }, { scopeKey: coa.scopeKey })
    h.flush()
    expect(admin.sent).toEqual([[{ type: 'event', topic: 'alerts', payload: { id: 'x' } }]])
    expect(ownerA.sent).toEqual([[{ type: 'event', topic: 'alerts', payload: { id: 'x' } }, { type: 'event', topic: 'fleet/summary', payload: { online: 2 } }]])
    expect(ownerB.sent).toEqual([])
  })

  it('accepts the fleet summary and campaign topics', () => {
    const h = makeHub()
    const c = h.add(new MemorySocket())
    expect(h.subscribe(c, 'fleet/summary').ok).toBe(true)
    expect(h.subscribe(c, 'campaign/3f2a77c1-0b4e-4d2a-9f3e-1c2d3e4f5a6b').ok).toBe(true)
    expect(h.subscribe(c, 'campaign/../x').ok).toBe(false)
    expect(h.subscribe(c, 'campaign/3f2a-77').ok).toBe(false) // campaign ids are UUIDs
  })
})
