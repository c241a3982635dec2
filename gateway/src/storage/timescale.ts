import type { Queryable } from './db.js'

/**
 * TimescaleDB-specific SQL outside migrations 0003/0031. The plain-PostgreSQL
 * equivalents (daily partitions, purge) live in telemetry-partitions.ts and
 * telemetry.repository.ts.
 */

export interface TimescalePolicies {
  retentionDays: number
  compressAfterDays: number
}

// Distinct from the migration lock: policies are applied after migrating.
const POLICY_LOCK_KEY = 727_465_300_002

/**
 * True when the timescaledb extension is installed in this database and
 * telemetry_batches is a hypertable (migration 0031 applied), i.e. when the
 * compression and retention machinery exists.
 */
export async function detectTimescale (conn: Queryable): Promise<boolean> {
  const ext = await conn.query("SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'")
  if (ext.rows.length === 0) return false
  const ht = await conn.query(
    "SELECT 1 FROM timescaledb_information.hypertables WHERE hypertable_schema = current_schema() AND hypertable_name = 'telemetry_batches'")
  return ht.rows.length > 0
}

/**
 * Makes the compression and retention jobs of telemetry_batches match the config.
 * A job that already matches is left alone (its id and stats survive
 * restarts); a different one is replaced. `conn` must be a single session.
 */
export async function applyTimescalePolicies (conn: Queryable, p: TimescalePolicies): Promise<void> {
  await conn.query('BEGIN')
  try {
    await conn.query('SELECT pg_advisory_xact_lock($1)', [POLICY_LOCK_KEY])
    const same = await conn.query<{ compress: boolean, retention: boolean }>(`
      SELECT
        bool_or(proc_name = 'policy_compression' AND hypertable_name = 'telemetry_batches'
          AND (config->>'compress_after')::interval = make_interval(days => $1::int)) AS compress,
        bool_or(proc_name = 'policy_retention' AND hypertable_name = 'telemetry_batches'
          AND (config->>'drop_after')::interval = make_interval(days => $2::int)) AS retention
      FROM timescaledb_information.jobs
      WHERE hypertable_schema = current_schema()`,
    [p.compressAfterDays, p.retentionDays])
    const row = same.rows[0]
    if (row?.compress !== true) {
      await conn.query("SELECT remove_compression_policy('telemetry_batches', if_exists => true)")
      await conn.query("SELECT add_compression_policy('telemetry_batches', make_interval(days => $1::int))", [p.compressAfterDays])
    }
    if (row?.retention !== true) {
      await conn.query("SELECT remove_retention_policy('telemetry_batches', if_exists => true)")
      await conn.query("SELECT add_retention_policy('telemetry_batches', make_interval(days => $1::int))", [p.retentionDays])
    }
    await conn.query('COMMIT')
  } catch (err) {
    await conn.query('ROLLBACK').catch(() => undefined)
    throw err
  }
}

/**
 * Before the old per-sample hypertable is moved to the batch layout: stops
 * its compression job and decompresses its chunks (one statement each).
 * TimescaleDB cannot DELETE … RETURNING from compressed chunks inside the
 * move's statement ("attempted to delete invisible tuple"). Needs the disk
 * space of the decompressed rows for the duration of the move.
 */
export async function decompressLegacyTelemetry (conn: Queryable): Promise<number> {
  const { rows } = await conn.query<{ c: string }>(`
    SELECT format('%I.%I', chunk_schema, chunk_name) AS c FROM timescaledb_information.chunks
    WHERE hypertable_schema = current_schema() AND hypertable_name = 'telemetry_legacy' AND is_compressed`)
  if (rows.length === 0) return 0
  await conn.query("SELECT remove_compression_policy('telemetry_legacy', if_exists => true)")
  for (const r of rows) await conn.query('SELECT decompress_chunk($1::regclass, true)', [r.c])
  return rows.length
}
