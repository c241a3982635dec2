import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { sendFailure } from '../failure-status.js'
import { ALL_ROLES } from './principal.js'
import { ErrorBody, LoginBody, UserSchema } from './schemas.js'
import { userOfPrincipal } from './users.service.js'
import { UnauthorizedError } from '../../common/errors.js'

/** Log-in attempts per address per minute, whatever the usernames (the lock-out is per username+address). */
const LOGINS_PER_IP_PER_MIN = 60

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['auth']

  app.post('/auth/login', {
    config: { public: true, rateLimit: { max: LOGINS_PER_IP_PER_MIN, timeWindow: 60_000, keyGenerator: (req) => `login:${req.ip}` } },
    bodyLimit: 4096,
    schema: {
      tags,
      summary: 'Log in with username and password; the token expires after AUTH_TOKEN_TTL_S',
      security: [],
      body: LoginBody,
      response: { 200: Type.Object({ token: Type.String(), expiresAt: Type.String({ format: 'date-time' }), user: UserSchema }), 401: ErrorBody, 429: ErrorBody, 503: ErrorBody },
    },
  }, async (req, reply) => {
    const r = await app.auth.users.login(req.body.username, req.body.password, req.ip)
    if (r.ok) return { token: r.value.token, expiresAt: r.value.expiresAt.toISOString(), user: r.value.user }
    if (r.error.code === 'GW_AUTH_LOCKED') reply.header('retry-after', String(await app.auth.users.retryAfterS(req.body.username, req.ip)))
    return sendFailure(reply, r.error)
  })

  app.get('/auth/me', { config: { access: ALL_ROLES }, schema: { tags, summary: 'Who the token belongs to, with its tenant, fleets and regions', response: { 200: UserSchema } } }, async (req) => {
    if (req.principal === null) throw new UnauthorizedError()
    return userOfPrincipal(req.principal)
  })

  app.post('/auth/logout', { config: { access: ALL_ROLES }, schema: { tags, summary: 'Revoke the calling token', response: { 204: Type.Null() } } }, async (req, reply) => {
    if (req.principal === null) throw new UnauthorizedError()
    await app.auth.users.logout(req.principal)
    return reply.code(204).send(null)
  })
}
