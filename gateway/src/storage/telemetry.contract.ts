import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Queryable } from './db.js'
import { createPrivacyRepository } from './privacy.repository.js'
import { createTelemetryRepository, type TelemetryColumns, type TelemetryRepository } from './telemetry.repository.js'
import type { BucketPoint } from './telemetry-rollup.core.js'

export interface TelemetryBackend {
  db: Queryable
  timescale: boolean
  close(): Promise<void>
}

interface Sample { v: number, s: number, t: number, x: number }

export function columns (samples: Sample[]): TelemetryColumns {
  return {
    vehicleKeys: samples.map((p) => p.v),
    signalIds: samples.map((p) => p.s),
    tsMs: samples.map((p) => p.t),
    values: samples.map((p) => p.x),
  }
}

/** Reference implementation of bucketing: epoch-aligned buckets overlapping [from, to). */
function oracle (samples: Sample[], bucketS: number, fromMs: number, toMs: number): BucketPoint[] {
  const b = bucketS * 1000
  const start = Math.floor(fromMs / b) * b
  const end = Math.ceil(toMs / b) * b
  const byBucket = new Map<number, Sample[]>()
  for (const p of samples.filter((q) => q.t >= start && q.t < end).sort((l, r) => l.t - r.t)) {
    const k = Math.floor(p.t / b) * b
    byBucket.set(k, [...(byBucket.get(k) ?? []), p])
  }
  return [...byBucket.entries()].sort(([l], [r]) => l - r).map(([tsMs, ps]) => ({
    tsMs,
    min: Math.min(...ps.map((p) => p.x)),
    max: Math.max(...ps.map((p) => p.x)),
    avg: ps.reduce((a, p) => a + p.x, 0) / ps.length,
    last: ps.at(-1)!.x,
    count: ps.length,
  }))
}

function expectBuckets (actual: unknown[], expected: BucketPoint[]): void {
  expect(actual).toHaveLength(expected.length)
  actual.forEach((a, i) => {
    const e = expected[i]!
    expect(Object.keys(a as object).sort()).toEqual(['avg', 'count', 'last', 'max', 'min', 'tsMs'])
    expect(a).toMatchObject({ tsMs: e.tsMs, min: e.min, max: e.max, last: e.last, count: e.count })
    expect((a as BucketPoint).avg).toBeCloseTo(e.avg, 9)
  })
}

const T0 = Date.UTC(2026, 0, 5, 12, 0, 0) // aligned to every bucket width used below

