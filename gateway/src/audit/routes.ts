import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'

const AuditRow = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  target: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Unknown(),
  hash: Type.String({ description: 'hex sha256(prev hash ‖ content hash)' }),
  redacted: Type.Boolean({ description: 'personal fields erased by retention' }),
})

const Problem = Type.Object({ seq: Type.Integer(), problem: Type.String(), missing: Type.Optional(Type.Integer()) })

/** Admin-only (no `access`): the trail itself names people and what they did. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['audit']

  app.get('/audit', {
    schema: {
      tags,
      summary: 'Audit trail, newest first (filter by actor, action or action prefix, target, time; page with before=seq)',
      querystring: Type.Object({
        actor: Type.Optional(Type.String()),
        action: Type.Optional(Type.String()),
        target: Type.Optional(Type.String()),
        from: Type.Optional(Type.String({ format: 'date-time' })),
        to: Type.Optional(Type.String({ format: 'date-time' })),
        before: Type.Optional(Type.Integer({ minimum: 1 })),
        limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
      }),
      response: { 200: Type.Object({ items: Type.Array(AuditRow) }) },
    },
  }, async (req) => {
    const q = req.query
    const rows = await app.audit.repo.list({
      actor: q.actor, action: q.action, target: q.target, limit: q.limit, beforeSeq: q.before,
      fromMs: q.from === undefined ? undefined : Date.parse(q.from), toMs: q.to === undefined ? undefined : Date.parse(q.to),
    })
    return {
      items: rows.map((r) => ({
        seq: r.seq, at: new Date(r.atMs).toISOString(), actor: r.actor, action: r.action, target: r.target,
        detail: r.detail, hash: r.hash.toString('hex'), redacted: r.redactedAtMs !== null,
      })),
    }
  })

  app.get('/audit/head', {
    schema: {
      tags,
      summary: 'The chain\'s newest (seq, hash): copy it somewhere the database owner cannot write (a ticket, a log, another system) and check the chain against it later with GET /audit/verify?seq=&hash=',
      response: { 200: Type.Object({ seq: Type.Integer({ description: '0 = empty trail' }), hash: Type.String({ description: 'hex sha256' }), at: Type.String({ format: 'date-time' }) }) },
    },
  }, async () => {
    const head = await app.audit.repo.head()
    return { seq: head?.seq ?? 0, hash: (head?.hash ?? Buffer.alloc(32)).toString('hex'), at: new Date().toISOString() }
  })

  app.get('/audit/verify', {
    schema: {
      tags,
      summary: 'Recomputes the hash chain: reports edited rows, deleted rows (gaps, missing newest rows) and broken links; with seq and hash (an exported GET /audit/head), also that row seq still has that hash (anchor_mismatch otherwise)',
      querystring: Type.Object({
        seq: Type.Optional(Type.Integer({ minimum: 1 })),
        hash: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' })),
      }),
      response: { 200: Type.Object({ valid: Type.Boolean(), rows: Type.Integer(), redacted: Type.Integer(), lastSeq: Type.Integer(), lastHash: Type.String(), problems: Type.Array(Problem) }), 400: Type.Object({ code: Type.String(), message: Type.String() }) },
    },
  }, async (req, reply) => {
    const { seq, hash } = req.query
    if ((seq === undefined) !== (hash === undefined)) return reply.code(400).send({ code: 'GW_ERR_INVALID_INPUT', message: 'seq and hash go together (an exported GET /audit/head)' })
    const r = await app.audit.verify(undefined, seq === undefined || hash === undefined ? undefined : { seq, hash: Buffer.from(hash, 'hex') })
    return { ...r, problems: [...r.problems] }
  })
}
