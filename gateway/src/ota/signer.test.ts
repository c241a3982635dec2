import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { loadSigner } from './signer.js'

const log = pino({ level: 'silent' })
let dir: string | undefined
afterEach(async () => { if (dir !== undefined) await rm(dir, { recursive: true, force: true }) })

describe('OTA signing key file', () => {
  it('is created 0600 and loaded again with the same key id', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fw-signer-'))
    const first = await loadSigner(undefined, dir, log)
    expect((await loadSigner(undefined, dir, log)).keyId).toBe(first.keyId)
  })

  it('is refused when group or others can read it, with the chmod that fixes it', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fw-signer-'))
    const first = await loadSigner(undefined, dir, log)
    const file = path.join(dir, 'ota-signing-key.pem')
    await chmod(file, 0o644)
    await expect(loadSigner(undefined, dir, log)).rejects.toThrow(`accessible to group or others (mode 0644): run \`chmod 600 ${file}\``)
    await chmod(file, 0o640)
    await expect(loadSigner(undefined, dir, log)).rejects.toThrow('mode 0640')
    await chmod(file, 0o600)
    expect((await loadSigner(undefined, dir, log)).keyId).toBe(first.keyId)
  })
})
