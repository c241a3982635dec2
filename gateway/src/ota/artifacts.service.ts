import type { Readable } from 'node:stream'
import { type Result, fail, ok } from '../common/result.js'
import { createOtaArtifactsRepository, type ArtifactRecord } from '../storage/ota-artifacts.repository.js'
import type { ArtifactStore } from './adapters/artifact-store.js'
import { checkUrl, urlMacInput, type UrlCheck } from './download.core.js'
import type { OtaContext } from './context.js'

export interface ArtifactMeta {
  readonly ecu: string
  readonly version: string
  readonly hardwareIds: readonly string[]
  readonly installsOver: readonly string[]
  readonly releaseNotes: Readonly<Record<string, string>>
  readonly installDurationS: number
}

export type UploadFailure = 'GW_OTA_ARTIFACT_TOO_LARGE' | 'GW_OTA_ARTIFACT_EMPTY' | 'GW_OTA_BAD_METADATA'

/** Artifact upload (content-addressed) and the vehicle download check. */
export function createArtifactsService (ctx: OtaContext, store: ArtifactStore) {
  const repo = createOtaArtifactsRepository(ctx.pool)
  return {
    store,
    list: (limit: number) => repo.list(limit),
    get: (id: string) => repo.get(id),

    async upload (body: Readable, meta: ArtifactMeta, actor: string): Promise<Result<{ artifact: ArtifactRecord, created: boolean }, UploadFailure>> {
      const put = await store.put(body, ctx.config.artifactMaxBytes)
      if (!put.ok) return put
      const r = await repo.insert({ id: put.value.sha256, size: put.value.size, createdBy: actor, ...meta })
      if (!r.created && (r.artifact.ecu !== meta.ecu || r.artifact.version !== meta.version)) {
        // The same bytes are the same artifact; a second upload cannot relabel them.
        ctx.log.warn({ sha256: put.value.sha256, ecu: meta.ecu, version: meta.version }, 'duplicate artifact uploaded with other metadata: first metadata kept')
      }
      if (r.created) ctx.log.info({ sha256: put.value.sha256, size: put.value.size, ecu: meta.ecu, version: meta.version, actor }, 'artifact stored')
      return ok(r)
    },

    /** Checks a signed URL against the vehicle presenting it. */
    checkDownload (artifactId: string, vehicleId: string, expiresAtMs: number, sig: string, callerVehicleId: string): Result<true, Exclude<UrlCheck, 'ok'>> {
      const claims = { artifactId, vehicleId, expiresAtMs }
      const c = checkUrl(claims, ctx.signer.macMatches(urlMacInput(claims), sig), callerVehicleId, ctx.clock.now())
      return c === 'ok' ? ok(true) : fail(c, c === 'GW_OTA_URL_EXPIRED' ? 'download URL expired' : c === 'GW_OTA_URL_OTHER_VEHICLE' ? 'download URL issued to another vehicle' : 'download URL signature invalid')
    },
  }
}

export type ArtifactsService = ReturnType<typeof createArtifactsService>

/** Splits and validates upload query metadata. */
export function parseArtifactMeta (q: { ecu: string, version: string, hardwareIds: string, installsOver?: string | undefined, releaseNotes?: string | undefined, installDurationS: number }): Result<ArtifactMeta, 'GW_OTA_BAD_METADATA'> {
  const list = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '')
  let notes: Record<string, string> = {}
  if (q.releaseNotes !== undefined && q.releaseNotes !== '') {
    try {
      const parsed: unknown = JSON.parse(q.releaseNotes)
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || Object.entries(parsed).some(([k, v]) => typeof v !== 'string' || !/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/.test(k))) {
        return fail('GW_OTA_BAD_METADATA', 'releaseNotes must be a JSON object of language code → text')
      }
      notes = parsed as Record<string, string>
    } catch {
      return fail('GW_OTA_BAD_METADATA', 'releaseNotes is not valid JSON')
    }
  }
  const hardwareIds = list(q.hardwareIds)
  if (hardwareIds.length === 0) return fail('GW_OTA_BAD_METADATA', 'hardwareIds names no hardware id')
  return ok({ ecu: q.ecu, version: q.version, hardwareIds, installsOver: list(q.installsOver), releaseNotes: notes, installDurationS: q.installDurationS })
}
