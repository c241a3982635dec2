import type pg from 'pg'
import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import { from as copyFrom } from 'pg-copy-streams'
import type { TelemetryColumns } from './telemetry.repository.js'

/**
 * Binary COPY into telemetry: the cheapest way into PostgreSQL (measured:
 * ~670k rows/s against ~220k for unnest). COPY has no ON CONFLICT, so a
 * batch that repeats a stored row fails as a whole with 23505 and the caller
 * falls back to the idempotent INSERT; replays are rare, batches are not.
 */
const COPY_SQL = 'COPY telemetry (vehicle_key, signal_id, ts, value) FROM STDIN (FORMAT binary)'
// [PostgreSQL COPY binary format] signature, flags, header extension length
const HEADER = Buffer.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0])
const ROW_BYTES = 2 + (4 + 4) + (4 + 2) + (4 + 8) + (4 + 8)
/** timestamptz on the wire: microseconds since 2000-01-01 UTC. */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1)

export function encodeCopyBinary ({ vehicleKeys, signalIds, tsMs, values }: TelemetryColumns): Buffer {
  const n = vehicleKeys.length
  const buf = Buffer.allocUnsafe(HEADER.length + n * ROW_BYTES + 2)
  HEADER.copy(buf, 0)
  let o = HEADER.length
  for (let i = 0; i < n; i++) {
    o = buf.writeInt16BE(4, o)
    o = buf.writeInt32BE(4, o)
    o = buf.writeInt32BE(vehicleKeys[i] as number, o)
    o = buf.writeInt32BE(2, o)
    o = buf.writeInt16BE(signalIds[i] as number, o)
    o = buf.writeInt32BE(8, o)
    o = buf.writeBigInt64BE(BigInt(Math.round(((tsMs[i] as number) - PG_EPOCH_MS) * 1000)), o)
    o = buf.writeInt32BE(8, o)
    o = buf.writeDoubleBE(values[i] as number, o)
  }
  buf.writeInt16BE(-1, o)
  return buf
}

/** Resolves with the rows copied; rejects with PostgreSQL's error (code 23505 when a row already exists). */
export async function copyTelemetry (pool: pg.Pool, batch: TelemetryColumns): Promise<number> {
  const client = await pool.connect()
  // A checked-out client has no pool listener: without this, the server
  // going away mid-COPY ("terminating connection due to administrator
  // command") is an unhandled 'error' event that kills the gateway.
  let broken: Error | undefined
  const onError = (err: Error) => { broken = err }
  client.on('error', onError)
  try {
    const stream = client.query(copyFrom(COPY_SQL))
    await pipeline(Readable.from([encodeCopyBinary(batch)]), stream)
    return stream.rowCount ?? batch.vehicleKeys.length
  } catch (err) {
    throw broken ?? err
  } finally {
    client.off('error', onError)
    // A broken connection is discarded, not returned to the pool.
    client.release(broken)
  }
}
