import type { Queryable } from './db.js'

export interface DiagnosticEventRecord {
  readonly vehicleKey: number
  readonly tsMs: number
  readonly code: string
  readonly action: 'set' | 'cleared'
  readonly ecuId: string
  readonly status: number
  readonly freezeFrame: ReadonlyArray<{ signalId: number, value: number, tsMs: number }>
}

export interface DiagnosticsRepository {
  /** Idempotent on (vehicle, time, code, action); resolves true when the event was new. */
  insert(e: DiagnosticEventRecord): Promise<boolean>
  /** The vehicle's DTC events since `sinceMs`, oldest first. */
  events(vehicleKey: number, sinceMs: number, limit: number): Promise<DiagnosticEventRecord[]>
}

export function createDiagnosticsRepository (db: Queryable): DiagnosticsRepository {
  return {
    async insert (e) {
      const r = await db.query(
        `INSERT INTO diagnostic_events (vehicle_key, ts, code, action, ecu_id, status, freeze_frame)
         VALUES ($1, to_timestamp($2 / 1000.0), $3, $4, $5, $6, $7::jsonb) ON CONFLICT DO NOTHING`,
        [e.vehicleKey, e.tsMs, e.code, e.action, e.ecuId, e.status, JSON.stringify(e.freezeFrame)])
      return (r.rowCount ?? 0) > 0
    },
    async events (vehicleKey, sinceMs, limit) {
      const { rows } = await db.query<{ ms: number, code: string, action: 'set' | 'cleared', ecu_id: string, status: number, freeze_frame: DiagnosticEventRecord['freezeFrame'] }>(
        `SELECT (extract(epoch FROM ts) * 1000)::float8 AS ms, code, action, ecu_id, status, freeze_frame FROM diagnostic_events
         WHERE vehicle_key = $1 AND ts >= to_timestamp($2 / 1000.0) ORDER BY ts LIMIT $3`, [vehicleKey, sinceMs, limit])
      return rows.map((r) => ({ vehicleKey, tsMs: r.ms, code: r.code, action: r.action, ecuId: r.ecu_id, status: r.status, freezeFrame: r.freeze_frame }))
    },
  }
}
