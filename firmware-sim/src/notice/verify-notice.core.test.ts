import { describe, expect, it } from 'vitest'
import { generateKeyPairSync, sign } from 'node:crypto'
import { fleetwire, noticeSigningInput } from '@fleetwire/proto'
import { pinKey } from '../ota/verify-offer.core.js'
import { verifyNotice } from './verify-notice.core.js'

const { privateKey, publicKey } = generateKeyPairSync('ed25519')
const pinned = pinKey(publicKey.export({ type: 'spki', format: 'der' }).subarray(12))
const VIN = 'WVWZZZ1JZXW000001'

function notice (o: { vehicleId?: string, signedAs?: 'notice' | 'plain', keyId?: string } = {}): Uint8Array {
  const document = fleetwire.v1.NoticeDocument.encode({ noticeId: 'n1', vehicleId: o.vehicleId ?? VIN, issuedAtMs: 1, severity: 3, requiredAction: 1, language: 'de', title: 'Brandgefahr', message: 'Anhalten.' }).finish()
  const signature = sign(null, o.signedAs === 'plain' ? document : noticeSigningInput(document), privateKey)
  return fleetwire.v1.SafetyNotice.encode({ document, signature, keyId: o.keyId ?? pinned.keyId }).finish()
}

describe('safety notice verification on the vehicle', () => {
  it('accepts a notice signed by the pinned key for this vehicle', () => {
    const v = verifyNotice(notice(), pinned, VIN)
    expect(v).toMatchObject({ ok: true, notice: { noticeId: 'n1', severity: 'critical', requiredAction: 'stop_driving', language: 'de', title: 'Brandgefahr' } })
  })
  it('refuses a signature made without the notice context (bytes signed as something else)', () => {
    expect(verifyNotice(notice({ signedAs: 'plain' }), pinned, VIN)).toMatchObject({ ok: false, reason: 'signature_invalid', noticeId: 'n1' })
  })
  it('refuses another vehicle\'s notice, an unknown key and garbage', () => {
    expect(verifyNotice(notice({ vehicleId: 'WVWZZZ1JZXW000002' }), pinned, VIN)).toMatchObject({ ok: false, reason: 'wrong_vehicle' })
    expect(verifyNotice(notice({ keyId: 'ffffffffffffffff' }), pinned, VIN)).toMatchObject({ ok: false, reason: 'unknown_key' })
    expect(verifyNotice(new Uint8Array([0xff, 0xff, 0xff]), pinned, VIN)).toMatchObject({ ok: false, reason: 'malformed' })
  })
})
