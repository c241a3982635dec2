import { startFleet, type Fleet } from './fleet.js'
import type { Registrar } from './provision.js'
import type { SimLogger } from './log.js'

/** What `npm start` runs next to the embedded gateway, so a new user sees live data at once. */
export const DEMO_FLEET = Object.freeze({
  vehicles: 12,
  rate: 1,
  speed: 1,
  seed: 20_251_127,
  faults: '25%',
  keepAwake: true,
})

export interface DemoFleetOptions {
  /** The gateway's MQTT/TCP URL. */
  mqttUrl: string
  /** Registers the demo vehicles: the gateway's REST API with an admin token, or an in-process function. */
  provision: { apiUrl: string, token: string } | Registrar
  vehicles?: number
  log?: SimLogger
}

/**
 * A small real-time fleet (12 vehicles, one batch a second each, always
 * online, a quarter of them slowly developing faults over the next weeks).
 * Same seed every start, so the same VINs come back (credentials are
 * rotated on 409).
 */
export function startDemoFleet (opts: DemoFleetOptions): Promise<Fleet> {
  return startFleet({
    ...DEMO_FLEET,
    url: opts.mqttUrl,
    vehicles: opts.vehicles ?? DEMO_FLEET.vehicles,
    provision: opts.provision,
    ...(opts.log === undefined ? {} : { log: opts.log }),
  })
}
