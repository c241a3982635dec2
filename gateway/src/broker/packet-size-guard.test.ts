import { describe, expect, it } from 'vitest'
import { FrameScanner } from './packet-size-guard.js'

/** A PUBLISH-like packet with the given body length. */
function packet (bodyLength: number): Buffer {
  const len: number[] = []
  let n = bodyLength
  do {
    let b = n % 128
    n = Math.floor(n / 128)
    if (n > 0) b |= 0x80
    len.push(b)
  } while (n > 0)
  return Buffer.concat([Buffer.from([0x30, ...len]), Buffer.alloc(bodyLength, 7)])
}

describe('MQTT frame scanner', () => {
  it('refuses the announced 256 MB packet from its five header bytes', () => {
    expect(new FrameScanner(65_536).scan(Buffer.from([0x10, 0xff, 0xff, 0xff, 0x7f]))).toBe('packet_too_large')
  })

  it('refuses a Remaining Length longer than four bytes', () => {
    expect(new FrameScanner(1 << 30).scan(Buffer.from([0x30, 0x80, 0x80, 0x80, 0x80, 0x01]))).toBe('malformed_length')
  })

  it('passes a stream of packets up to the limit, whatever the chunking', () => {
    const stream = Buffer.concat([packet(0), packet(10), packet(200), packet(65_536 - 4), packet(127), packet(128)])
    for (const size of [1, 2, 3, 7, 64, 1000, stream.length]) {
      const s = new FrameScanner(65_536)
      const verdicts = new Set<string | undefined>()
      for (let i = 0; i < stream.length; i += size) verdicts.add(s.scan(stream.subarray(i, i + size)))
      expect([...verdicts], `chunks of ${size}`).toEqual([undefined])
    }
  })

  it('refuses the first packet over the limit even after many good ones', () => {
    const s = new FrameScanner(1024)
    expect(s.scan(Buffer.concat([packet(100), packet(1000)]))).toBeUndefined()
    expect(s.scan(packet(1022))).toBe('packet_too_large')
  })
})

describe('keep-alive handling in the frame scanner', () => {
  const connect = (keepAlive: number) => Buffer.from([0x10, 12, 0, 4, 0x4d, 0x51, 0x54, 0x54, 4, 0x02, keepAlive >> 8, keepAlive & 0xff, 0, 0])

  it('reads the CONNECT Keep Alive and zeroes it, whatever the chunking', () => {
    for (const size of [1, 2, 5, 14]) {
      const stream = Buffer.concat([connect(300), Buffer.from([0xc0, 0x00])])
      const s = new FrameScanner(1024)
      for (let i = 0; i < stream.length; i += size) s.scan(stream.subarray(i, i + size))
      expect(s.keepAliveS, `chunks of ${size}`).toBe(300)
      expect(stream.readUInt16BE(10)).toBe(0)
    }
  })

  it('marks PINGREQs after the CONNECT for removal', () => {
    const s = new FrameScanner(1024)
    s.scan(connect(30))
    expect(s.drops).toEqual([])
    const chunk = Buffer.concat([Buffer.from([0xc0, 0x00]), packet(3), Buffer.from([0xc0, 0x00])])
    expect(s.scan(chunk)).toBeUndefined()
    expect(s.drops).toEqual([0, 2, 7, 9])
  })

  it('leaves a PINGREQ split over two chunks in the stream', () => {
    const s = new FrameScanner(1024)
    s.scan(connect(30))
    s.scan(Buffer.from([0xc0]))
    expect(s.drops).toEqual([])
    s.scan(Buffer.from([0x00]))
    expect(s.drops).toEqual([])
  })
})
