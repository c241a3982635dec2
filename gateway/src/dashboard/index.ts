import fp from 'fastify-plugin'
import fastifyStatic from '@fastify/static'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createDashboardRepository, type DashboardRepository } from '../storage/dashboard.repository.js'
import { FLEET_SUMMARY_TOPIC } from '../live/index.js'
import { dashboardRoutes } from './routes.js'

export type { FleetSummary, VehiclePosition } from '../storage/dashboard.repository.js'

export interface Dashboard {
  readonly repo: DashboardRepository
  /** Where the built web app is served from (dashboards/dist). */
  readonly distDir: string
  /** Computes and pushes fleet/summary to its subscribers now (also runs on a timer). */
  publishSummaries(): Promise<void>
}

declare module 'fastify' {
  interface FastifyInstance {
    dashboard: Dashboard
  }
}

const SUMMARY_EVERY_MS = 2000
const DIST_DIR = fileURLToPath(new URL('../../../dashboards/dist/', import.meta.url))

/**
 * The web dashboards: serves the built app (dashboards/dist) at `/`, the
 * aggregate reads only dashboards need (fleet summary, map positions), and
 * pushes the fleet/summary live topic, computed once per distinct caller
 * scope among its subscribers.
 */
export default fp(async (app) => {
  const log = app.log.child({ module: 'dashboard' })
  const repo = createDashboardRepository(app.storage.pool)
  let publishing = false

  async function publishSummaries (): Promise<void> {
    if (publishing) return
    publishing = true
    try {
      for (const { scopeKey, scope } of app.live.subscriberScopes(FLEET_SUMMARY_TOPIC)) {
        app.live.publishEvent(FLEET_SUMMARY_TOPIC, { type: 'fleet-summary', at: new Date().toISOString(), ...await repo.summary(scope) }, { scopeKey })
      }
    } finally {
      publishing = false
    }
  }
  const timer = setInterval(() => {
    publishSummaries().catch((err: unknown) => log.error({ err }, 'fleet summary failed'))
  }, SUMMARY_EVERY_MS)
  timer.unref()
  app.addHook('onClose', async () => clearInterval(timer))

  app.decorate('dashboard', { repo, distDir: DIST_DIR, publishSummaries })
  await app.register(dashboardRoutes)

  // serve: false — the two routes below are declared here so they can be public (auth reads route config).
  await app.register(fastifyStatic, { root: DIST_DIR, serve: false })
  const built = () => existsSync(`${DIST_DIR}index.html`)
  if (!built()) log.warn({ distDir: DIST_DIR }, 'dashboards not built: run `npm run build -w dashboards` (npm install and npm start do it)')
  app.get('/', { config: { public: true }, schema: { hide: true } as object }, async (_req, reply) => {
    if (!built()) return reply.type('text/html').send(NOT_BUILT)
    return reply.header('cache-control', 'no-cache').sendFile('index.html')
  })
  // Vite puts content hashes in asset names, so they can be cached for good.
  app.get('/assets/*', { config: { public: true }, schema: { hide: true } as object }, async (req, reply) => {
    const path = (req.params as { '*': string })['*']
    return reply.sendFile(`assets/${path}`, { immutable: true, maxAge: 365 * 86_400_000 })
  })
}, { name: 'dashboard', dependencies: ['storage', 'auth', 'live'] })

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fleetwire gateway</title></head>
<body><h1>Fleetwire gateway</h1>
<p>The web dashboard is not built: run <code>npm run build -w dashboards</code> (npm install and npm start do it).
The REST API and its documentation are at <a href="/docs">/docs</a>.</p></body></html>`
