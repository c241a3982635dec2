import { createServer, type IncomingMessage, type Server } from 'node:http'
import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { signalId } from '@fleetwire/proto'
import { ADMIN_TOKEN, type TestGateway, api, connectVehicle, provision, publish, startGateway, telemetryPayload, waitFor } from '../helper.js'

const COOLANT = 'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature'
const RULE = {
  id: 'test-coolant-hot',
  name: 'Coolant too hot (test)',
  enabled: true,
  severity: 'critical',
  signal: COOLANT,
  kind: { type: 'threshold', op: 'above', raise: 110, clear: 100, forS: 60, clearForS: 60 },
}

interface Delivery { headers: IncomingMessage['headers'], body: string }

let gw: TestGateway
let hook: Server
let hookUrl: string
const deliveries: Delivery[] = []
let failNext = 0

beforeAll(async () => {
  gw = await startGateway({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: '127.0.0.1' }) // the test receiver listens on loopback
  hook = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => { body += c.toString() })
    req.on('end', () => {
      if (failNext > 0) {
        failNext--
        res.writeHead(500).end()
        return
      }
      deliveries.push({ headers: req.headers, body })
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve))
  hookUrl = `http://127.0.0.1:${(hook.address() as { port: number }).port}/hook`
})
afterAll(async () => {
  await gw.close()
  await gw.dropDatabase()
  await new Promise((resolve) => hook.close(resolve))
})

