import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import type { CaseKind } from './generators.js'

/**
 * Regression corpus: inputs that crashed or endangered an MQTT broker (ours
 * when the fuzzer finds one, aedes' known bugs otherwise), replayed by
 * corpus.test.ts. The vehicle id inside a packet is stored as a
 * 17-character placeholder, so a replay substitutes any test VIN without
 * changing a single length field.
 */
export const PLACEHOLDER = 'VVVVVVVVVVVVVVVVV'
const DIR = fileURLToPath(new URL('./corpus/', import.meta.url))

export interface CorpusEntry {
  name: string
  kind: CaseKind
  note: string
  bytes(vehicleId: string): Buffer
}

export function loadCorpus (): CorpusEntry[] {
  return readdirSync(DIR).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const raw = JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as { kind: CaseKind, hex: string, note?: string }
    const template = Buffer.from(raw.hex, 'hex').toString('latin1')
    return {
      name: f.replace(/\.json$/, ''),
      kind: raw.kind,
      note: raw.note ?? '',
      bytes: (vehicleId: string) => Buffer.from(template.split(PLACEHOLDER).join(vehicleId), 'latin1'),
    }
  })
}

export function withPlaceholder (bytes: Buffer, vehicleIds: string[]): Buffer {
  let text = bytes.toString('latin1')
  for (const id of vehicleIds) text = text.split(id).join(PLACEHOLDER)
  return Buffer.from(text, 'latin1')
}
