import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, type TestGateway, provision, startGateway } from '../helper.js'
import { PASSWORD, call, createUser, liveAs, login, openLive } from './support.js'

let gw: TestGateway
let a: { id: string }
let b: { id: string }
let owner: string

const open = () => openLive(gw)
const ready = (token: string) => liveAs(gw, token)

beforeAll(async () => {
  gw = await startGateway({ LIVE_TOKEN_RECHECK_S: '1', LIVE_MAX_SUBSCRIPTIONS: '3' })
  a = await provision(gw, { fleet: 'lim-a' })
  b = await provision(gw, { fleet: 'lim-b' })
  await createUser(gw, { username: 'lim-owner', password: PASSWORD, role: 'fleet_owner', tenantId: 'lim-tenant', fleets: ['lim-a', 'lim-b'] })
  owner = await login(gw, 'lim-owner', PASSWORD)
}, 120_000)
afterAll(async () => {
  await gw?.close()
  await gw?.dropDatabase()
})

describe('/live limits', () => {
  it('allows one authentication attempt per connection', async () => {
    const l = await open()
    l.send({ type: 'auth', token: 'wrong-token-0123456789abcdef' })
    l.send({ type: 'auth', token: ADMIN_TOKEN })
    expect(await l.closed).toEqual({ code: 4001, reason: 'one authentication attempt per connection' })
  })

  it('closes a connection that floods messages faster than they are handled, instead of queueing them', async () => {
    const l = await open()
    l.send({ type: 'auth', token: ADMIN_TOKEN })
    for (let i = 0; i < 200; i++) l.send({ type: 'subscribe', topic: 'alerts' })
    expect(await l.closed).toEqual({ code: 4009, reason: 'too many messages' })
  })

  it('caps subscriptions per connection (LIVE_MAX_SUBSCRIPTIONS)', async () => {
    const l = await ready(ADMIN_TOKEN)
    for (const topic of ['alerts', 'fleet/summary', `vehicle/${a.id}/signals`, `vehicle/${b.id}/signals`]) l.send({ type: 'subscribe', topic })
    for (let i = 0; i < 3; i++) await l.next((m) => m.type === 'subscribed')
    expect(await l.next((m) => m.type === 'error')).toMatchObject({ code: 'GW_LIVE_TOO_MANY_SUBSCRIPTIONS', topic: `vehicle/${b.id}/signals` })
    l.send({ type: 'subscribe', topic: 'alerts' }) // already subscribed: not a new one
    expect(await l.next((m) => m.type === 'subscribed')).toMatchObject({ topic: 'alerts' })
    l.close()
  })

  it('grants a campaign topic only for a campaign the caller may see', async () => {
    const l = await ready(owner)
    l.send({ type: 'subscribe', topic: 'campaign/00000000-0000-4000-8000-000000000000' })
    expect(await l.next((m) => m.type === 'error')).toMatchObject({ code: 'GW_LIVE_NOT_FOUND', message: expect.stringContaining('no such campaign') })
    l.close()
  })

  it('re-checks the scope: a tenant losing a fleet loses its subscriptions there and is told which', async () => {
    const l = await ready(owner)
    l.send({ type: 'subscribe', topic: `vehicle/${a.id}/signals` })
    l.send({ type: 'subscribe', topic: `vehicle/${b.id}/presence` })
    await l.next((m) => m.type === 'subscribed')
    await l.next((m) => m.type === 'subscribed')
    expect((await call(gw, 'PUT', '/tenants/lim-tenant', { body: { fleets: ['lim-a'] } })).status).toBe(200)
    expect(await l.next((m) => m.type === 'dropped', 10_000)).toMatchObject({ topics: [`vehicle/${b.id}/presence`], code: 'GW_LIVE_OUT_OF_SCOPE' })
    // The narrowed scope also holds for new subscriptions on the same connection.
    l.send({ type: 'subscribe', topic: `vehicle/${b.id}/signals` })
    expect(await l.next((m) => m.type === 'error')).toMatchObject({ code: 'GW_LIVE_NOT_FOUND' })
    l.close()
  })
})
