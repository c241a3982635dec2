/**
 * PROXY protocol version 2 header (haproxy.org/download/2.6/doc/proxy-protocol.txt,
 * section 2.2), as HAProxy's `send-proxy-v2` writes it in front of a
 * forwarded TCP connection: who the client really is. Pure: bytes in, result out.
 *
 *   12 bytes  signature \r\n\r\n\0\r\nQUIT\n
 *   1 byte    version (high nibble, 2) | command (low nibble: 0 LOCAL, 1 PROXY)
 *   1 byte    family (high: 1 INET, 2 INET6, 3 UNIX) | transport (low: 1 STREAM, 2 DGRAM)
 *   2 bytes   length of what follows (big endian): addresses, then TLVs (ignored here)
 */
export const PROXY_V2_SIGNATURE = Buffer.from([0x0d, 0x0a, 0x0d, 0x0a, 0x00, 0x0d, 0x0a, 0x51, 0x55, 0x49, 0x54, 0x0a])
const FIXED = 16
/** Far above any address block plus HAProxy's usual TLVs; a longer header is refused rather than buffered. */
export const PROXY_V2_MAX_LENGTH = 536

export type ProxyHeader =
  | { status: 'incomplete' }
  | { status: 'invalid', reason: string }
  /** `source` undefined: a LOCAL command (the proxy's own health check) or an address family we do not map: use the socket's address. */
  | { status: 'ok', length: number, source: { address: string, port: number } | undefined }

export function parseProxyV2 (buf: Buffer): ProxyHeader {
  const signatureBytes = Math.min(buf.length, PROXY_V2_SIGNATURE.length)
  if (!buf.subarray(0, signatureBytes).equals(PROXY_V2_SIGNATURE.subarray(0, signatureBytes))) return { status: 'invalid', reason: 'no PROXY protocol v2 signature' }
  if (buf.length < FIXED) return { status: 'incomplete' }
  const version = buf[12]! >> 4
  const command = buf[12]! & 0x0f
  if (version !== 2) return { status: 'invalid', reason: `PROXY protocol version ${version}` }
  if (command > 1) return { status: 'invalid', reason: `PROXY command ${command}` }
  const length = buf.readUInt16BE(14)
  if (FIXED + length > PROXY_V2_MAX_LENGTH) return { status: 'invalid', reason: `PROXY header of ${FIXED + length} bytes` }
  if (buf.length < FIXED + length) return { status: 'incomplete' }
  const total = FIXED + length
  if (command === 0) return { status: 'ok', length: total, source: undefined }
  const family = buf[13]! >> 4
  const body = buf.subarray(FIXED, total)
  if (family === 1) {
    if (body.length < 12) return { status: 'invalid', reason: 'IPv4 address block too short' }
    return { status: 'ok', length: total, source: { address: [...body.subarray(0, 4)].join('.'), port: body.readUInt16BE(8) } }
  }
  if (family === 2) {
    if (body.length < 36) return { status: 'invalid', reason: 'IPv6 address block too short' }
    const groups: string[] = []
    for (let i = 0; i < 16; i += 2) groups.push(body.readUInt16BE(i).toString(16))
    return { status: 'ok', length: total, source: { address: compressIpv6(groups), port: body.readUInt16BE(32) } }
  }
  return { status: 'ok', length: total, source: undefined }
}

/** RFC 5952 text form: the longest run of zero groups (two or more) becomes `::`; IPv4-mapped addresses as plain IPv4. */
function compressIpv6 (groups: string[]): string {
  if (groups.slice(0, 5).every((g) => g === '0') && groups[5] === 'ffff') {
    const hi = parseInt(groups[6]!, 16)
    const lo = parseInt(groups[7]!, 16)
    return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`
  }
  let best = -1
  let bestLen = 1
  for (let i = 0; i < 8;) {
    if (groups[i] !== '0') { i++; continue }
    let j = i
    while (j < 8 && groups[j] === '0') j++
    if (j - i > bestLen) { best = i; bestLen = j - i }
    i = j
  }
  if (best < 0) return groups.join(':')
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`
}

/** Builds a header (tests, and the bench's direct connections): IPv4 or IPv6 source and destination. */
export function encodeProxyV2 (src: { address: string, port: number }, dst: { address: string, port: number }): Buffer {
  const v6 = src.address.includes(':')
  const addr = (a: string) => v6 ? ipv6Bytes(a) : Buffer.from(a.split('.').map(Number))
  const body = Buffer.concat([addr(src.address), addr(dst.address), u16(src.port), u16(dst.port)])
  return Buffer.concat([PROXY_V2_SIGNATURE, Buffer.from([0x21, v6 ? 0x21 : 0x11]), u16(body.length), body])
}

function u16 (n: number): Buffer {
  const b = Buffer.alloc(2)
  b.writeUInt16BE(n)
  return b
}

function ipv6Bytes (a: string): Buffer {
  const [head, tail] = a.includes('::') ? a.split('::') as [string, string] : [a, undefined]
  const h = head === '' ? [] : head.split(':')
  const t = tail === undefined || tail === '' ? [] : tail.split(':')
  const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t]
  return Buffer.concat(groups.map((g) => u16(parseInt(g, 16))))
}
