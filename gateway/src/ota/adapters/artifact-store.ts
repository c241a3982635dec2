import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs'
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import { type Result, fail, ok } from '../../common/result.js'

/**
 * Artifacts on disk, content-addressed: `{dir}/{sha[0..2]}/{sha}`. An upload
 * is streamed to a temporary file while it is hashed and counted, then
 * renamed to its hash (atomic on one file system): the same bytes uploaded
 * twice are one file, and a half-written upload is never visible.
 */
export interface ArtifactStore {
  put(body: Readable, maxBytes: number): Promise<Result<{ sha256: string, size: number }, 'GW_OTA_ARTIFACT_TOO_LARGE' | 'GW_OTA_ARTIFACT_EMPTY'>>
  size(sha256: string): Promise<number | undefined>
  read(sha256: string, start: number, end: number): ReadStream
  /** A small range read in one call into memory (cheaper than a stream for resume-sized chunks). */
  readRange(sha256: string, start: number, end: number): Promise<Buffer>
  path(sha256: string): string
}

/** Ranges up to this size are read into memory with one pread instead of streamed. */
export const SMALL_RANGE_BYTES = 4 << 20

class TooLarge extends Error {}

export function createArtifactStore (dir: string): ArtifactStore {
  const pathOf = (sha: string) => join(dir, sha.slice(0, 2), sha)
  // Artifacts never change once stored (content-addressed): sizes and open handles are cached.
  const sizes = new Map<string, number>()
  const handles = new Map<string, Promise<FileHandle>>()
  return {
    async put (body, maxBytes) {
      await mkdir(join(dir, 'tmp'), { recursive: true })
      const tmp = join(dir, 'tmp', `${Date.now()}-${randomBytes(8).toString('hex')}`)
      const hash = createHash('sha256')
      let size = 0
      const meter = new Transform({
        transform (chunk: Buffer, _enc, cb) {
          size += chunk.length
          if (size > maxBytes) return cb(new TooLarge())
          hash.update(chunk)
          cb(null, chunk)
        },
      })
      try {
        await pipeline(body, meter, createWriteStream(tmp, { flags: 'wx' }))
      } catch (err) {
        await rm(tmp, { force: true })
        if (err instanceof TooLarge) {
          body.resume() // drain what the client still sends so the 413 reaches it
          return fail('GW_OTA_ARTIFACT_TOO_LARGE', `artifact exceeds ${maxBytes} bytes`)
        }
        throw err
      }
      if (size === 0) {
        await rm(tmp, { force: true })
        return fail('GW_OTA_ARTIFACT_EMPTY', 'artifact body is empty')
      }
      const sha256 = hash.digest('hex')
      await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true })
      await rename(tmp, pathOf(sha256))
      return ok({ sha256, size })
    },
    async size (sha) {
      if (!/^[0-9a-f]{64}$/.test(sha)) return undefined
      const known = sizes.get(sha)
      if (known !== undefined) return known
      const s = await stat(pathOf(sha)).then((x) => x.size, () => undefined)
      if (s !== undefined) sizes.set(sha, s)
      return s
    },
    async readRange (sha, start, end) {
      let h = handles.get(sha)
      if (h === undefined) {
        h = open(pathOf(sha), 'r')
        handles.set(sha, h)
        h.catch(() => handles.delete(sha))
      }
      const fh = await h
      const buf = Buffer.allocUnsafe(end - start + 1)
      let off = 0
      while (off < buf.length) {
        const { bytesRead } = await fh.read(buf, off, buf.length - off, start + off)
        if (bytesRead === 0) break
        off += bytesRead
      }
      return off === buf.length ? buf : buf.subarray(0, off)
    },
    read: (sha, start, end) => createReadStream(pathOf(sha), { start, end, highWaterMark: 256 * 1024 }),
    path: pathOf,
  }
}
