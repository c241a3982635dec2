import type { Queryable } from '../storage/db.js'

export interface InstancesRepository {
  /** Creates or renews this instance's lease; true when the row had to be created (first start, or after it expired). */
  renew(instanceId: string, leaseMs: number, detail: Record<string, unknown>): Promise<boolean>
  /**
   * Removes instances whose lease expired and marks the vehicles they held
   * offline (lost), in one statement: a crashed instance's vehicles stay
   * online until then, and a vehicle that has meanwhile reconnected elsewhere
   * (its session now recorded under another instance) is not touched.
   */
  expire(): Promise<{ instances: string[], vehicles: number }>
  /** Live instances (lease not expired). */
  live(): Promise<Array<{ instanceId: string, leaseUntil: Date }>>
  /** Graceful shutdown: the lease ends now. */
  release(instanceId: string): Promise<void>
}

export function createInstancesRepository (db: Queryable): InstancesRepository {
  return {
    async renew (instanceId, leaseMs, detail) {
      const { rows } = await db.query<{ inserted: boolean }>(
        `INSERT INTO gateway_instances (instance_id, lease_until, detail) VALUES ($1, now() + $2 * interval '1 millisecond', $3)
         ON CONFLICT (instance_id) DO UPDATE SET lease_until = EXCLUDED.lease_until
         RETURNING (xmax = 0) AS inserted`, [instanceId, leaseMs, JSON.stringify(detail)])
      return rows[0]?.inserted === true
    },
    async expire () {
      const { rows } = await db.query<{ instance_id: string, vehicles: string }>(
        `WITH expired AS (DELETE FROM gateway_instances WHERE lease_until < now() RETURNING instance_id),
         lost AS (
           UPDATE vehicles SET connected = false, power_state = CASE WHEN power_state = 'asleep' THEN 'asleep' ELSE 'offline' END
           WHERE connected AND instance_id IN (SELECT instance_id FROM expired) RETURNING instance_id)
         SELECT e.instance_id, (SELECT count(*) FROM lost l WHERE l.instance_id = e.instance_id) AS vehicles FROM expired e`)
      return { instances: rows.map((r) => r.instance_id), vehicles: rows.reduce((n, r) => n + Number(r.vehicles), 0) }
    },
    async live () {
      const { rows } = await db.query<{ instance_id: string, lease_until: Date }>(
        'SELECT instance_id, lease_until FROM gateway_instances WHERE lease_until >= now() ORDER BY instance_id')
      return rows.map((r) => ({ instanceId: r.instance_id, leaseUntil: r.lease_until }))
    },
    async release (instanceId) {
      await db.query('UPDATE gateway_instances SET lease_until = now() WHERE instance_id = $1', [instanceId])
    },
  }
}
