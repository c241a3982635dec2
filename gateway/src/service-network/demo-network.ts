import { CAPABILITIES, DEFAULT_CATALOGUE, DEFAULT_SCHEDULES } from '../parts/catalogue.core.js'
import type { ServiceNetwork } from './index.js'

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const
const DEMO_STOCK = { onHand: 12, leadTimeDays: 7 }

/**
 * The demo's service network: one fully capable centre in each city the demo
 * fleet lives in, stocked with every part of the seeded catalogue and service schedules. Created
 * only while the network is empty, so a real network is never touched.
 */
export async function ensureDemoNetwork(
  net: ServiceNetwork,
  cities: ReadonlyArray<{ name: string; country: string; region: string; lat: number; lon: number; timeZone: string }>,
): Promise<number> {
  if ((await net.centers.list({})).length > 0) return 0
  const parts = [...new Set([...Object.values(DEFAULT_CATALOGUE).flat(), ...Object.values(DEFAULT_SCHEDULES)].flatMap((e) => e.parts.map((p) => p.partNumber)))]
  for (const c of cities) {
    const id = `demo-${c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
    await net.centers.upsert({
      id,
      name: `${c.name} service centre`,
      country: c.country,
      region: c.region,
      // A few km off the city centre, where workshops are.
      lat: c.lat + 0.03,
      lon: c.lon + 0.03,
      timeZone: c.timeZone,
      // The country's likely language (CLDR's likely subtags) and English.
      languages: [...new Set([new Intl.Locale(`und-${c.country}`).maximize().language, 'en'])],
      openingHours: Object.fromEntries(WEEKDAYS.map((d) => [d, [['08:00', '18:00']] as const])),
      capabilities: [...CAPABILITIES],
      baysPerDay: 6,
    })
    await net.centers.setStock(
      id,
      parts.map((partNumber) => ({ partNumber, ...DEMO_STOCK })),
    )
  }
  return cities.length
}
