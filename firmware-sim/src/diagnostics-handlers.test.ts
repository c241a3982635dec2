import { describe, expect, it } from 'vitest'
import { createDtcMemory, dtcToBytes, bytesToDtc, DTC_STATUS, type DtcEvent } from './dtc-memory.core.js'
import { DID, NRC, UDS_HANDLERS, handleUdsRequest, type UdsContext } from './diagnostics-handlers.js'

function context (): UdsContext & { reported: DtcEvent[] } {
  const dtc = createDtcMemory()
  dtc.set('P0A80', 'BMS', 1000, [{ signalId: 12, value: 3.5 }, { signalId: 13, value: 3.9 }], true)
  dtc.set('C0755', 'TPMS', 2000, [{ signalId: 1, value: 0 }], false)
  const reported: DtcEvent[] = []
  return {
    vin: 'WF9E1A5E8NE047029',
    ecus: [{ ecuId: 'TCU', hardwareId: 'FW-TCU-4G-C3', softwareVersion: '2.9.1' }],
    dtc,
    readSignal: (id) => (id === 10 ? 64.5 : undefined),
    nowMs: () => 5000,
    report: (events) => { reported.push(...events) },
    reported,
  }
}
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

describe('DTC codes and memory', () => {
  it('encodes SAE J2012 codes in two bytes and back', () => {
    expect(dtcToBytes('P0A80')).toEqual([0x0a, 0x80, 0x00])
    expect(dtcToBytes('C0755')).toEqual([0x47, 0x55, 0x00])
    expect(dtcToBytes('U0100')).toEqual([0xc1, 0x00, 0x00])
    for (const code of ['P0A80', 'C0755', 'B1234', 'U3FFF', 'P0562']) expect(bytesToDtc(...(dtcToBytes(code).slice(0, 2) as [number, number]))).toBe(code)
  })

  it('sets confirmed codes with the warning lamp when asked, and clears them', () => {
    const m = createDtcMemory()
    const e = m.set('P0AA6', 'BMS', 1, [], true)
    expect(e.status).toBe(0x01 | 0x02 | 0x04 | 0x08 | 0x20 | 0x80)
    expect(m.isActive('P0AA6')).toBe(true)
    expect(m.clear(undefined, 2)).toEqual([expect.objectContaining({ code: 'P0AA6', action: 'cleared' })])
    expect(m.isActive('P0AA6')).toBe(false)
  })
})

describe('UDS handler table', () => {
  it('has exactly the services the gateway will use', () => {
    expect(Object.keys(UDS_HANDLERS).map(Number).sort()).toEqual([0x14, 0x19, 0x22])
  })

  it('0x19 0x02 lists DTCs by status mask; 0x01 counts them', () => {
    const ctx = context()
    expect(hex(handleUdsRequest(Uint8Array.of(0x19, 0x02, DTC_STATUS.confirmedDTC), ctx))).toBe('5902ff' + '0a8000af' + '4755002f')
    expect(hex(handleUdsRequest(Uint8Array.of(0x19, 0x02, DTC_STATUS.warningIndicatorRequested), ctx))).toBe('5902ff0a8000af')
    expect(hex(handleUdsRequest(Uint8Array.of(0x19, 0x01, 0xff), ctx))).toBe('5901ff010002')
  })

  it('0x19 0x04 returns the freeze frame of one DTC', () => {
    const res = handleUdsRequest(Uint8Array.of(0x19, 0x04, 0x0a, 0x80, 0x00, 0x01), context())
    expect(hex(res.slice(0, 8))).toBe('59040a8000af0102')
    const b = Buffer.from(res)
    expect(b.readUInt16BE(8)).toBe(DID.signalBase | 12)
    expect(b.readFloatBE(10)).toBeCloseTo(3.5)
    expect(hex(handleUdsRequest(Uint8Array.of(0x19, 0x04, 0x01, 0x23, 0x00, 0x01), context()))).toBe('7f1931')
  })

  it('0x14 clears all (FFFFFF) or one code and reports the clears', () => {
    const ctx = context()
    expect(hex(handleUdsRequest(Uint8Array.of(0x14, 0x47, 0x55, 0x00), ctx))).toBe('54')
    expect(ctx.reported.map((e) => e.code)).toEqual(['C0755'])
    expect(hex(handleUdsRequest(Uint8Array.of(0x14, 0xff, 0xff, 0xff), ctx))).toBe('54')
    expect(ctx.dtc.all()).toEqual([])
    expect(hex(handleUdsRequest(Uint8Array.of(0x14, 0x0a, 0x80, 0x00), ctx))).toBe('7f1431')
  })

  it('0x22 reads the VIN, software version and live signals; unknown DIDs are out of range', () => {
    const ctx = context()
    const vin = handleUdsRequest(Uint8Array.of(0x22, 0xf1, 0x90), ctx)
    expect(hex(vin.slice(0, 3))).toBe('62f190')
    expect(Buffer.from(vin.slice(3)).toString('ascii')).toBe(ctx.vin)
    const two = Buffer.from(handleUdsRequest(Uint8Array.of(0x22, 0xf1, 0x89, 0xfd, 0x0a), ctx))
    expect(two.subarray(3, 8).toString('ascii')).toBe('2.9.1')
    expect(two.readUInt16BE(8)).toBe(0xfd0a)
    expect(two.readFloatBE(10)).toBeCloseTo(64.5)
    expect(hex(handleUdsRequest(Uint8Array.of(0x22, 0x12, 0x34), ctx))).toBe('7f2231')
  })

  it('answers negatively for unknown services, sub-functions and bad lengths', () => {
    const ctx = context()
    expect(hex(handleUdsRequest(Uint8Array.of(0x31, 0x01), ctx))).toBe('7f31' + NRC.serviceNotSupported.toString(16).padStart(2, '0'))
    expect(hex(handleUdsRequest(Uint8Array.of(0x19, 0x42, 0x00), ctx))).toBe('7f1912')
    expect(hex(handleUdsRequest(Uint8Array.of(0x19, 0x02), ctx))).toBe('7f1913')
    expect(hex(handleUdsRequest(Uint8Array.of(0x22, 0xf1), ctx))).toBe('7f2213')
  })
})
