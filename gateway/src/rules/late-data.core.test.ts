import { describe, expect, it } from 'vitest'
import { COOLANT, DAY, HOUR, MIN, S, T0, TYRE_FL, harness, rng, rule } from './harness.testing.js'
import { snapshotRuleState } from './snapshot.core.js'

const coolant = rule({ id: 'coolant', signal: COOLANT, kind: { type: 'threshold', op: 'above', raise: 105, clear: 95, forS: 60, clearForS: 60 } })
const leak = rule({ id: 'leak', signal: TYRE_FL, kind: { type: 'slope', op: 'below', perDay: -2, windowS: 3 * 86_400, minSamples: 50 } })

/** Coolant over 105 from 10 to 20 min, then back to normal. */
const episode: Array<[number, number]> = Array.from({ length: 60 }, (_, i) => [T0 + i * MIN, i >= 10 && i < 20 ? 110 : 80])

describe('late and replayed data', () => {
  it('a replayed series, or a late batch from inside an episode, never raises twice', () => {
    const h = harness([coolant])
    for (const [t, v] of episode) h.feed(COOLANT, t, v)
    expect(h.out.map((x) => [x.kind, x.atMs])).toEqual([['raise', T0 + 10 * MIN], ['clear', T0 + 20 * MIN]])
    for (const [t, v] of episode) h.feed(COOLANT, t, v)
    for (let t = T0 + 30 * MIN; t < T0 + 40 * MIN; t += 10 * S) h.feed(COOLANT, t, 120)
    expect(h.out).toHaveLength(2)
  })

  it('a store-and-forward backlog that arrives in order is judged at its own event times', () => {
    const h = harness([coolant])
    for (const [t, v] of episode.slice(0, 30)) h.feed(COOLANT, t, v)
    // offline for an hour, then the spooled batch, then live data again
    for (const [t, v] of episode.slice(30)) h.feed(COOLANT, t + HOUR, v === 80 ? 110 : v)
    expect(h.out.map((x) => [x.kind, x.atMs, x.confirmedAtMs])).toEqual([
      ['raise', T0 + 10 * MIN, T0 + 11 * MIN],
      ['clear', T0 + 20 * MIN, T0 + 21 * MIN],
      ['raise', T0 + HOUR + 30 * MIN, T0 + HOUR + 31 * MIN],
    ])
  })

  it('window kinds fold a backlog that arrives after live data into their buckets, and raise once', () => {
    const h = harness([leak])
    const r = rng(9)
    const series = Array.from({ length: 3 * 24 * 6 }, (_, i): [number, number] => {
      const t = T0 + i * 10 * MIN
      return [t, 250 - 5 * ((t - T0) / DAY) + 0.5 * r.normal()]
    })
    const live = series.slice(-3)
    for (const [t, v] of live) h.feed(TYRE_FL, t, v)
    expect(h.out).toEqual([])
    for (const [t, v] of series.slice(0, -3)) h.feed(TYRE_FL, t, v)
    expect(h.out).toHaveLength(1)
    // judged at the rule's newest time: late data never moves its clock back
    expect(h.out[0]?.confirmedAtMs).toBe(live[2]?.[0])
    for (const [t, v] of series) h.feed(TYRE_FL, t, v)
    expect(h.out).toHaveLength(1)
  })

  it('kinds that cannot use late samples leave their state untouched by them', () => {
    const ewma = rule({ id: 'ewma', signal: COOLANT, kind: { type: 'ewma', alpha: 0.1, k: 4, forS: 0, warmupSamples: 5 } })
    const h = harness([ewma, coolant])
    for (let i = 0; i < 20; i++) h.feed(COOLANT, T0 + i * MIN, 80 + (i % 3))
    const before = JSON.stringify(snapshotRuleState(h.set, h.state))
    for (let i = 0; i < 20; i++) h.feed(COOLANT, T0 + i * MIN - 30 * S, 140)
    expect(JSON.stringify(snapshotRuleState(h.set, h.state))).toBe(before)
    expect(h.out).toEqual([])
  })
})
