import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createPrivacyRepository } from './privacy.repository.js'
import type { TelemetryBackend } from './telemetry.contract.js'
import { MERGE_DIRTY_MARK, ROLLUP_LOCK_KEY, createTelemetryRollupRepository, type RollupDb, type TelemetryRollupRepository } from './telemetry-rollup.repository.js'
import { createTelemetryRepository, type TelemetryColumns, type TelemetryRepository } from './telemetry.repository.js'
import type { BucketPoint } from './telemetry-rollup.core.js'

const MIN = 60_000
const T0 = Date.UTC(2026, 0, 5, 12, 0, 0)
const VEHICLES = [11, 12, 13]
const SIGNALS = [1, 2, 3]

/** Deterministic pseudo-random numbers (mulberry32), so a failure replays. */
function prng (seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** One vehicle message: 1–30 samples within 2 minutes after startMs. */
function message (rnd: () => number, vehicle: number, startMs: number): TelemetryColumns {
  const n = 1 + Math.floor(rnd() * 30)
  const tsMs = Array.from({ length: n }, () => startMs + Math.floor(rnd() * 2 * MIN)).sort((a, b) => a - b)
  return {
    vehicleKeys: tsMs.map(() => vehicle),
    signalIds: tsMs.map(() => SIGNALS[Math.floor(rnd() * SIGNALS.length)]!),
    tsMs,
    values: tsMs.map(() => Math.round((rnd() * 200 - 100) * 1000) / 1000),
    messageSizes: [n],
  }
}

/** Rollup history and raw history agree: same buckets, same aggregates (avg to rounding). */
function expectSame (actual: unknown[], expected: unknown[]): void {
  expect(actual).toHaveLength(expected.length)
  actual.forEach((a, i) => {
    const { avg, ...rest } = a as BucketPoint
    const { avg: eAvg, ...eRest } = expected[i] as BucketPoint
    expect(rest).toEqual(eRest)
    expect(avg).toBeCloseTo(eAvg, 9)
  })
}

/** Rollup job and rollup-backed history on one storage backend. */
export function telemetryRollupContract (name: string, factory: () => Promise<TelemetryBackend>): void {
  describe(`telemetry rollup: ${name}`, () => {
    let backend: TelemetryBackend
    let repo: TelemetryRepository
    let raw: TelemetryRepository
    let rollup: TelemetryRollupRepository
    const rnd = prng(20260105)
    const sent: TelemetryColumns[] = []

    const insert = async (m: TelemetryColumns) => { sent.push(m); await repo.insertColumns(m) }
    /** Another session on the same database; undefined on PGlite (a single session). */
    const secondSession = async () => await (backend.db as RollupDb).connect?.()
    const runUntilDone = async (nowMs: number) => {
      for (let i = 0; i < 100; i++) {
        const s = await rollup.step(nowMs)
        expect(s.ran).toBe(true)
        if (!s.more) return s
      }
      throw new Error('rollup did not catch up in 100 steps')
    }
    const compareAll = async (toMs: number) => {
      for (const v of VEHICLES) {
        for (const s of SIGNALS) {
          for (const bucketS of [60, 300, 900, 3600, 90]) {
            for (const [from, to] of [[T0, toMs], [T0 + 7 * MIN + 13, toMs - 3 * MIN - 1], [T0 + 61 * MIN, T0 + 62 * MIN]] as const) {
              const q = { vehicleKey: v, signalId: s, fromMs: from, toMs: to, bucketS }
              expectSame((await repo.history(q)).points, (await raw.history(q)).points)
            }
          }
        }
      }
    }
    /** Every complete rollup row (its minute ended by doneMs) equals the raw 1-minute aggregate of its bucket. */
    const expectRollupEqualsRaw = async (doneMs: number, vehicles = VEHICLES) => {
      const completeMs = Math.floor(doneMs / MIN) * MIN
      const { rows } = await backend.db.query<{ k: number, s: number, t: number, min: number, max: number, sum: number, count: number, last_v: number }>(`
        SELECT vehicle_key AS k, signal_id AS s, (extract(epoch FROM bucket) * 1000)::float8 AS t, min, max, sum, count, last_v
        FROM telemetry_rollup ORDER BY 1, 2, 3`)
      for (const v of vehicles) {
        for (const s of SIGNALS) {
          const expected = (await raw.history({ vehicleKey: v, signalId: s, fromMs: T0 - 60 * MIN, toMs: completeMs, bucketS: 60 })).points as BucketPoint[]
          const actual = rows.filter((r) => r.k === v && r.s === s && r.t < completeMs)
          expect(actual.map((r) => r.t)).toEqual(expected.map((e) => e.tsMs))
          actual.forEach((r, i) => {
            const e = expected[i]!
            expect({ min: r.min, max: r.max, count: r.count, last: r.last_v }).toEqual({ min: e.min, max: e.max, count: e.count, last: e.last })
            expect(r.sum / r.count).toBeCloseTo(e.avg, 9)
          })
        }
      }
    }

    beforeAll(async () => {
      backend = await factory()
      repo = createTelemetryRepository(backend.db, { timescale: backend.timescale })
      raw = createTelemetryRepository(backend.db, { timescale: backend.timescale, useRollup: false })
      rollup = createTelemetryRollupRepository(backend.db, { lagMs: 0, maxStepMs: 37 * MIN, lateBatch: 2 })
    })
    afterAll(async () => { await backend?.close() })

    it('aggregates closed minutes in bounded steps: rollup rows equal the raw aggregation', async () => {
      for (let t = T0; t < T0 + 150 * MIN; t += 3 * MIN) {
        for (const v of VEHICLES) if (rnd() < 0.8) await insert(message(rnd, v, t + Math.floor(rnd() * MIN)))
      }
      const s = await runUntilDone(T0 + 120 * MIN + 30_000)
      expect(s.doneMs).toBe(T0 + 120 * MIN + 30_000)
      await expectRollupEqualsRaw(s.doneMs)
      await compareAll(T0 + 160 * MIN)
    })

    it('re-aggregates late batches and ignores replays; history is exact before and after the job', async () => {
      for (let i = 0; i < 12; i++) {
        const v = VEHICLES[i % VEHICLES.length]!
        await insert(message(rnd, v, T0 + Math.floor(rnd() * 110 * MIN)))
        await repo.insertColumns(sent[Math.floor(rnd() * sent.length)]!) // replay of a stored message
      }
      const { rows } = await backend.db.query<{ n: number }>('SELECT count(*)::int AS n FROM telemetry_rollup_dirty')
      expect(rows[0]!.n).toBeGreaterThan(0)
      for (const v of VEHICLES) expect(await rollup.coveredUntil(v)).toBeLessThanOrEqual(T0 + 120 * MIN)
      // Not yet re-aggregated: reads fall back to raw rows where the rollup is stale.
      await compareAll(T0 + 160 * MIN)
      const s = await runUntilDone(T0 + 150 * MIN)
      expect(s.doneMs).toBe(T0 + 150 * MIN)
      expect((await backend.db.query<{ n: number }>('SELECT count(*)::int AS n FROM telemetry_rollup_dirty')).rows[0]!.n).toBe(0)
      await expectRollupEqualsRaw(s.doneMs)
      await compareAll(T0 + 160 * MIN)
      expect(await rollup.coveredUntil(VEHICLES[0]!)).toBe(T0 + 150 * MIN)
    })

    it('a range marked for re-aggregation holds back only reads that reach it', async () => {
      const done = await rollup.coveredUntil(VEHICLES[1]!)
      await backend.db.query(`INSERT INTO telemetry_rollup_dirty (vehicle_key, from_ts, to_ts)
        VALUES ($1, to_timestamp($2::float8 / 1000), to_timestamp($3::float8 / 1000))`, [VEHICLES[1], T0 + 10 * MIN, T0 + 11 * MIN])
      expect(await rollup.coveredUntil(VEHICLES[1]!)).toBe(T0 + 10 * MIN)
      expect(await rollup.coveredUntil(VEHICLES[1]!, T0 + 5 * MIN)).toBe(T0 + 10 * MIN)
      expect(await rollup.coveredUntil(VEHICLES[1]!, T0 + 11 * MIN)).toBe(done)
      await compareAll(T0 + 160 * MIN)
      await runUntilDone(T0 + 150 * MIN)
      expect(await rollup.coveredUntil(VEHICLES[1]!)).toBe(done)
    })

    it('erasure removes the vehicle\'s rollup rows, and a job step after it keeps them gone', async () => {
      const privacy = createPrivacyRepository(backend.db, { timescale: backend.timescale })
      const count = async (v: number) => (await backend.db.query<{ n: number }>('SELECT count(*)::int AS n FROM telemetry_rollup WHERE vehicle_key = $1', [v])).rows[0]!.n
      expect(await count(11)).toBeGreaterThan(0)
      await privacy.erase(11, [])
      expect(await count(11)).toBe(0)
      await runUntilDone(T0 + 150 * MIN)
      expect(await count(11)).toBe(0)
      expect(await count(12)).toBeGreaterThan(0)
      expect((await repo.history({ vehicleKey: 11, signalId: 1, fromMs: T0, toMs: T0 + 150 * MIN, bucketS: 300 })).points).toEqual([])
      await expectRollupEqualsRaw(T0 + 150 * MIN)
    })

    it('a retention delete of two vehicles\' signals drops and re-aggregates their rollup buckets', async () => {
      const privacy = createPrivacyRepository(backend.db, { timescale: backend.timescale })
      await privacy.deleteTelemetry([12, 13], T0 + 30 * MIN + 20_000, false, [3])
      await compareAll(T0 + 160 * MIN)
      await runUntilDone(T0 + 150 * MIN)
      await expectRollupEqualsRaw(T0 + 150 * MIN)
      await compareAll(T0 + 160 * MIN)
    })

    it('raw history reads at most maxRawPoints + 1 rows and says when the range holds more', async () => {
      const q = { vehicleKey: 13, signalId: 1, fromMs: T0, toMs: T0 + 160 * MIN }
      const all = (await repo.history(q)).points
      expect(all.length).toBeGreaterThan(5)
      const cut = await repo.history({ ...q, maxRawPoints: 5 })
      expect(cut).toEqual({ resolution: 'raw', points: all.slice(0, 5), tooMany: true })
      expect(await repo.history({ ...q, maxRawPoints: all.length })).toEqual({ resolution: 'raw', points: all })
    })

    it('one gateway at a time: a step finds the job lock held by another session and does nothing', async () => {
      const other = await secondSession()
      if (other === undefined) return expect(backend.timescale).toBe(true) // PGlite is a single session
      try {
        await other.query('BEGIN')
        await other.query('SELECT pg_advisory_xact_lock($1)', [ROLLUP_LOCK_KEY])
        expect(await rollup.step(T0 + 200 * MIN)).toMatchObject({ ran: false })
        await other.query('ROLLBACK')
      } finally {
        other.release()
      }
      expect((await rollup.step(T0 + 200 * MIN)).ran).toBe(true)
    })

    it('a step and a writer marking the same vehicles never wait on each other in a cycle', async () => {
      const writer = await secondSession()
      if (writer === undefined) return expect(backend.timescale).toBe(true) // PGlite is a single session
      const mark = `INSERT INTO telemetry_rollup_dirty AS d (vehicle_key, from_ts, to_ts)
        VALUES ($1, to_timestamp($2::float8 / 1000), to_timestamp($3::float8 / 1000)) ${MERGE_DIRTY_MARK}`
      try {
        // Late rows: vehicle 12's mark starts earlier, so the step reads it first.
        await insert(message(rnd, 12, T0 + 5 * MIN))
        await insert(message(rnd, 11, T0 + 40 * MIN))
        // A writer's statement marks its vehicles in key order: 11 now, 12 once the step waits for it.
        await writer.query('BEGIN')
        await writer.query(mark, [11, T0 + 41 * MIN, T0 + 42 * MIN])
        const step = rollup.step(T0 + 200 * MIN)
        await vi.waitFor(async () => {
          const { rows } = await backend.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE wait_event_type = 'Lock' AND query LIKE '%telemetry_rollup_dirty%'`)
          expect(rows[0]!.n, 'the step waits for the writer\'s mark').toBeGreaterThan(0)
        }, { timeout: 10_000, interval: 20 })
        // Had the step settled 12 before 11, this would be a deadlock (one side aborted after deadlock_timeout).
        await writer.query(mark, [12, T0 + 6 * MIN, T0 + 7 * MIN])
        await writer.query('COMMIT')
        expect((await step).ran).toBe(true)
      } finally {
        writer.release()
      }
      // Both marks were renewed while the step ran: kept, and the next steps finish them.
      const { rows } = await backend.db.query<{ k: number }>('SELECT vehicle_key AS k FROM telemetry_rollup_dirty ORDER BY 1')
      expect(rows.map((r) => r.k)).toEqual([11, 12])
      await runUntilDone(T0 + 200 * MIN)
      expect((await backend.db.query<{ n: number }>('SELECT count(*)::int AS n FROM telemetry_rollup_dirty')).rows[0]!.n).toBe(0)
      await expectRollupEqualsRaw(T0 + 150 * MIN)
    })

    it('bucketed history below the covered time is read from the rollup, the tail from raw rows', async () => {
      const q = { vehicleKey: 13, signalId: 2, fromMs: T0, toMs: T0 + 160 * MIN, bucketS: 600 }
      const before = (await repo.history(q)).points as BucketPoint[]
      expect(before.length).toBeGreaterThan(10)
      // A marker only the rollup can show: its max in one stored bucket.
      await backend.db.query(`UPDATE telemetry_rollup SET max = 1e9 WHERE vehicle_key = 13 AND signal_id = 2
        AND bucket = (SELECT min(bucket) FROM telemetry_rollup WHERE vehicle_key = 13 AND signal_id = 2)`)
      const after = (await repo.history(q)).points as BucketPoint[]
      expect(after.filter((p) => p.max === 1e9)).toHaveLength(1)
      expect((await raw.history(q)).points).toEqual(before.map((p) => ({ ...p, avg: expect.any(Number) as number })))
      // A requested bucket holding the covered time is read from both: its
      // part before the bound from the rollup (a marker row in its last
      // minute shows), the rest raw.
      const coveredMs = await rollup.coveredUntil(13, T0)
      let k = 2
      while ((coveredMs / MIN) % k === 0) k++
      await backend.db.query(`INSERT INTO telemetry_rollup (vehicle_key, signal_id, bucket, min, max, sum, count, last_t, last_v)
        VALUES (13, 2, to_timestamp($1::float8 / 1000), 0, 2e9, 0, 1, $1, 0)
        ON CONFLICT (vehicle_key, signal_id, bucket) DO UPDATE SET max = 2e9`, [coveredMs - MIN])
      const straddling = ((await repo.history({ ...q, toMs: coveredMs + k * MIN, bucketS: 60 * k })).points as BucketPoint[]).filter((p) => p.max === 2e9)
      expect(straddling).toHaveLength(1)
      expect(straddling[0]!.tsMs + k * MIN).toBeGreaterThan(coveredMs)
      // The tail past the covered time is raw: a new sample there shows at once.
      await repo.insertColumns({ vehicleKeys: [13], signalIds: [2], tsMs: [T0 + 155 * MIN], values: [-1e6] })
      expect(((await repo.history(q)).points as BucketPoint[]).at(-1)).toMatchObject({ tsMs: T0 + 150 * MIN, min: -1e6 })
    })

    it('merges a row whole in the step it starts in, however many steps its samples reach; a late row reaching past the job is finished as the job passes it', async () => {
      const v = 14
      const minuteSteps = createTelemetryRollupRepository(backend.db, { lagMs: 0, maxStepMs: MIN, lateBatch: 2 })
      const base = T0 + 200 * MIN
      expect((await runUntilDone(base)).doneMs).toBe(base)
      /** One message of 27 samples, 20 s apart, from startMs. */
      const longRow = (startMs: number, value: number): TelemetryColumns => {
        const tsMs = Array.from({ length: 27 }, (_, i) => startMs + i * 20_000)
        return { vehicleKeys: tsMs.map(() => v), signalIds: tsMs.map((_, i) => SIGNALS[i % SIGNALS.length]!), tsMs, values: tsMs.map((_, i) => value + i), messageSizes: [27] }
      }
      const dirty = async () => (await backend.db.query<{ from: number }>(
        'SELECT (extract(epoch FROM from_ts) * 1000)::float8 AS "from" FROM telemetry_rollup_dirty WHERE vehicle_key = $1', [v])).rows
      await repo.insertColumns(longRow(base + 30_000, 100))
      // Steps of 20 s: most end inside a bucket, which later steps finish.
      for (let done = base + 20_000; done <= base + 12 * MIN; done += 20_000) {
        expect(await minuteSteps.step(done)).toMatchObject({ ran: true, doneMs: done })
        await expectRollupEqualsRaw(done, [v])
      }
      expect(await dirty()).toEqual([])
      // Stored after the job passed its start, its samples running 5 minutes past the job.
      const doneAtLate = base + 12 * MIN
      await repo.insertColumns(longRow(doneAtLate - 3 * MIN, -500))
      expect(await rollup.coveredUntil(v)).toBe(doneAtLate - 3 * MIN)
      await minuteSteps.step(doneAtLate + MIN)
      await expectRollupEqualsRaw(doneAtLate + MIN, [v])
      expect(await dirty()).toEqual([{ from: doneAtLate + MIN }])
      for (let done = doneAtLate + 2 * MIN; done <= doneAtLate + 7 * MIN; done += MIN) {
        await minuteSteps.step(done)
        await expectRollupEqualsRaw(done, [v])
      }
      expect(await dirty()).toEqual([])
      expect(await rollup.coveredUntil(v)).toBe(doneAtLate + 7 * MIN)
      expectSame((await repo.history({ vehicleKey: v, signalId: 2, fromMs: base, toMs: doneAtLate + 7 * MIN, bucketS: 300 })).points,
        (await raw.history({ vehicleKey: v, signalId: 2, fromMs: base, toMs: doneAtLate + 7 * MIN, bucketS: 300 })).points)
    })
  })
}
