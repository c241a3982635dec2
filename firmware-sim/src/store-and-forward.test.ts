import { describe, expect, it } from 'vitest'
import { StoreAndForward } from './store-and-forward.js'

function drain (s: StoreAndForward<number>, max = Infinity): number[] {
  const out: number[] = []
  for (let e = s.take(); e !== undefined && out.length < max; e = out.length < max ? s.take() : undefined) out.push(e.message)
  return out
}

describe('store-and-forward spool', () => {
  it('sends oldest first and forgets a message only when it is acknowledged', () => {
    const s = new StoreAndForward<number>(10)
    for (let i = 1; i <= 3; i++) s.push(i)
    const a = s.take()
    const b = s.take()
    expect([a?.message, b?.message]).toEqual([1, 2])
    expect(s.inFlight).toBe(2)
    s.ack(b!)
    expect(s.size).toBe(3) // 1 still unacknowledged in front
    s.ack(a!)
    expect(s.size).toBe(1)
    expect(drain(s)).toEqual([3])
  })

  it('after a lost connection resends everything unacknowledged, in order, exactly once', () => {
    const s = new StoreAndForward<number>(100)
    for (let i = 1; i <= 6; i++) s.push(i)
    const sent = [s.take()!, s.take()!, s.take()!, s.take()!]
    s.ack(sent[0]!)
    s.ack(sent[2]!) // out-of-order PUBACKs happen across a reconnect
    s.requeue()
    expect(s.inFlight).toBe(0)
    expect(drain(s)).toEqual([2, 4, 5, 6])
  })

  it('is bounded: when full the oldest is dropped and counted', () => {
    const s = new StoreAndForward<number>(3)
    for (let i = 1; i <= 5; i++) s.push(i)
    expect(s.size).toBe(3)
    expect(s.dropped).toBe(2)
    expect(drain(s)).toEqual([3, 4, 5])
  })

  it('drops an in-flight oldest when full, and ignores its late acknowledgement', () => {
    const s = new StoreAndForward<number>(2)
    s.push(1)
    s.push(2)
    const first = s.take()!
    s.push(3) // 1 is dropped while in flight
    expect(s.inFlight).toBe(0)
    s.ack(first)
    expect(s.stats()).toMatchObject({ size: 2, dropped: 1, acked: 0 })
    expect(drain(s)).toEqual([2, 3])
  })

  it('keeps working over many cycles (compaction keeps order)', () => {
    const s = new StoreAndForward<number>(1000)
    const got: number[] = []
    let next = 0
    for (let round = 0; round < 200; round++) {
      for (let k = 0; k < 7; k++) s.push(next++)
      for (let e = s.take(); e !== undefined; e = s.take()) {
        got.push(e.message)
        s.ack(e)
      }
    }
    expect(got).toEqual(Array.from({ length: next }, (_, i) => i))
    expect(s.size).toBe(0)
  })
})