/** The contract every telemetry storage backend satisfies. */
export function telemetryRepositoryContract (name: string, factory: () => Promise<TelemetryBackend>): void {
  describe(`TelemetryRepository contract: ${name}`, () => {
    let backend: TelemetryBackend
    let repo: TelemetryRepository

    beforeAll(async () => {
      backend = await factory()
      repo = createTelemetryRepository(backend.db, { timescale: backend.timescale, purgeBatchRows: 7 })
    })
    afterAll(async () => { await backend?.close() })

    describe('insertColumns', () => {
      it('returns the samples inserted; a replayed message inserts nothing, whatever it was written with', async () => {
        const msg = (v: number, t: number) => [1, 2, 3].map((s) => ({ v, s, t: t + s, x: v + s + t }))
        const a = msg(101, T0)
        const b = msg(101, T0 + 1000)
        const c = msg(105, T0)
        const batch = { ...columns([...a, ...b, ...c]), messageSizes: [3, 3, 3] }
        expect(await repo.insertColumns(batch)).toBe(9)
        expect(await repo.insertColumns(batch)).toBe(0)
        // The same messages again, in other company and order: still replays.
        expect(await repo.insertColumns({ ...columns([...c, ...msg(101, T0 + 2000), ...a]), messageSizes: [3, 3, 3] })).toBe(3)
        expect(await repo.insertColumns(columns(b))).toBe(0)
        // A different message repeating one stored sample: stored, but read once.
        const overlap = columns([{ v: 101, s: 1, t: T0 + 1, x: 99 }, { v: 101, s: 1, t: T0 + 3000, x: 4 }])
        expect(await repo.insertColumns(overlap)).toBe(2)
        const raw = await repo.history({ vehicleKey: 101, signalId: 1, fromMs: T0, toMs: T0 + 10_000 })
        expect(raw.points.map((p) => p.tsMs)).toEqual([T0 + 1, T0 + 1001, T0 + 2001, T0 + 3000])
      })

      it('rejects message sizes that do not match the columns', async () => {
        await expect(repo.insertColumns({ ...columns([{ v: 106, s: 1, t: T0, x: 1 }]), messageSizes: [2] })).rejects.toThrow(RangeError)
      })

      it('skips duplicates inside one batch and accepts an empty batch', async () => {
        const dup = columns([{ v: 102, s: 1, t: T0, x: 1 }, { v: 102, s: 1, t: T0, x: 2 }])
        expect(await repo.insertColumns(dup)).toBe(1)
        expect(await repo.insertColumns(columns([]))).toBe(0)
        await expect(repo.insertColumns({ vehicleKeys: [1], signalIds: [], tsMs: [], values: [] })).rejects.toThrow(RangeError)
      })

      it('stores each message once when overlapping batches of messages are written concurrently', async () => {
        // Message i: vehicle 110 + i % 5, 5 samples.
        const msgs = (from: number, to: number) => {
          const ids = Array.from({ length: to - from }, (_, i) => from + i)
          const samples = ids.flatMap((m) => Array.from({ length: 5 }, (_, j) => ({ v: 110 + (m % 5), s: 1 + j, t: T0 + m * 1000 + j, x: m })))
          return { ...columns(samples), messageSizes: ids.map(() => 5) }
        }
        const written = await Promise.all([msgs(0, 300), msgs(100, 400), msgs(0, 400), msgs(200, 500)].map((b) => repo.insertColumns(b)))
        expect(written.reduce((a, n) => a + n, 0)).toBe(2500)
      })

      it('round-trips timestamps and values exactly', async () => {
        const samples: Sample[] = [
          { v: 103, s: 1, t: Date.UTC(1999, 11, 31, 23, 59, 59, 999), x: -0.1 },
          { v: 103, s: 2, t: Date.UTC(2000, 0, 1), x: 5e-324 },
          { v: 103, s: 3, t: Date.UTC(2038, 0, 19, 3, 14, 8, 1), x: 1.7976931348623157e308 },
          { v: 103, s: 32767, t: T0 + 123, x: 0.1 + 0.2 },
          { v: 2_147_483_647, s: 4, t: T0 + 1, x: -273.15 },
        ]
        expect(await repo.insertColumns(columns(samples))).toBe(samples.length)
        for (const p of samples) {
          const h = await repo.history({ vehicleKey: p.v, signalId: p.s, fromMs: p.t, toMs: p.t + 1 })
          expect(h.points).toEqual([{ tsMs: p.t, value: p.x }])
        }
      })
    })

    describe('latest', () => {
      it('returns the newest sample of every signal, by signal id', async () => {
        await repo.insertColumns(columns([
          { v: 201, s: 7, t: T0, x: 1 }, { v: 201, s: 7, t: T0 + 5000, x: 2 }, { v: 201, s: 7, t: T0 + 2000, x: 3 },
          { v: 201, s: 3, t: T0 - 86_400_000 * 40, x: 4 },
          { v: 201, s: 12, t: T0 + 1, x: 5 },
          { v: 202, s: 7, t: T0 + 9000, x: 6 },
        ]))
        expect(await repo.latest(201)).toEqual([
          { signalId: 3, tsMs: T0 - 86_400_000 * 40, value: 4 },
          { signalId: 7, tsMs: T0 + 5000, value: 2 },
          { signalId: 12, tsMs: T0 + 1, value: 5 },
        ])
        expect(await repo.latest(299)).toEqual([])
      })
    })

    describe('recorded', () => {
      it('returns the chosen signals of one vehicle in the range, ordered by time, at most `limit` rows', async () => {
        await repo.insertColumns(columns([
          { v: 251, s: 4, t: T0 + 2000, x: 4.5 }, { v: 251, s: 2, t: T0 + 1000, x: 2.5 }, { v: 251, s: 9, t: T0 + 1500, x: 9 },
          { v: 251, s: 2, t: T0 + 3000, x: 2.75 }, { v: 251, s: 2, t: T0 + 9000, x: 0 }, { v: 252, s: 2, t: T0 + 1200, x: 7 },
        ]))
        const r = await repo.recorded(251, [2, 4], T0, T0 + 9000, 10)
        expect(r).toEqual({ vehicleKeys: [251, 251, 251], signalIds: [2, 4, 2], tsMs: [T0 + 1000, T0 + 2000, T0 + 3000], values: [2.5, 4.5, 2.75] })
        expect((await repo.recorded(251, [2, 4], T0, T0 + 9000, 2)).tsMs).toEqual([T0 + 1000, T0 + 2000])
      })
    })

    describe('privacy export pages', () => {
      it('reads every sample of the vehicle once, by time then signal, in pages of at most `limit`', async () => {
        // 60 messages 20 s apart, each spanning 530 s: rows overlap in time,
        // and one sample is sent again in a different message with another value.
        const msgs = Array.from({ length: 60 }, (_, i) => [1, 2, 3].map((s, j) => ({ v: 271, s, t: T0 + i * 20_000 + [0, 250_000, 530_000][j]!, x: i * 10 + s })))
        msgs.push([{ v: 271, s: 2, t: msgs[10]![1]!.t, x: -1 }])
        const shuffled = [...msgs].reverse()
        await repo.insertColumns({ ...columns(shuffled.flat()), messageSizes: shuffled.map((m) => m.length) })
        const expected = new Map<string, { signalId: number, tsMs: number, value: number }>()
        for (const p of msgs.flat()) {
          const k = `${p.t}/${p.s}`
          if (expected.get(k) === undefined || expected.get(k)!.value > p.x) expected.set(k, { signalId: p.s, tsMs: p.t, value: p.x })
        }
        const privacy = createPrivacyRepository(backend.db, { timescale: backend.timescale })
        const read: Array<{ signalId: number, tsMs: number, value: number }> = []
        let after: { signalId: number, tsMs: number } | undefined
        for (let pages = 0; ; pages++) {
          expect(pages).toBeLessThan(100)
          const page = await privacy.telemetryPage(271, after, 7)
          expect(page.length).toBeLessThanOrEqual(7)
          if (page.length === 0) break
          read.push(...page)
          after = page.at(-1)
        }
        expect(read).toEqual([...expected.values()].sort((a, b) => a.tsMs - b.tsMs || a.signalId - b.signalId))
      })
    })

    describe('history', () => {
      const series: Sample[] = Array.from({ length: 720 }, (_, i) => ({
        v: 301, s: 5, t: T0 + i * 5000 + (i % 3) * 7, x: ((i * 37) % 101) - 50 + (i % 4) / 4,
      }))
      beforeAll(async () => {
        await repo.insertColumns(columns([...series, { v: 301, s: 6, t: T0 + 10, x: 1e9 }, { v: 302, s: 5, t: T0 + 10, x: 1e9 }]))
        await repo.insertColumns(columns([
          { v: 303, s: 1, t: T0 + 5000, x: 4 }, { v: 303, s: 1, t: T0 + 20_000, x: -2 },
          { v: 303, s: 1, t: T0 + 50_000, x: 1.5 }, { v: 303, s: 1, t: T0 + 70_000, x: 10 },
        ]))
      })

      it('returns raw samples in [from, to), oldest first', async () => {
        const h = await repo.history({ vehicleKey: 301, signalId: 5, fromMs: series[10]!.t, toMs: series[20]!.t })
        expect(h.resolution).toBe('raw')
        expect(h.bucketS).toBeUndefined()
        expect(h.points).toEqual(series.slice(10, 20).map((p) => ({ tsMs: p.t, value: p.x })))
      })

      it('aggregates known data per bucket', async () => {
        const h = await repo.history({ vehicleKey: 303, signalId: 1, fromMs: T0, toMs: T0 + 120_000, bucketS: 60 })
        expect(h).toMatchObject({ resolution: 'bucket', bucketS: 60 })
        expectBuckets(h.points, [
          { tsMs: T0, min: -2, max: 4, avg: 3.5 / 3, last: 1.5, count: 3 },
          { tsMs: T0 + 60_000, min: 10, max: 10, avg: 10, last: 10, count: 1 },
        ])
      })

      for (const bucketS of [30, 60, 300, 3600, 45]) {
        it(`buckets of ${bucketS} s match the reference, widened to whole buckets`, async () => {
          const fromMs = T0 + 61_234
          const toMs = T0 + 3_000_017
          const h = await repo.history({ vehicleKey: 301, signalId: 5, fromMs, toMs, bucketS })
          expect(h).toMatchObject({ resolution: 'bucket', bucketS })
          expectBuckets(h.points, oracle(series, bucketS, fromMs, toMs))
        })
      }

      it('rejects a bucket width that is not a positive integer', async () => {
        await expect(repo.history({ vehicleKey: 301, signalId: 5, fromMs: T0, toMs: T0 + 1, bucketS: 0 })).rejects.toThrow(RangeError)
      })
    })

    describe('purgeOlderThan', () => {
      it('deletes the messages older than the cutoff, in batches', async () => {
        const old = Date.UTC(1980, 0, 1)
        const cutoff = Date.UTC(1985, 0, 1)
        const samples = Array.from({ length: 30 }, (_, i) => ({ v: 401, s: 1 + (i % 2), t: old + i * 60_000, x: i }))
        await repo.insertColumns(columns([...samples, { v: 401, s: 1, t: cutoff, x: 100 }, { v: 401, s: 1, t: T0, x: 101 }]))
        expect(await repo.purgeOlderThan(cutoff)).toBe(30)
        expect(await repo.purgeOlderThan(cutoff)).toBe(0)
        const left = await repo.history({ vehicleKey: 401, signalId: 1, fromMs: 0, toMs: T0 + 1 })
        expect(left.points).toEqual([{ tsMs: cutoff, value: 100 }, { tsMs: T0, value: 101 }])
      })
    })
  })
}
