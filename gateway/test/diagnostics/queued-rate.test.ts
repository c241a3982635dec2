import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestGateway, api, provision, startGateway } from '../helper.js'

/** Queued commands (vehicle offline) count against DIAG_COMMANDS_PER_MIN like sent ones. */
let gw: TestGateway
beforeAll(async () => { gw = await startGateway({ DIAG_COMMANDS_PER_MIN: '3' }) })
afterAll(async () => {
  await gw.close()
  await gw.dropDatabase()
})

describe('queued diagnostic commands and the per-vehicle rate limit', () => {
  it('refuses the command past the limit with 429 even while the vehicle is offline', async () => {
    const v = await provision(gw) // never connected: offline
    const queue = () => api(gw, `/vehicles/${v.id}/diagnostics/read-data`, { method: 'POST', body: JSON.stringify({ did: 0xf190, queue: { expiresInS: 600 } }) })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await queue()).status)
    expect(statuses).toEqual([202, 202, 202, 429])
    const list = await (await api(gw, `/vehicles/${v.id}/diagnostics/commands`)).json() as Array<{ status: string }>
    expect(list.map((c) => c.status).sort()).toEqual(['queued', 'queued', 'queued', 'refused'])
  })
})
