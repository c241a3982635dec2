import { mkdtemp, readdir, rm, truncate, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WriteAheadSpool } from './write-ahead-spool.js'

const batch = (k: number, n = 5) => ({
  vehicleKeys: Array.from({ length: n }, () => k),
  signalIds: Array.from({ length: n }, (_, i) => i),
  tsMs: Array.from({ length: n }, (_, i) => 1_700_000_000_000 + i),
  values: Array.from({ length: n }, (_, i) => i),
})

let dir: string
beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'fleetwire-spool-')) })
afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

async function allRecords (spool: WriteAheadSpool) {
  const out = []
  for (const seg of await spool.sealAndList()) out.push(...(await spool.read(seg)).records)
  return out
}

describe('write-ahead spool', () => {
  it('acknowledges appends made together with one group commit, in order', async () => {
    const spool = await WriteAheadSpool.open({ dir, maxBytes: 1 << 20 })
    const acks = await Promise.all(Array.from({ length: 50 }, (_, i) => spool.append(batch(i))))
    expect(acks.every((a) => a)).toBe(true)
    expect((await allRecords(spool)).map((r) => r.vehicleKeys[0])).toEqual(Array.from({ length: 50 }, (_, i) => i))
    await spool.close()
  })

  it('refuses appends past its bound instead of growing', async () => {
    const spool = await WriteAheadSpool.open({ dir, maxBytes: 600 })
    const acks = []
    for (let i = 0; i < 10; i++) acks.push(await spool.append(batch(i)))
    expect(acks.filter((a) => a).length).toBeGreaterThan(0)
    expect(acks.at(-1)).toBe(false)
    expect(spool.bytes).toBeLessThanOrEqual(600)
    await spool.close()
  })

  it('keeps its records across a reopen (crash) and ignores a torn tail', async () => {
    const first = await WriteAheadSpool.open({ dir, maxBytes: 1 << 20 })
    await first.append(batch(1))
    await first.append(batch(2))
    // No close(): as after kill -9. Tear the last record as a crash mid-write would.
    const [file] = (await readdir(dir)).filter((f) => f.endsWith('.wal'))
    const full = path.join(dir, file as string)
    await truncate(full, (await stat(full)).size - 7)
    const again = await WriteAheadSpool.open({ dir, maxBytes: 1 << 20 })
    expect((await allRecords(again)).map((r) => r.vehicleKeys[0])).toEqual([1])
    await again.close()
  })

  it('removes replayed segments and frees their bytes', async () => {
    const spool = await WriteAheadSpool.open({ dir, maxBytes: 1 << 20, segmentBytes: 200 })
    for (let i = 0; i < 6; i++) await spool.append(batch(i))
    const segments = await spool.sealAndList()
    expect(segments.length).toBeGreaterThan(1)
    for (const s of segments) await spool.remove(s)
    expect(spool.isEmpty).toBe(true)
    expect((await readdir(dir)).filter((f) => f.endsWith('.wal'))).toEqual([])
    await spool.close()
  })

  it('refuses a directory another live process holds', async () => {
    const { writeFile } = await import('node:fs/promises')
    await writeFile(path.join(dir, 'LOCK'), String(process.ppid))
    await expect(WriteAheadSpool.open({ dir, maxBytes: 1 << 20 })).rejects.toThrow(/in use by process/)
  })
})

describe('write-ahead spool under continuous appends', () => {
  it('seals the current segment without waiting for appends to stop', async () => {
    const spool = await WriteAheadSpool.open({ dir, maxBytes: 1 << 24 })
    // Like the batcher's parallel writers: each appends its next batch as soon as the last is durable,
    // so by the time a group commit finishes the next group is already pending.
    let stop = false
    const writer = (k: number): Promise<void> => spool.append(batch(k)).then(() => stop ? undefined : writer(k))
    const writers = [1, 2, 3].map(writer)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const sealed = await Promise.race([spool.sealAndList(), new Promise<'starved'>((resolve) => setTimeout(() => resolve('starved'), 2000))])
    stop = true
    await Promise.all(writers)
    expect(sealed).not.toBe('starved')
    expect((sealed as number[]).length).toBeGreaterThan(0)
    await spool.close()
  })
})
