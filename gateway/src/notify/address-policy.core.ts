import { isIPv4, isIPv6 } from 'node:net'

/**
 * Which network addresses a webhook may connect to. Pure: the dispatcher
 * resolves a host name, then asks here about every address it got, at
 * connect time (so a name that resolves to a public address when the
 * webhook is registered and to 127.0.0.1 later is still refused).
 *
 * Anything that is not plainly a public unicast address is refused: the
 * gateway's own host and its neighbours (the database, Redis, a cloud
 * metadata service) must not be reachable by whoever registers a URL.
 */
export type AddressClass =
  | 'public'
  | 'unspecified' // 0.0.0.0/8, ::
  | 'loopback' // 127/8, ::1
  | 'private' // RFC 1918
  | 'cgnat' // 100.64/10 (RFC 6598)
  | 'link-local' // 169.254/16 (cloud metadata 169.254.169.254), fe80::/10
  | 'unique-local' // fc00::/7 (also AWS's IPv6 metadata fd00:ec2::254), deprecated site-local fec0::/10
  | 'multicast' // 224/4, ff00::/8
  | 'reserved' // 240/4, broadcast, IETF protocol assignments, benchmarking 198.18/15, documentation, 6to4/Teredo/NAT64 local
  | 'invalid' // not an IP address at all

export interface Cidr { readonly v6: boolean, readonly bits: bigint, readonly prefix: number }

const V4_RANGES: ReadonlyArray<readonly [string, number, AddressClass]> = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'cgnat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'], // IETF protocol assignments (RFC 6890), incl. some providers' metadata addresses
  ['192.0.2.0', 24, 'reserved'], // TEST-NET-1
  ['192.88.99.0', 24, 'reserved'], // 6to4 relay anycast
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'], // benchmarking (RFC 2544)
  ['198.51.100.0', 24, 'reserved'], // TEST-NET-2
  ['203.0.113.0', 24, 'reserved'], // TEST-NET-3
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'], // incl. 255.255.255.255
]

const V6_RANGES: ReadonlyArray<readonly [string, number, AddressClass]> = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::', 96, 'reserved'], // deprecated IPv4-compatible addresses (::127.0.0.1)
  ['64:ff9b:1::', 48, 'reserved'], // local-use NAT64
  ['100::', 64, 'reserved'], // discard-only
  ['2001::', 32, 'reserved'], // Teredo
  ['2001:2::', 48, 'reserved'], // benchmarking
  ['2001:db8::', 32, 'reserved'], // documentation
  ['2002::', 16, 'reserved'], // 6to4 (embeds any IPv4 address)
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'unique-local'],
  ['ff00::', 8, 'multicast'],
]

function v4Bits (a: string): bigint {
  return a.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n)
}

function v6Bits (a: string): bigint {
  let s = a.toLowerCase()
  const pct = s.indexOf('%') // zone id (fe80::1%eth0)
  if (pct >= 0) s = s.slice(0, pct)
  // A trailing dotted quad (::ffff:127.0.0.1) is two 16-bit groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s)
  if (dotted !== null) {
    const v = v4Bits(dotted[1] as string)
    s = s.slice(0, dotted.index) + ((v >> 16n) & 0xffffn).toString(16) + ':' + (v & 0xffffn).toString(16)
  }
  const [head, tail] = s.includes('::') ? s.split('::') as [string, string] : [s, undefined]
  const h = head === '' ? [] : head.split(':')
  const t = tail === undefined || tail === '' ? [] : tail.split(':')
  const groups = tail === undefined ? h : [...h, ...new Array<string>(8 - h.length - t.length).fill('0'), ...t]
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n)
}

const V4_TABLE = V4_RANGES.map(([a, p, c]) => ({ bits: v4Bits(a), prefix: p, cls: c }))
const V6_TABLE = V6_RANGES.map(([a, p, c]) => ({ bits: v6Bits(a), prefix: p, cls: c }))
const MAPPED_PREFIX = v6Bits('::ffff:0:0')
const NAT64_PREFIX = v6Bits('64:ff9b::')

const inRange = (bits: bigint, width: number, base: bigint, prefix: number): boolean =>
  (bits >> BigInt(width - prefix)) === (base >> BigInt(width - prefix))

/**
 * The IPv4 address an IPv6 one stands for when it embeds one the kernel or
 * a gateway will reach as IPv4 (::ffff:a.b.c.d mapped, 64:ff9b::/96 NAT64),
 * so that ::ffff:127.0.0.1 is judged as 127.0.0.1.
 */
export function normalizeAddress (address: string): { v6: boolean, bits: bigint } | undefined {
  const a = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address
  if (isIPv4(a)) return { v6: false, bits: v4Bits(a) }
  if (!isIPv6(a.split('%')[0] as string)) return undefined
  const bits = v6Bits(a)
  if (inRange(bits, 128, MAPPED_PREFIX, 96) || inRange(bits, 128, NAT64_PREFIX, 96)) return { v6: false, bits: bits & 0xffffffffn }
  return { v6: true, bits }
}

export function classifyAddress (address: string): AddressClass {
  const n = normalizeAddress(address)
  if (n === undefined) return 'invalid'
  const table = n.v6 ? V6_TABLE : V4_TABLE
  const width = n.v6 ? 128 : 32
  for (const r of table) if (inRange(n.bits, width, r.bits, r.prefix)) return r.cls
  return 'public'
}

/** `10.1.0.0/16`, `fd00::/8`, or a single address (a /32 or /128). */
export function parseCidr (s: string): Cidr | undefined {
  const [addr, len, extra] = s.trim().split('/')
  if (addr === undefined || extra !== undefined) return undefined
  const n = normalizeAddress(addr)
  if (n === undefined) return undefined
  const width = n.v6 ? 128 : 32
  // A mapped IPv6 network given with an IPv6 prefix length (::ffff:10.0.0.0/104) counts in IPv4 bits.
  const given = len === undefined ? width : Number(len)
  const prefix = !n.v6 && isIPv6(addr.replace(/^\[|\]$/g, '')) ? given - 96 : given
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > width || (len !== undefined && !/^\d+$/.test(len))) return undefined
  return { v6: n.v6, bits: n.bits, prefix }
}

export function inCidr (address: string, c: Cidr): boolean {
  const n = normalizeAddress(address)
  return n !== undefined && n.v6 === c.v6 && (c.prefix === 0 || inRange(n.bits, n.v6 ? 128 : 32, c.bits, c.prefix))
}

export type AddressVerdict = { ok: true } | { ok: false, cls: AddressClass }

/**
 * A webhook may connect to public addresses, and to others only inside a
 * network the operator allowed explicitly (WEBHOOK_ALLOW_PRIVATE_NETWORKS).
 */
export function checkAddress (address: string, allowed: readonly Cidr[]): AddressVerdict {
  const cls = classifyAddress(address)
  if (cls === 'public') return { ok: true }
  if (cls !== 'invalid' && allowed.some((c) => inCidr(address, c))) return { ok: true }
  return { ok: false, cls }
}
