/**
 * MQTT topic layout. Part of the wire contract, so it lives beside the
 * .proto files: the simulator builds topics with it, the gateway's broker
 * parses and authorizes them with it.
 *
 *   v/{vehicleId}/telemetry   vehicle -> gateway  TelemetryBatch
 *   v/{vehicleId}/status      vehicle -> gateway  VehicleStatus (birth)
 *   v/{vehicleId}/death       vehicle -> gateway  DeathCertificate (MQTT will)
 *   v/{vehicleId}/dtc         vehicle -> gateway  DiagnosticEvent
 *   v/{vehicleId}/cmd/req     gateway -> vehicle  CommandRequest (remote diagnostics)
 *   v/{vehicleId}/cmd/res     vehicle -> gateway  CommandResponse
 *   v/{vehicleId}/ota/offer   gateway -> vehicle  OtaOffer (signed update offer)
 *   v/{vehicleId}/ota/reminder gateway -> vehicle OtaReminder (head unit)
 *   v/{vehicleId}/ota/revoke  gateway -> vehicle  OtaRevocation (signed: a cancelled campaign's offer withdrawn)
 *   v/{vehicleId}/ota/status  vehicle -> gateway  OtaStatus (each update step)
 *   v/{vehicleId}/notice      gateway -> vehicle  SafetyNotice (signed: a safety notice for the head unit)
 *   v/{vehicleId}/notice/ack  vehicle -> gateway  NoticeAck (delivered, displayed, acknowledged by the driver)
 */
export const VEHICLE_TOPIC_ROOT = 'v'

/** Channels a vehicle publishes on. */
export const UPLINK_CHANNELS = ['telemetry', 'status', 'death', 'dtc', 'cmd/res', 'ota/status', 'notice/ack'] as const
export type UplinkChannel = typeof UPLINK_CHANNELS[number]

/** Channels the gateway publishes to a vehicle; a vehicle may subscribe to these only. */
export const DOWNLINK_CHANNELS = ['cmd/req', 'ota/offer', 'ota/reminder', 'ota/revoke', 'notice'] as const
export type DownlinkChannel = typeof DOWNLINK_CHANNELS[number]

/**
 * Vehicle ids are VINs (ISO 3779: 17 characters, no I, O or Q). The pattern
 * also guarantees that no MQTT wildcard or level separator can appear in an
 * id used inside a topic or an ACL (Mosquitto CVE-2017-7650).
 */
export const VEHICLE_ID_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/

export function isVehicleId (id: string): boolean {
  return VEHICLE_ID_PATTERN.test(id)
}

export function vehicleTopic (vehicleId: string, channel: UplinkChannel | DownlinkChannel): string {
  return `${VEHICLE_TOPIC_ROOT}/${vehicleId}/${channel}`
}

export interface ParsedVehicleTopic {
  readonly vehicleId: string
  readonly channel: string
}

/** Splits `v/{id}/{channel...}`; undefined for anything outside the vehicle tree. */
export function parseVehicleTopic (topic: string): ParsedVehicleTopic | undefined {
  const first = topic.indexOf('/')
  if (first < 0 || topic.slice(0, first) !== VEHICLE_TOPIC_ROOT) return undefined
  const second = topic.indexOf('/', first + 1)
  if (second < 0) return undefined
  return { vehicleId: topic.slice(first + 1, second), channel: topic.slice(second + 1) }
}
