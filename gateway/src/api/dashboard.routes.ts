import type { FastifyPluginAsync } from 'fastify'

/**
 * `/` until the dashboards/ web app lands (issue #6): a plain page that says
 * where things are, so the address printed at start-up leads somewhere.
 */
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fleetwire gateway</title></head>
<body><h1>Fleetwire gateway</h1>
<p>The web dashboard is not built yet. The REST API and its documentation are at <a href="/docs">/docs</a>;
Prometheus metrics at <a href="/metrics">/metrics</a>; readiness at <a href="/readyz">/readyz</a>.</p></body></html>`

const dashboardRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', { config: { public: true }, schema: { hide: true } as object }, async (_req, reply) => reply.type('text/html').send(page))
}

export default dashboardRoutes