describe('rule → alert → live + webhook → acknowledge → resolve', () => {
  it('refuses an invalid rule naming the field', async () => {
    const res = await api(gw, '/rules', { method: 'POST', body: JSON.stringify({ ...RULE, kind: { ...RULE.kind, raise: 'hot' } }) })
    expect(res.status).toBe(400)
    expect((await res.json() as { message: string }).message).toContain('/kind/raise')
  })

  it('ships the default rule set', async () => {
    const rules = await (await api(gw, '/rules')).json() as Array<{ rule: { id: string }, builtin: boolean }>
    expect(rules.filter((r) => r.builtin).length).toBeGreaterThanOrEqual(7)
  })

  it('raises one alert from telemetry, pushes it live and to a signed webhook, and follows it through its lifecycle', async () => {
    expect((await api(gw, '/rules', { method: 'POST', body: JSON.stringify(RULE) })).status).toBe(201)
    // One alert, of this test's rule: the default coolant rule is switched off.
    for (const id of ['coolant-overheat']) {
      const builtin = await (await api(gw, `/rules/${id}`)).json() as { rule: Record<string, unknown> }
      expect((await api(gw, `/rules/${id}`, { method: 'PUT', body: JSON.stringify({ ...builtin.rule, enabled: false }) })).status).toBe(200)
    }
    const hookRes = await api(gw, '/webhooks', { method: 'POST', body: JSON.stringify({ url: hookUrl, allowInsecure: true, events: ['alert.opened', 'alert.acknowledged', 'alert.resolved'] }) })
    const { secret } = await hookRes.json() as { secret: string }

    const ws = new WebSocket(gw.httpUrl.replace('http', 'ws') + '/live')
    const live: Array<Record<string, unknown>> = []
    ws.on('message', (raw) => live.push(...JSON.parse(String(raw)) as Array<Record<string, unknown>>))
    await new Promise((resolve) => ws.once('open', resolve))
    ws.send(JSON.stringify({ type: 'auth', token: ADMIN_TOKEN }))
    ws.send(JSON.stringify({ type: 'subscribe', topic: 'alerts' }))
    await waitFor(() => live.some((m) => m.type === 'subscribed') || undefined, 5000, 'live subscription')

    const v = await provision(gw)
    const car = await connectVehicle(gw.mqttUrl, v)
    const t0 = Date.now() - 3_600_000
    const coolant = signalId(COOLANT)
    // 90 °C, then 115 °C for 3 minutes (raise after 60 s), replayed twice: still one alert
    const hot = telemetryPayload(2, t0 + 60_000, [0, 60_000, 120_000, 180_000].map((o) => [coolant, 115, o] as [number, number, number]))
    await publish(car, v.id, 'telemetry', telemetryPayload(1, t0, [[coolant, 90]]))
    failNext = 1 // the first delivery attempt fails: the dispatcher must retry
    await publish(car, v.id, 'telemetry', hot)
    await publish(car, v.id, 'telemetry', hot)

    const list = await waitFor(async () => {
      const body = await (await api(gw, `/alerts?vehicle=${v.id}`)).json() as { total: number, items: Array<{ id: string, state: string, ruleId: string, evidence: { observed: number } }> }
      return body.total > 0 ? body : undefined
    }, 5000, 'alert raised')
    expect(list.total).toBe(1)
    const alert = list.items[0]!
    expect(alert).toMatchObject({ state: 'open', ruleId: RULE.id })
    expect(alert.evidence.observed).toBe(115)

    await waitFor(() => live.find((m) => m.type === 'event' && (m.payload as { event: string }).event === 'alert.opened'), 5000, 'live alert')
    const opened = await waitFor(() => deliveries.find((d) => JSON.parse(d.body).event === 'alert.opened'), 10_000, 'webhook delivery after a retry')
    const ts = String(opened.headers['x-fleetwire-timestamp'])
    expect(opened.headers['x-fleetwire-signature']).toBe('sha256=' + createHmac('sha256', secret).update(`${ts}.${opened.body}`).digest('hex'))

    // The reason in the reader's language; the rule someone wrote keeps its own name in it.
    expect(alert).toMatchObject({ ruleName: RULE.name, reason: 'Coolant too hot (test): 115 above 110 for 60 s' })
    const inGerman = await (await api(gw, `/alerts/${alert.id}`, { headers: { 'accept-language': 'de-AT,de;q=0.9,en;q=0.5' } })).json() as { alert: { reason: string } }
    expect(inGerman.alert.reason).toBe('Coolant too hot (test): 115 über 110 seit 60 s')
    const inArabic = await (await api(gw, `/alerts?vehicle=${v.id}&lang=ar`)).json() as { items: Array<{ reason: string, evidence: { message: { key: string } } }> }
    expect(inArabic.items[0]).toMatchObject({ reason: 'Coolant too hot (test): 115 فوق 110 لمدة 60 s', evidence: { message: { key: 'server.reason.threshold.raise' } } })

    const detail = await (await api(gw, `/alerts/${alert.id}`)).json() as { history: Array<{ kind: string }>, signalWindow: { points: unknown[] } }
    expect(detail.history.map((h) => h.kind)).toEqual(['opened'])
    expect(detail.signalWindow.points.length).toBeGreaterThan(0)

    expect((await api(gw, `/alerts/${alert.id}/acknowledge`, { method: 'POST', body: JSON.stringify({ note: 'calling the driver' }) })).status).toBe(200)
    const twice = await api(gw, `/alerts/${alert.id}/acknowledge`, { method: 'POST', body: '{}' })
    expect(twice.status).toBe(409)
    expect((await api(gw, `/alerts/${alert.id}/resolve`, { method: 'POST', body: JSON.stringify({ note: '' }) })).status).toBe(400)
    expect((await api(gw, `/alerts/${alert.id}/resolve`, { method: 'POST', body: JSON.stringify({ note: 'thermostat replaced' }) })).status).toBe(200)

    await waitFor(() => deliveries.find((d) => JSON.parse(d.body).event === 'alert.resolved'), 10_000, 'resolved delivery')
    const events = deliveries.map((d) => JSON.parse(d.body).event as string)
    expect(events.sort()).toEqual(['alert.acknowledged', 'alert.opened', 'alert.resolved'])
    const kpis = await (await api(gw, '/kpis/alerts')).json() as { rows: Array<{ severity: string, acknowledged: number, resolved: number }> }
    expect(kpis.rows.find((r) => r.severity === 'critical')).toMatchObject({ acknowledged: 1, resolved: 1 })
    car.end(true)
    ws.close()
  })
})
