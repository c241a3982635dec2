import { describe, expect, it } from 'vitest'
import { checkAddress, classifyAddress, inCidr, parseCidr, type AddressClass, type Cidr } from './address-policy.core.js'

describe('classifyAddress', () => {
  const cases: Array<[string, AddressClass]> = [
    // IPv4
    ['0.0.0.0', 'unspecified'],
    ['0.255.1.2', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.254', 'cgnat'],
    ['100.128.0.1', 'public'],
    ['100.63.255.255', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['169.254.0.1', 'link-local'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['172.15.255.255', 'public'],
    ['192.0.0.192', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['192.88.99.1', 'reserved'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'reserved'],
    ['198.19.255.255', 'reserved'],
    ['198.20.0.1', 'public'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.7', 'reserved'],
    ['224.0.0.251', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['8.8.8.8', 'public'],
    ['93.184.216.34', 'public'],
    // IPv6
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::FFFF:169.254.169.254', 'link-local'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::7f00:1', 'loopback'], // NAT64 of 127.0.0.1
    ['64:ff9b::808:808', 'public'],
    ['::127.0.0.1', 'reserved'], // IPv4-compatible (deprecated)
    ['64:ff9b:1::1', 'reserved'],
    ['100::1', 'reserved'],
    ['2001::1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['2002:7f00:1::1', 'reserved'],
    ['fc00::1', 'unique-local'],
    ['fd00:ec2::254', 'unique-local'],
    ['fdff:ffff::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['2606:4700:4700::1111', 'public'],
    ['2a00:1450:4001:80b::200e', 'public'],
    // not addresses
    ['localhost', 'invalid'],
    ['example.com', 'invalid'],
    ['127.1', 'invalid'],
    ['0x7f000001', 'invalid'],
    ['', 'invalid'],
  ]
  it.each(cases)('%s is %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls)
  })
})

describe('parseCidr / inCidr', () => {
  const c = (s: string) => parseCidr(s) as Cidr
  it('matches IPv4 networks and single addresses', () => {
    expect(inCidr('127.0.0.1', c('127.0.0.0/8'))).toBe(true)
    expect(inCidr('128.0.0.1', c('127.0.0.0/8'))).toBe(false)
    expect(inCidr('10.2.3.4', c('10.2.3.4'))).toBe(true)
    expect(inCidr('10.2.3.5', c('10.2.3.4'))).toBe(false)
    expect(inCidr('::ffff:127.0.0.1', c('127.0.0.1/32'))).toBe(true) // the mapped form is the same address
    expect(inCidr('1.2.3.4', c('0.0.0.0/0'))).toBe(true)
    expect(inCidr('::1', c('0.0.0.0/0'))).toBe(false)
  })
  it('matches IPv6 networks', () => {
    expect(inCidr('fd12:3456::1', c('fd12:3456::/32'))).toBe(true)
    expect(inCidr('fd12:3457::1', c('fd12:3456::/32'))).toBe(false)
    expect(inCidr('::1', c('::1'))).toBe(true)
    expect(inCidr('127.0.0.1', c('::1/128'))).toBe(false)
    expect(inCidr('10.0.0.7', c('::ffff:10.0.0.0/104'))).toBe(true)
  })
  it('refuses malformed networks', () => {
    for (const s of ['', 'x', '10.0.0.0/33', '10.0.0.0/-1', '10.0.0.0/8/1', '::/129', '10.0.0.0/a', 'example.com/8', '10.0.0.0/']) expect(parseCidr(s), s).toBeUndefined()
  })
})

describe('checkAddress', () => {
  it('allows public addresses and refuses every other class', () => {
    expect(checkAddress('8.8.8.8', [])).toEqual({ ok: true })
    expect(checkAddress('127.0.0.1', [])).toEqual({ ok: false, cls: 'loopback' })
    expect(checkAddress('::ffff:127.0.0.1', [])).toEqual({ ok: false, cls: 'loopback' })
    expect(checkAddress('169.254.169.254', [])).toEqual({ ok: false, cls: 'link-local' })
    expect(checkAddress('not-an-ip', [])).toEqual({ ok: false, cls: 'invalid' })
  })
  it('allows a refused class only inside an explicitly allowed network', () => {
    const allowed = [parseCidr('127.0.0.1/32') as Cidr]
    expect(checkAddress('127.0.0.1', allowed)).toEqual({ ok: true })
    expect(checkAddress('::ffff:127.0.0.1', allowed)).toEqual({ ok: true })
    expect(checkAddress('127.0.0.2', allowed)).toEqual({ ok: false, cls: 'loopback' })
    expect(checkAddress('169.254.169.254', allowed)).toEqual({ ok: false, cls: 'link-local' })
  })
})
