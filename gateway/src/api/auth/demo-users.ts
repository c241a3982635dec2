import { randomBytes } from 'node:crypto'
import type { UsersService } from './users.service.js'

export interface DemoUser {
  readonly username: string
  readonly password: string
  readonly about: string
}

/**
 * People for the demo fleet (`npm start`): a support engineer and the owners
 * of two tenants that split the demo fleets between them. Created on the
 * first start only; their passwords are shown once, like the admin token.
 */
export async function ensureDemoUsers (users: UsersService, fleets: readonly string[]): Promise<DemoUser[]> {
  const sorted = [...new Set(fleets)].sort()
  const half = Math.ceil(sorted.length / 2)
  const plan = [
    { username: 'support', role: 'support' as const, about: 'support engineer, every region' },
    { username: 'owner-a', role: 'fleet_owner' as const, tenantId: 'tenant-a', fleets: sorted.slice(0, half), about: `fleet owner, tenant-a: ${sorted.slice(0, half).join(', ')}` },
    { username: 'owner-b', role: 'fleet_owner' as const, tenantId: 'tenant-b', fleets: sorted.slice(half), about: `fleet owner, tenant-b: ${sorted.slice(half).join(', ')}` },
  ]
  const created: DemoUser[] = []
  for (const { about, ...u } of plan) {
    const password = randomBytes(12).toString('base64url')
    const r = await users.create({ ...u, password }, 'system:demo')
    if (r.ok) created.push({ username: u.username, password, about })
  }
  return created
}
