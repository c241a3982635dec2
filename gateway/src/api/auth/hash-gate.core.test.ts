import { describe, expect, it } from 'vitest'
import { createHashGate } from './hash-gate.core.js'

/** A job that finishes when the test says so. */
function job () {
  let finish!: (v: string) => void
  const done = new Promise<string>((resolve) => { finish = resolve })
  return { fn: () => done, finish }
}

describe('hash gate', () => {
  it('runs up to `concurrency` jobs, queues `queue` more and refuses the rest', async () => {
    const gate = createHashGate({ concurrency: 2, queue: 1 })
    const jobs = [job(), job(), job(), job()]
    const started: number[] = []
    const runs = jobs.map((j, i) => gate.run(() => { started.push(i); return j.fn() }))
    expect(await runs[3]).toBeUndefined() // refused at once: 2 running, 1 waiting
    expect([gate.running, gate.waiting, started]).toEqual([2, 1, [0, 1]])
    jobs[0]?.finish('a')
    expect(await runs[0]).toBe('a')
    await Promise.resolve()
    expect([gate.running, gate.waiting, started]).toEqual([2, 0, [0, 1, 2]])
    jobs[1]?.finish('b')
    jobs[2]?.finish('c')
    expect([await runs[1], await runs[2]]).toEqual(['b', 'c'])
    expect([gate.running, gate.waiting]).toEqual([0, 0])
  })

  it('frees the slot when a job throws', async () => {
    const gate = createHashGate({ concurrency: 1, queue: 0 })
    await expect(gate.run(async () => { throw new Error('boom') })).rejects.toThrow('boom')
    expect(await gate.run(async () => 'next')).toBe('next')
  })
})
