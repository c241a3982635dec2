import { describe, expect, it } from 'vitest'
import { generateKeyPairSync, sign } from 'node:crypto'
import { fleetwire, revocationSigningInput } from '@fleetwire/proto'
import { pinKey, verifyOffer, verifyRevocation } from './verify-offer.core.js'
import { inWindow, localMinute } from '@fleetwire/proto'
import { askDriver, preconditionsMet } from './driver.core.js'
import { mulberry32 } from '../prng.core.js'

const { privateKey, publicKey } = generateKeyPairSync('ed25519')
const raw = publicKey.export({ type: 'spki', format: 'der' }).subarray(12)
const pinned = pinKey(raw)
const VIN = 'WVWZZZ1JZXW000001'
const inventory = [{ ecuId: 'BMS', hardwareId: 'HW-1', softwareVersion: '1.0.0' }]

function offer (over: Partial<{ vehicleId: string, expiresAtMs: number, version: string, hardwareId: string, keyId: string }> = {}, tamper = false): Uint8Array {
  const document = fleetwire.v1.OfferDocument.encode({
    offerId: 'o1', campaignId: 'c1', vehicleId: over.vehicleId ?? VIN, issuedAtMs: 0, expiresAtMs: over.expiresAtMs ?? 10_000,
    targets: [{ ecuId: 'BMS', hardwareId: over.hardwareId ?? 'HW-1', version: over.version ?? '1.1.0', sha256: Buffer.alloc(32), length: 10, url: 'http://x' }],
  }).finish()
  const signature = sign(null, document, privateKey)
  if (tamper) document[document.length - 1] = (document[document.length - 1] as number) ^ 1
  return fleetwire.v1.OtaOffer.encode({ document, signature, keyId: over.keyId ?? pinned.keyId }).finish()
}

describe('offer verification on the vehicle', () => {
  it('accepts a valid offer', () => {
    expect(verifyOffer(offer(), pinned, VIN, inventory, 1000).ok).toBe(true)
  })
  it.each([
    ['signature_invalid', offer({}, true), 1000],
    ['offer_expired', offer(), 20_000],
    ['downgrade', offer({ version: '0.9.0' }), 1000],
    ['downgrade', offer({ version: '1.0.0' }), 1000],
    ['hardware_mismatch', offer({ hardwareId: 'HW-9' }), 1000],
    ['wrong_vehicle', offer({ vehicleId: 'WVWZZZ1JZXW000002' }), 1000],
    ['unknown_key', offer({ keyId: 'ffff' }), 1000],
    ['malformed', Uint8Array.of(0xff, 0xff, 0xff), 1000],
  ] as const)('rejects with %s', (reason, payload, now) => {
    expect(verifyOffer(payload, pinned, VIN, inventory, now)).toMatchObject({ ok: false, reason })
  })
})

describe('simulated driver and preconditions', () => {
  it('answers with the configured probabilities and never postpones when it may not', () => {
    const rng = mulberry32(7)
    const n = { accept: 0, postpone: 0, decline: 0 }
    for (let i = 0; i < 10_000; i++) n[askDriver(rng, { accept: 0.6, postpone: 0.3, decline: 0.1 }, true)]++
    expect(n.accept / 10_000).toBeCloseTo(0.6, 1)
    expect(n.decline / 10_000).toBeCloseTo(0.1, 1)
    for (let i = 0; i < 1000; i++) expect(askDriver(rng, { accept: 0, postpone: 1, decline: 0 }, false)).toBe('accept')
  })
  it('requires parked, enough charge or charging, and a healthy 12 V system', () => {
    const rule = { parked: true, minSocPct: 30, chargingOk: true, minAuxBatteryV: 11.8 }
    expect(preconditionsMet(rule, { parked: true, socPct: 50, charging: false, auxBatteryV: 12.4 })).toBe(true)
    expect(preconditionsMet(rule, { parked: false, socPct: 50, charging: false, auxBatteryV: 12.4 })).toBe(false)
    expect(preconditionsMet(rule, { parked: true, socPct: 10, charging: true, auxBatteryV: 12.4 })).toBe(true)
    expect(preconditionsMet(rule, { parked: true, socPct: 10, charging: false, auxBatteryV: 12.4 })).toBe(false)
    expect(preconditionsMet(rule, { parked: true, socPct: 50, charging: false, auxBatteryV: 11.0 })).toBe(false)
  })
})

describe('install window in vehicle local time', () => {
  it('opens only inside the window, wrapping midnight', () => {
    const at = Date.UTC(2026, 0, 15, 1, 30) // 02:30 in Berlin (winter)
    expect(localMinute(at, 'Europe/Berlin')).toBe(150)
    expect(inWindow(150, 120, 300)).toBe(true)
    expect(inWindow(150, 22 * 60, 60)).toBe(false)
    expect(inWindow(30, 22 * 60, 60)).toBe(true)
    expect(inWindow(700, 0, 0)).toBe(true)
  })
})

describe('revocation verification on the vehicle', () => {
  const revocation = (o: { vehicleId?: string, rawSignature?: boolean } = {}) => {
    const document = fleetwire.v1.RevocationDocument.encode({ offerId: 'o1', campaignId: 'c1', vehicleId: o.vehicleId ?? VIN, issuedAtMs: 5, reason: 'campaign_cancelled' }).finish()
    const signature = sign(null, o.rawSignature === true ? document : revocationSigningInput(document), privateKey)
    return fleetwire.v1.OtaRevocation.encode({ document, signature, keyId: pinned.keyId }).finish()
  }
  it('accepts one signed by the pinned key for this vehicle', () => {
    expect(verifyRevocation(revocation(), pinned, VIN)).toEqual({ ok: true, revocation: { offerId: 'o1', campaignId: 'c1', reason: 'campaign_cancelled' } })
  })
  it('refuses another vehicle\'s, and a signature over the bare document (as an offer is signed)', () => {
    expect(verifyRevocation(revocation({ vehicleId: 'WVWZZZ1JZXW000002' }), pinned, VIN)).toMatchObject({ ok: false, reason: 'wrong_vehicle' })
    expect(verifyRevocation(revocation({ rawSignature: true }), pinned, VIN)).toMatchObject({ ok: false, reason: 'signature_invalid' })
    // An offer's envelope replayed on the revocation channel: its signature does not cover the revocation context.
    expect(verifyRevocation(offer(), pinned, VIN)).toMatchObject({ ok: false })
  })
})
