import type { Queryable } from './db.js'

/**
 * Daily range partitions of telemetry_batches on plain PostgreSQL (on
 * TimescaleDB the hypertable makes its own chunks). The gateway creates
 * them at start-up and hourly ahead of time, as the table owner, so a
 * runtime role granted DML by default privileges can write into them;
 * samples outside every partition land in the default partition, and
 * creating a partition later moves its rows out of there.
 */

export interface Partition {
  name: string
  /** null for the default partition. */
  fromMs: number | null
  toMs: number | null
}

const DAY_MS = 86_400_000
// Serialises partition DDL between gateways (distinct from the migration lock).
const PARTITION_LOCK_KEY = 727_465_300_003

const partitionName = (dayMs: number) => `telemetry_batches_p${new Date(dayMs).toISOString().slice(0, 10).replaceAll('-', '')}`

export async function listPartitions (db: Queryable): Promise<Partition[]> {
  const { rows } = await db.query<{ name: string, bound: string }>(`
    SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'telemetry_batches'::regclass
    ORDER BY c.relname`)
  return rows.map((r) => {
    const m = /FROM \('([^']+)'\) TO \('([^']+)'\)/.exec(r.bound)
    return m === null
      ? { name: r.name, fromMs: null, toMs: null }
      : { name: r.name, fromMs: Date.parse(m[1] as string), toMs: Date.parse(m[2] as string) }
  })
}

/**
 * Longest wait for a lock while making a partition. ATTACH PARTITION takes
 * only SHARE UPDATE EXCLUSIVE on telemetry_batches, so inserts carry on, but
 * ACCESS EXCLUSIVE on the default partition: behind a long reader of it (the
 * rollup catching up) every later reader of the whole table would queue. Past
 * this the attempt fails with lock_not_available (55P03), nothing is made, and
 * the next attempt tries again; partitions are made a week ahead.
 */
export const PARTITION_LOCK_TIMEOUT_MS = 2000

/** Creates the missing daily partitions covering [fromMs, toMs); returns their names. */
export async function ensurePartitions (db: Queryable, fromMs: number, toMs: number): Promise<string[]> {
  const existing = new Set((await listPartitions(db)).map((p) => p.fromMs))
  const created: string[] = []
  for (let day = Math.floor(fromMs / DAY_MS) * DAY_MS; day < toMs; day += DAY_MS) {
    if (existing.has(day)) continue
    const name = partitionName(day)
    const from = new Date(day).toISOString()
    const to = new Date(day + DAY_MS).toISOString()
    // One DO block = one transaction: the move out of the default partition
    // and the attach happen together or not at all. Made apart and attached,
    // never CREATE TABLE ... PARTITION OF: that locks the whole table
    // (ACCESS EXCLUSIVE), so ingest would stop while it waits for any reader.
    await db.query(`DO $$
      BEGIN
        PERFORM pg_advisory_xact_lock(${PARTITION_LOCK_KEY});
        PERFORM set_config('lock_timeout', '${PARTITION_LOCK_TIMEOUT_MS}ms', true);
        IF to_regclass('${name}') IS NOT NULL THEN RETURN; END IF;
        CREATE TABLE ${name} (LIKE telemetry_batches INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
        WITH moved AS (DELETE FROM telemetry_batches_default WHERE ts >= '${from}' AND ts < '${to}' RETURNING *)
          INSERT INTO ${name} SELECT * FROM moved;
        ALTER TABLE telemetry_batches ATTACH PARTITION ${name} FOR VALUES FROM ('${from}') TO ('${to}');
      END $$`)
    created.push(name)
  }
  return created
}

/**
 * Drops the daily partitions that end at or before the cutoff; returns the
 * samples they held, and how many of them were of `positionIds` (counted
 * first: purges report what they removed).
 */
export async function dropPartitionsBefore (db: Queryable, cutoffMs: number, positionIds: readonly number[] = []): Promise<{ samples: number, positions: number }> {
  const out = { samples: 0, positions: 0 }
  for (const p of await listPartitions(db)) {
    if (p.toMs === null || p.toMs > cutoffMs) continue
    const { rows } = await db.query<{ n: number, p: number }>(`
      SELECT coalesce(sum(cardinality(signal_ids)), 0)::float8 AS n,
             coalesce(sum((SELECT count(*) FROM unnest(signal_ids) s WHERE s = ANY($1::int2[]))), 0)::float8 AS p
      FROM ${p.name}`, [positionIds])
    await db.query(`DROP TABLE IF EXISTS ${p.name}`)
    out.samples += rows[0]?.n ?? 0
    out.positions += rows[0]?.p ?? 0
  }
  return out
}
