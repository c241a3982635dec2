import type pg from 'pg'
import type { Config } from '../config/load.js'
import type { Log } from '../common/log.js'
import type { PowerState } from '../storage/vehicles.repository.js'
import type { OtaSigner } from './signer.js'
import type { ReminderPolicy } from './reminders.core.js'

/** What the OTA services share; built once by the plugin. */
export interface OtaContext {
  readonly pool: pg.Pool
  readonly config: Config['ota']
  readonly log: Log
  /** Replaceable (app.ota.useClock) so tests drive reminders and timeouts with a fake clock. */
  readonly clock: { now: () => number }
  readonly signer: OtaSigner
  readonly reminderPolicy: ReminderPolicy
  /** Publishes to a vehicle's downlink topic (QoS 1); rejects when the broker refuses. */
  publish(vehicleId: string, channel: 'ota/offer' | 'ota/reminder' | 'ota/revoke', payload: Buffer): Promise<void>
  /** Whether the vehicle is connected to this gateway, and what it last said about its power. */
  presence(vehicleKey: number): { connected: boolean, powerState: PowerState }
  /** Base URL for download links (the listener's address unless configured). */
  baseUrl(): string
  /** When this instance last cancelled a campaign (vehicles reconnecting soon after get its revocation). */
  lastCancelAtMs: number
  /** Campaigns whose progress changed since the last tick (for the live channel and wave checks). */
  readonly dirty: Set<string>
}
