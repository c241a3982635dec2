import fp from 'fastify-plugin'
import { type AuditEntry, type AuditRepository, createAuditRepository } from '../storage/audit.repository.js'
import { type ChainAnchor, createChainVerifier } from './chain.core.js'
import { auditRoutes } from './routes.js'

export type { AuditEntry } from '../storage/audit.repository.js'

export interface VerifyReport {
  readonly valid: boolean
  readonly rows: number
  readonly redacted: number
  readonly lastSeq: number
  readonly lastHash: string
  readonly problems: ReadonlyArray<{ seq: number, problem: string, missing?: number }>
}

export interface Audit {
  /** Appends a security-relevant action to the hash-chained log. Who: `principal.actor`. */
  record(e: AuditEntry): Promise<void>
  /**
   * `nowMs` decides which rows retention may already have redacted; `anchor`
   * is a head exported earlier (GET /audit/head) that the chain must still contain.
   */
  verify(nowMs?: number, anchor?: ChainAnchor): Promise<VerifyReport>
  readonly repo: AuditRepository
}

declare module 'fastify' {
  interface FastifyInstance {
    audit: Audit
  }
}

const SCAN_PAGE = 5000
const MAX_PROBLEMS = 100
const DAY_MS = 86_400_000

/**
 * The audit trail (docs/ARCHITECTURE.md, "Audit"): append-only (database
 * trigger), hash-chained, verifiable through GET /audit/verify.
 */
export default fp(async (app) => {
  const repo = createAuditRepository(app.storage.pool)
  const log = app.log.child({ module: 'audit' })
  // One append at a time in this process; the advisory lock covers other processes.
  let tail: Promise<unknown> = Promise.resolve()

  function record (e: AuditEntry): Promise<void> {
    const run = tail.then(() => repo.append(e, Date.now()))
    tail = run.catch(() => undefined)
    return run.then((row) => { log.debug({ seq: row.seq, action: e.action, actor: e.actor, target: e.target }, 'audited') }, (err: unknown) => {
      log.error({ err, action: e.action, actor: e.actor }, 'audit append failed')
      throw err
    })
  }

  async function verify (nowMs = Date.now(), anchor?: ChainAnchor): Promise<VerifyReport> {
    const policy = app.config.dataPolicy
    const shortest = Math.min(policy.fallback.auditDays, ...Object.values(policy.byRegion).map((p) => p.auditDays))
    const v = createChainVerifier(nowMs - shortest * DAY_MS, anchor)
    const head = await repo.head()
    for (let after = 0; ;) {
      const page = await repo.scan(after, SCAN_PAGE)
      for (const r of page) v.push(r)
      if (page.length < SCAN_PAGE) break
      after = (page.at(-1)?.seq ?? after)
    }
    const report = v.finish(head)
    if (!report.valid) log.error({ problems: report.problems.slice(0, 10) }, 'audit chain verification failed')
    return { ...report, problems: report.problems.slice(0, MAX_PROBLEMS) }
  }

  app.decorate('audit', { record, verify, repo })
  await app.register(auditRoutes)
}, { name: 'audit', dependencies: ['storage', 'config', 'auth'] })
