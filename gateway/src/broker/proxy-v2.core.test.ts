import { describe, expect, it } from 'vitest'
import { PROXY_V2_SIGNATURE, encodeProxyV2, parseProxyV2 } from './proxy-v2.core.js'

describe('PROXY protocol v2 header', () => {
  it('reads an IPv4 TCP source as HAProxy sends it, and its length', () => {
    const h = encodeProxyV2({ address: '203.0.113.7', port: 51234 }, { address: '10.0.0.2', port: 1883 })
    const r = parseProxyV2(Buffer.concat([h, Buffer.from([0x10, 0x00])]))
    expect(r).toEqual({ status: 'ok', length: 28, source: { address: '203.0.113.7', port: 51234 } })
  })

  it('reads an IPv6 source (compressed text form) and an IPv4-mapped one as IPv4', () => {
    expect(parseProxyV2(encodeProxyV2({ address: '2001:db8::1', port: 1 }, { address: '::1', port: 2 }))).toMatchObject({ status: 'ok', length: 52, source: { address: '2001:db8::1', port: 1 } })
    expect(parseProxyV2(encodeProxyV2({ address: '::ffff:c000:0201', port: 3 }, { address: '::1', port: 2 }))).toMatchObject({ source: { address: '192.0.2.1' } })
  })

  it('waits for more bytes at every cut of the header', () => {
    const h = encodeProxyV2({ address: '198.51.100.1', port: 9 }, { address: '10.0.0.1', port: 1883 })
    for (let n = 0; n < h.length; n++) expect(parseProxyV2(h.subarray(0, n)).status).toBe('incomplete')
  })

  it('a LOCAL command (health check) has no source; TLVs after the addresses are skipped', () => {
    const local = Buffer.concat([PROXY_V2_SIGNATURE, Buffer.from([0x20, 0x00, 0x00, 0x00])])
    expect(parseProxyV2(local)).toEqual({ status: 'ok', length: 16, source: undefined })
    const h = encodeProxyV2({ address: '192.0.2.9', port: 4 }, { address: '10.0.0.1', port: 1883 })
    const tlv = Buffer.from([0x04, 0x00, 0x02, 0xab, 0xcd])
    const withTlv = Buffer.concat([h.subarray(0, 14), Buffer.from([0, 12 + tlv.length]), h.subarray(16), tlv])
    expect(parseProxyV2(withTlv)).toMatchObject({ status: 'ok', length: 16 + 12 + tlv.length, source: { address: '192.0.2.9' } })
  })

  it('refuses a plain MQTT CONNECT, version 1 text headers, other versions and oversized headers', () => {
    expect(parseProxyV2(Buffer.from([0x10, 0x0c, 0x00, 0x04]))).toMatchObject({ status: 'invalid' })
    expect(parseProxyV2(Buffer.from('PROXY TCP4 1.2.3.4 5.6.7.8 1 2\r\n'))).toMatchObject({ status: 'invalid' })
    expect(parseProxyV2(Buffer.concat([PROXY_V2_SIGNATURE, Buffer.from([0x31, 0x11, 0, 12])]))).toMatchObject({ status: 'invalid', reason: 'PROXY protocol version 3' })
    expect(parseProxyV2(Buffer.concat([PROXY_V2_SIGNATURE, Buffer.from([0x21, 0x11, 0xff, 0xff])]))).toMatchObject({ status: 'invalid' })
  })
})
