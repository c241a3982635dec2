import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { sendFailure } from '../failure-status.js'
import type { TokenInfo } from '../../storage/tokens.repository.js'
import { ErrorBody, IdParam, NewTokenBody, NewUserBody, TenantBody, TenantParam, TenantSchema, TokenSchema, UserPatchBody, UserSchema } from './schemas.js'

const iso = (d: Date | null) => (d === null ? null : d.toISOString())
const tokenView = (t: TokenInfo) => ({ ...t, createdAt: t.createdAt.toISOString(), expiresAt: iso(t.expiresAt), revokedAt: iso(t.revokedAt) })

/** Users, service tokens and tenants: admin only (no `access`, see api/auth/index.ts). */
export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { users } = app.auth
  const by = (p: { actor: string } | null) => p?.actor ?? 'unknown'

  app.post('/users', { bodyLimit: 16_384, schema: { tags: ['users'], summary: 'Create a user (fleet owners: tenantId, and fleets the tenant takes; support: optional regions)', body: NewUserBody, response: { 201: UserSchema, 400: ErrorBody, 409: ErrorBody } } }, async (req, reply) => {
    const r = await users.create(req.body, by(req.principal))
    return r.ok ? reply.code(201).send(r.value) : sendFailure(reply, r.error)
  })

  app.get('/users', { schema: { tags: ['users'], summary: 'List users', response: { 200: Type.Object({ items: Type.Array(UserSchema) }) } } }, async () => ({ items: await users.list() }))

  app.get('/users/:id', { schema: { tags: ['users'], summary: 'Get a user', params: IdParam, response: { 200: UserSchema, 404: ErrorBody } } }, async (req, reply) => {
    const u = await users.get(req.params.id)
    return u === undefined ? sendFailure(reply, { code: 'GW_USER_NOT_FOUND', detail: `user ${req.params.id} not found` }) : u
  })

  app.patch('/users/:id', { bodyLimit: 16_384, schema: { tags: ['users'], summary: 'Change a user\'s password, role, tenant, fleets or regions; ends the user\'s open sessions', params: IdParam, body: UserPatchBody, response: { 200: UserSchema, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req, reply) => {
    const r = await users.update(req.params.id, req.body, by(req.principal))
    return r.ok ? r.value : sendFailure(reply, r.error)
  })

  app.delete('/users/:id', { schema: { tags: ['users'], summary: 'Delete a user and its tokens', params: IdParam, response: { 204: Type.Null(), 404: ErrorBody } } }, async (req, reply) => {
    const r = await users.remove(req.params.id, by(req.principal))
    return r.ok ? reply.code(204).send(null) : sendFailure(reply, r.error)
  })

  app.delete('/users/:id/sessions', { schema: { tags: ['users'], summary: 'Revoke every open session (log-in token) of a user', params: IdParam, response: { 200: Type.Object({ revoked: Type.Integer() }), 404: ErrorBody } } }, async (req, reply) => {
    const r = await users.revokeSessions(req.params.id, by(req.principal))
    return r.ok ? { revoked: r.value } : sendFailure(reply, r.error)
  })

  app.post('/tokens', { schema: { tags: ['tokens'], summary: 'Issue a service token for an integration (optionally limited to a tenant\'s fleets or to regions); shown once', body: NewTokenBody, response: { 201: Type.Object({ id: Type.String(), token: Type.String(), expiresAt: Type.Union([Type.String(), Type.Null()]) }), 404: ErrorBody } } }, async (req, reply) => {
    const r = await users.createServiceToken(req.body, by(req.principal))
    return r.ok ? reply.code(201).send({ ...r.value, expiresAt: iso(r.value.expiresAt) }) : sendFailure(reply, r.error)
  })

  app.get('/tokens', { schema: { tags: ['tokens'], summary: 'List tokens (never their values)', querystring: Type.Object({ userId: Type.Optional(Type.String()), active: Type.Optional(Type.Boolean()) }), response: { 200: Type.Object({ items: Type.Array(TokenSchema) }) } } }, async (req) => ({ items: (await users.listTokens(req.query)).map(tokenView) }))

  app.delete('/tokens/:id', { schema: { tags: ['tokens'], summary: 'Revoke a token', params: IdParam, response: { 204: Type.Null(), 404: ErrorBody } } }, async (req, reply) => {
    const r = await users.revokeToken(req.params.id, by(req.principal))
    return r.ok ? reply.code(204).send(null) : sendFailure(reply, r.error)
  })

  app.get('/tenants', { schema: { tags: ['tenants'], summary: 'List tenants and their fleets', response: { 200: Type.Object({ items: Type.Array(TenantSchema) }) } } }, async () => ({ items: await users.listTenants() }))

  app.put('/tenants/:id', { schema: { tags: ['tenants'], summary: 'Create a tenant or set its name and fleets (a fleet belongs to one tenant)', params: TenantParam, body: TenantBody, response: { 200: TenantSchema, 409: ErrorBody } } }, async (req, reply) => {
    const r = await users.putTenant(req.params.id, req.body, by(req.principal))
    return r.ok ? r.value : sendFailure(reply, r.error)
  })
}
