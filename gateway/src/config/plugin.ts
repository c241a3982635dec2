import fp from 'fastify-plugin'
import type { Config } from './load.js'

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
  }
}

/** Exposes the already loaded, frozen Config as `app.config`. */
export default fp<{ config: Config }>(async (app, opts) => {
  app.decorate('config', opts.config)
}, { name: 'config' })
