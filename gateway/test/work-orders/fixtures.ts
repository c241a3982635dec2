import type { MqttClient } from 'mqtt'
import { type Provisioned, type TestGateway, connectVehicle, provision, publish, telemetryPayload, waitFor } from '../helper.js'
import { call } from '../security/support.js'

/** A small service network around Berlin and Hamburg (DE), with stock. */
export const CENTERS = {
  'c-near': { lat: 52.53, lon: 13.41, capabilities: ['general', 'tyres'], stock: [{ partNumber: 'BAT-12V-70AH', onHand: 1, leadTimeDays: 3 }] },
  'c-nostock': { lat: 52.50, lon: 13.38, capabilities: ['general'], stock: [{ partNumber: 'BAT-12V-70AH', onHand: 0, leadTimeDays: 6 }] },
  'c-far': { lat: 53.55, lon: 9.99, capabilities: ['general', 'brakes'], stock: [{ partNumber: 'BAT-12V-70AH', onHand: 5, leadTimeDays: 2 }, { partNumber: 'CAB-FILTER-01', onHand: 4, leadTimeDays: 2 }, { partNumber: 'BRK-FLUID-1L', onHand: 4, leadTimeDays: 2 }] },
  'c-body': { lat: 52.52, lon: 13.405, capabilities: ['body'], stock: [{ partNumber: 'BAT-12V-70AH', onHand: 9, leadTimeDays: 1 }] },
} as const

export async function seedNetwork (gw: TestGateway): Promise<void> {
  for (const [id, c] of Object.entries(CENTERS)) {
    const put = await call(gw, 'PUT', `/service-centers/${id}`, {
      body: { name: `Centre ${id}`, country: 'DE', region: 'EU', lat: c.lat, lon: c.lon, timeZone: 'Europe/Berlin', languages: ['de', 'en'], openingHours: { mon: [['08:00', '18:00']] }, capabilities: c.capabilities, baysPerDay: 4 },
    })
    if (put.status !== 200) throw new Error(`centre ${id}: ${put.status} ${JSON.stringify(put.body)}`)
    const stock = await call(gw, 'PUT', `/service-centers/${id}/stock`, { body: c.stock })
    if (stock.status !== 200) throw new Error(`stock ${id}: ${stock.status} ${JSON.stringify(stock.body)}`)
  }
}

const LAT = 3
const LON = 4
const ODOMETER = 2
const CRANK = 21

/** A registered FW-E1 in Berlin that reports its position and odometer over MQTT, and a 12 V crank dip when `weak`. */
export async function berlinVehicle (gw: TestGateway, fleet: string, opts: { odometerKm: number, weak: boolean }): Promise<{ v: Provisioned, client: MqttClient }> {
  const v = await provision(gw, { model: 'FW-E1', fleet, region: 'EU' })
  const client = await connectVehicle(gw.mqttUrl, v)
  const samples: Array<[number, number]> = [[LAT, 52.52], [LON, 13.40], [ODOMETER, opts.odometerKm]]
  if (opts.weak) samples.push([CRANK, 9.0])
  await publish(client, v.id, 'telemetry', telemetryPayload(1, Date.now(), samples))
  return { v, client }
}

export async function openAlertOf (gw: TestGateway, vehicleId: string): Promise<string> {
  return waitFor(async () => {
    const r = await call(gw, 'GET', `/alerts?vehicle=${vehicleId}`)
    return (r.body as { items: Array<{ id: string, ruleId: string }> }).items.find((a) => a.ruleId === 'lv-battery-crank-low')?.id
  }, 15_000, `12 V alert of ${vehicleId}`)
}
