/**
 * Per-vehicle signed download URLs and HTTP Range parsing, pure. A URL names
 * the artifact, the vehicle and an expiry, and carries a MAC over the three;
 * the download route also requires the vehicle's own credentials, so a URL
 * handed to another vehicle is refused.
 */
export interface UrlClaims { readonly artifactId: string, readonly vehicleId: string, readonly expiresAtMs: number }

export const urlMacInput = (c: UrlClaims) => `${c.artifactId}|${c.vehicleId}|${c.expiresAtMs}`

export function downloadPath (c: UrlClaims, mac: string): string {
  return `/ota/download/${c.artifactId}?vehicle=${c.vehicleId}&expires=${c.expiresAtMs}&sig=${mac}`
}

export type UrlCheck = 'ok' | 'GW_OTA_URL_BAD_SIGNATURE' | 'GW_OTA_URL_EXPIRED' | 'GW_OTA_URL_OTHER_VEHICLE'

export function checkUrl (c: UrlClaims, macValid: boolean, callerVehicleId: string, nowMs: number): UrlCheck {
  if (!macValid) return 'GW_OTA_URL_BAD_SIGNATURE'
  if (c.vehicleId !== callerVehicleId) return 'GW_OTA_URL_OTHER_VEHICLE'
  if (nowMs > c.expiresAtMs) return 'GW_OTA_URL_EXPIRED'
  return 'ok'
}

export type ByteRange = { kind: 'full' } | { kind: 'partial', start: number, end: number } | { kind: 'unsatisfiable' }

/**
 * RFC 9110 §14.2 for one range (`bytes=a-b`, `bytes=a-`, `bytes=-n`); a
 * header we do not understand (several ranges, other units) is ignored and
 * the whole file sent, which the RFC allows.
 */
export function parseRange (header: string | undefined, size: number): ByteRange {
  if (header === undefined) return { kind: 'full' }
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (m === null || (m[1] === '' && m[2] === '')) return { kind: 'full' }
  if (m[1] === '') {
    const n = Number(m[2])
    if (n === 0) return { kind: 'unsatisfiable' }
    return { kind: 'partial', start: Math.max(0, size - n), end: size - 1 }
  }
  const start = Number(m[1])
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  if (start >= size || end < start) return { kind: 'unsatisfiable' }
  return { kind: 'partial', start, end }
}
