import { describe, expect, it } from 'vitest'
import { type ClientQueue, type FragmentCache, type SignalValue, createClientQueue, drain, drainToJson, queueEvent, queueSignal } from './client-queue.core.js'

function filled (shared: readonly SignalValue[]): ClientQueue {
  const q = createClientQueue()
  for (const v of shared) queueSignal(q, 'VIN1', v)
  queueSignal(q, 'VIN2', { signalId: 1, tsMs: 5, value: 9 })
  for (let i = 0; i < 5; i++) queueEvent(q, { topic: 'alerts', payload: { i } }, 3)
  return q
}

describe('client queue serialization', () => {
  it('drainToJson writes exactly what drain returns, gaps first, and empties the queue', () => {
    const shared = [{ signalId: 1, tsMs: 1, value: 1 }, { signalId: 2, tsMs: 1, value: 2 }]
    const expected = JSON.stringify(drain(filled(shared)))
    const q = filled(shared)
    expect(drainToJson(q, new Map())).toBe(expected)
    expect(drainToJson(q, new Map())).toBe('[]')
  })

  it('serializes a vehicle once for every queue holding the same value objects, and separately when they differ', () => {
    const shared = [{ signalId: 1, tsMs: 1, value: 1 }, { signalId: 2, tsMs: 1, value: 2 }]
    const cache: FragmentCache = new Map()
    const a = drainToJson(filled(shared), cache)
    const cached = cache.get('VIN1')
    const b = drainToJson(filled(shared), cache)
    expect(b).toBe(a)
    expect(cache.get('VIN1')).toBe(cached)
    // equal values in other objects (a queue that missed a flush) are serialized on their own, correctly
    const other = filled([{ signalId: 1, tsMs: 1, value: 1 }, { signalId: 2, tsMs: 1, value: 7 }])
    expect(JSON.parse(drainToJson(other, cache))).toContainEqual({ type: 'signals', vehicleId: 'VIN1', values: [{ signalId: 1, tsMs: 1, value: 1 }, { signalId: 2, tsMs: 1, value: 7 }] })
  })
})
