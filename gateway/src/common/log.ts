/**
 * The logger type services take: pino's, as fastify exposes it, so that
 * `app.log.child({ module })` can be passed straight in.
 */
export type { FastifyBaseLogger as Log } from 'fastify'
