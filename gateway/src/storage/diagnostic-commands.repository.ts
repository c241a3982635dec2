import type { Queryable } from './db.js'

export type CommandStatus = 'queued' | 'sent' | 'succeeded' | 'negative' | 'timed_out' | 'refused' | 'expired'

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
  /** Queued commands only: not sent after this. */
  readonly expiresAtMs?: number | null
}

export interface DiagnosticCommandsRepository {
  insert(c: CommandRecord): Promise<void>
  complete(commandId: string, status: CommandStatus, result: unknown, atMs: number): Promise<void>
  list(vehicleKey: number, limit: number): Promise<CommandRecord[]>
  get(vehicleKey: number, commandId: string): Promise<CommandRecord | undefined>
  /** The vehicle's queued, unexpired commands, oldest first, with the VIN to send them to. */
  queued(vehicleKey: number, nowMs: number): Promise<Array<CommandRecord & { vehicleId: string }>>
  /** Takes a queued command for sending; false when another gateway (or an expiry) took it first. */
  claim(commandId: string, nowMs: number): Promise<boolean>
  /** Marks expired queued commands; returns how many. */
  expireQueued(nowMs: number): Promise<number>
  /** Vehicles with queued, unexpired commands. */
  vehiclesWithQueued(nowMs: number): Promise<number[]>
}

interface Row { command_id: string, vehicle_key: number, requested_by: string, requested_ms: number, kind: string, request: unknown, status: CommandStatus, result: unknown, responded_ms: number | null, expires_ms: number | null }

const COLUMNS = `command_id, vehicle_key, requested_by, (extract(epoch FROM requested_at) * 1000)::float8 AS requested_ms, kind, request, status, result,
  (extract(epoch FROM responded_at) * 1000)::float8 AS responded_ms, (extract(epoch FROM expires_at) * 1000)::float8 AS expires_ms`
const record = (r: Row): CommandRecord => ({
  commandId: r.command_id, vehicleKey: r.vehicle_key, requestedBy: r.requested_by, requestedAtMs: r.requested_ms, kind: r.kind,
  request: r.request, status: r.status, result: r.result, respondedAtMs: r.responded_ms, expiresAtMs: r.expires_ms,
})

export function createDiagnosticCommandsRepository (db: Queryable): DiagnosticCommandsRepository {
  return {
    async insert (c) {
      await db.query(
        `INSERT INTO diagnostic_commands (command_id, vehicle_key, requested_by, requested_at, kind, request, status, result, responded_at, expires_at)
         VALUES ($1, $2, $3, to_timestamp($4 / 1000.0), $5, $6::jsonb, $7, $8::jsonb, to_timestamp($9 / 1000.0), to_timestamp($10 / 1000.0))`,
        [c.commandId, c.vehicleKey, c.requestedBy, c.requestedAtMs, c.kind, JSON.stringify(c.request), c.status,
          c.result === undefined ? null : JSON.stringify(c.result), c.respondedAtMs, c.expiresAtMs ?? null])
    },
    async complete (commandId, status, result, atMs) {
      await db.query(`UPDATE diagnostic_commands SET status = $2, result = $3::jsonb, responded_at = to_timestamp($4 / 1000.0) WHERE command_id = $1 AND status = 'sent'`,
        [commandId, status, JSON.stringify(result ?? null), atMs])
    },
    async list (vehicleKey, limit) {
      const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM diagnostic_commands WHERE vehicle_key = $1 ORDER BY requested_at DESC LIMIT $2`, [vehicleKey, limit])
      return rows.map(record)
    },
    async get (vehicleKey, commandId) {
      const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM diagnostic_commands WHERE vehicle_key = $1 AND command_id = $2`, [vehicleKey, commandId])
      return rows[0] === undefined ? undefined : record(rows[0])
    },
    async queued (vehicleKey, nowMs) {
      const { rows } = await db.query<Row & { vehicle_id: string }>(
        `SELECT ${COLUMNS}, (SELECT vehicle_id FROM vehicles v WHERE v.vehicle_key = c.vehicle_key) AS vehicle_id FROM diagnostic_commands c
         WHERE vehicle_key = $1 AND status = 'queued' AND expires_at > to_timestamp($2 / 1000.0) ORDER BY requested_at`, [vehicleKey, nowMs])
      return rows.map((r) => ({ ...record(r), vehicleId: r.vehicle_id }))
    },
    async claim (commandId, nowMs) {
      const r = await db.query(`UPDATE diagnostic_commands SET status = 'sent' WHERE command_id = $1 AND status = 'queued' AND expires_at > to_timestamp($2 / 1000.0)`, [commandId, nowMs])
      return (r.rowCount ?? 0) === 1
    },
    async expireQueued (nowMs) {
      const r = await db.query(
        `UPDATE diagnostic_commands SET status = 'expired', responded_at = expires_at,
           result = jsonb_build_object('code', 'GW_DIAG_QUEUE_EXPIRED', 'detail', 'the vehicle did not wake up before the command expired')
         WHERE status = 'queued' AND expires_at <= to_timestamp($1 / 1000.0)`, [nowMs])
      return r.rowCount ?? 0
    },
    async vehiclesWithQueued (nowMs) {
      const { rows } = await db.query<{ vehicle_key: number }>(
        `SELECT DISTINCT vehicle_key FROM diagnostic_commands WHERE status = 'queued' AND expires_at > to_timestamp($1 / 1000.0)`, [nowMs])
      return rows.map((r) => r.vehicle_key)
    },
  }
}
