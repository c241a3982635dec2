import type { Queryable } from './db.js'

export type CommandStatus = 'sent' | 'succeeded' | 'negative' | 'timed_out' | 'refused'

export interface CommandRecord {
  readonly commandId: string
  readonly vehicleKey: number
  readonly requestedBy: string
  readonly requestedAtMs: number
  readonly kind: string
  readonly request: unknown
  readonly status: CommandStatus
  readonly result: unknown
  readonly respondedAtMs: number | null
}

export interface DiagnosticCommandsRepository {
  insert(c: CommandRecord): Promise<void>
  complete(commandId: string, status: CommandStatus, result: unknown, atMs: number): Promise<void>
  list(vehicleKey: number, limit: number): Promise<CommandRecord[]>
}

interface Row { command_id: string, vehicle_key: number, requested_by: string, requested_ms: number, kind: string, request: unknown, status: CommandStatus, result: unknown, responded_ms: number | null }

export function createDiagnosticCommandsRepository (db: Queryable): DiagnosticCommandsRepository {
  return {
    async insert (c) {
      await db.query(
        `INSERT INTO diagnostic_commands (command_id, vehicle_key, requested_by, requested_at, kind, request, status, result, responded_at)
         VALUES ($1, $2, $3, to_timestamp($4 / 1000.0), $5, $6::jsonb, $7, $8::jsonb, to_timestamp($9 / 1000.0))`,
        [c.commandId, c.vehicleKey, c.requestedBy, c.requestedAtMs, c.kind, JSON.stringify(c.request), c.status, c.result === undefined ? null : JSON.stringify(c.result), c.respondedAtMs])
    },
    async complete (commandId, status, result, atMs) {
      await db.query(`UPDATE diagnostic_commands SET status = $2, result = $3::jsonb, responded_at = to_timestamp($4 / 1000.0) WHERE command_id = $1 AND status = 'sent'`,
        [commandId, status, JSON.stringify(result ?? null), atMs])
    },
    async list (vehicleKey, limit) {
      const { rows } = await db.query<Row>(
        `SELECT command_id, vehicle_key, requested_by, (extract(epoch FROM requested_at) * 1000)::float8 AS requested_ms, kind, request, status, result,
           (extract(epoch FROM responded_at) * 1000)::float8 AS responded_ms
         FROM diagnostic_commands WHERE vehicle_key = $1 ORDER BY requested_at DESC LIMIT $2`, [vehicleKey, limit])
      return rows.map((r) => ({ commandId: r.command_id, vehicleKey: r.vehicle_key, requestedBy: r.requested_by, requestedAtMs: r.requested_ms, kind: r.kind, request: r.request, status: r.status, result: r.result, respondedAtMs: r.responded_ms }))
    },
  }
}
