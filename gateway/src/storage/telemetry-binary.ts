/** Query parameters for telemetry inserts, built without per-element strings. */

// One-dimensional, NULL-free arrays in the binary format of array_recv.
const PG_EPOCH_MS = Date.UTC(2000, 0, 1)
const OID = { int2: 21, int4: 23, float8: 701, timestamptz: 1184 }

function binaryArray (oid: number, width: number, xs: number[], put: (dv: DataView, at: number, x: number) => void): Buffer {
  const buf = Buffer.allocUnsafe(20 + xs.length * (4 + width))
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
  dv.setInt32(0, 1) // dimensions
  dv.setInt32(4, 0) // has nulls
  dv.setUint32(8, oid)
  dv.setInt32(12, xs.length)
  dv.setInt32(16, 1) // lower bound
  let at = 20
  for (const x of xs) {
    dv.setInt32(at, width)
    put(dv, at + 4, x)
    at += 4 + width
  }
  return buf
}

export const int4Array = (xs: number[]) => binaryArray(OID.int4, 4, xs, (dv, at, x) => dv.setInt32(at, x))
export const int2Array = (xs: number[]) => binaryArray(OID.int2, 2, xs, (dv, at, x) => dv.setInt16(at, x))
export const float8Array = (xs: number[]) => binaryArray(OID.float8, 8, xs, (dv, at, x) => dv.setFloat64(at, x))
// timestamptz is int64 microseconds since 2000-01-01 UTC; |µs| < 2^53 for any
// plausible date, so two 32-bit halves avoid a BigInt per sample.
export const timestamptzArray = (xs: number[]) => binaryArray(OID.timestamptz, 8, xs, (dv, at, ms) => {
  const us = Math.round((ms - PG_EPOCH_MS) * 1000)
  const hi = Math.floor(us / 0x1_0000_0000)
  dv.setInt32(at, hi)
  dv.setUint32(at + 4, us - hi * 0x1_0000_0000)
})
