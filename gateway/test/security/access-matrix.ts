import type { Role } from '../../src/api/auth/principal.js'

/**
 * THE allow/deny matrix: every registered route (method + URL pattern) and
 * who may call it. 'public' = no token needed. access-matrix.test.ts fails
 * for a registered route missing here, for an entry without a route, and for
 * any role that the running gateway treats differently.
 */
export type Who = 'public' | readonly Role[]

const ALL: readonly Role[] = ['admin', 'support', 'fleet_owner', 'service']
const PEOPLE: readonly Role[] = ['admin', 'support', 'fleet_owner']
const STAFF: readonly Role[] = ['admin', 'support']
const ADMIN: readonly Role[] = ['admin']
/** Every role, technicians included (they see only their service centre: work orders, stock). */
const EVERYONE: readonly Role[] = [...ALL, 'technician']

export const ACCESS_MATRIX: Readonly<Record<string, Who>> = {
  // system, docs, transports
  'GET /': 'public',
  'GET /assets/*': 'public', // the web app's hashed bundles
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /metrics': 'public',
  'GET /docs': 'public',
  'GET /docs/json': 'public',
  'GET /docs/yaml': 'public',
  'GET /docs/static/index.html': 'public',
  'GET /docs/static/swagger-initializer.js': 'public',
  'GET /docs/static/*': 'public',
  'OPTIONS *': 'public', // CORS preflight (answered only for HTTP_CORS_ORIGINS)
  'GET /live': 'public', // WebSocket: token in the first message, origin checked, topics scoped
  'GET /mqtt': 'public', // vehicles: MQTT authentication in the broker
  'GET /catalog': ALL,

  // dashboards' read models (scoped)
  'GET /fleet/summary': PEOPLE,
  'GET /fleet/positions': PEOPLE,

  // log-in and people
  'POST /auth/login': 'public',
  'GET /auth/me': EVERYONE,
  'POST /auth/logout': EVERYONE,
  'POST /users': ADMIN,
  'GET /users': ADMIN,
  'GET /users/:id': ADMIN,
  'PATCH /users/:id': ADMIN,
  'DELETE /users/:id': ADMIN,
  'DELETE /users/:id/sessions': ADMIN,
  'POST /tokens': ADMIN,
  'GET /tokens': ADMIN,
  'DELETE /tokens/:id': ADMIN,
  'GET /tenants': ADMIN,
  'PUT /tenants/:id': ADMIN,
  'GET /audit': ADMIN,
  'GET /audit/verify': ADMIN,
  'GET /audit/head': ADMIN,

  // vehicles (scoped: other tenants' vehicles answer 404)
  'POST /vehicles': ADMIN,
  'GET /vehicles': ALL,
  'GET /vehicles/:id': ALL,
  'POST /vehicles/:id/credentials/rotate': ADMIN,
  'POST /vehicles/:id/credentials/revoke': ADMIN,
  'PUT /vehicles/:id/country': ADMIN,
  'GET /vehicles/:id/signals/latest': ALL,
  'GET /vehicles/:id/signals/:signal/history': ALL,
  'GET /vehicles/:id/ingest': ADMIN,

  // alerts and webhooks
  'GET /alerts': ALL,
  'GET /alerts/:id': ALL,
  'POST /alerts/:id/acknowledge': PEOPLE,
  'POST /alerts/:id/resolve': PEOPLE,
  'POST /alerts/:id/verdict': PEOPLE,
  'GET /kpis/rules': STAFF,
  'POST /alerts/:id/notes': PEOPLE,
  'GET /kpis/alerts': STAFF,
  // webhooks: a fleet owner's belong to its tenant (only its fleets' events; other tenants' answer 404)
  'POST /webhooks': ['admin', 'fleet_owner'],
  'GET /webhooks': ['admin', 'fleet_owner'],
  'DELETE /webhooks/:id': ['admin', 'fleet_owner'],
  'GET /webhooks/:id/deliveries': ['admin', 'fleet_owner'],

  // rules
  'GET /rules': STAFF,
  'GET /rules/:id': STAFF,
  'GET /rules/:id/status': STAFF,
  'GET /models': STAFF,
  'GET /models/:id': STAFF,
  'PUT /models/:id': ADMIN,
  'POST /rules': ADMIN,
  'PUT /rules/:id': ADMIN,
  'POST /rules/:id/enable': ADMIN,
  'POST /rules/:id/disable': ADMIN,
  'POST /rules/validate': STAFF,
  'POST /rules/test': STAFF,

  // remote diagnostics
  'POST /vehicles/:id/diagnostics/read-dtcs': STAFF,
  'POST /vehicles/:id/diagnostics/clear-dtcs': STAFF,
  'POST /vehicles/:id/diagnostics/read-data': STAFF,
  'GET /vehicles/:id/diagnostics/commands': ALL,
  'GET /vehicles/:id/diagnostics/commands/:commandId': ALL,
  'GET /vehicles/:id/dtcs': ALL,

  // OTA (vehicles download with a signed URL plus their own credentials: no bearer token)
  'GET /ota/keys': 'public',
  'GET /ota/download/:artifactId': 'public',
  'GET /ota/artifacts': STAFF,
  'GET /ota/artifacts/:id': STAFF,
  'POST /ota/artifacts': STAFF,
  'GET /ota/campaigns': STAFF,
  'POST /ota/campaigns/preview': STAFF,
  'POST /ota/campaigns': STAFF,
  'GET /ota/campaigns/:id': STAFF,
  'POST /ota/campaigns/:id/:control': STAFF,
  'GET /ota/campaigns/:id/notifications': STAFF,
  'GET /owner/campaigns': ['fleet_owner'],
  'PUT /owner/campaigns/:id/consent': ['fleet_owner'],
  'GET /vehicles/:id/updates': PEOPLE,
  'GET /vehicles/:id/software': PEOPLE,
  'PUT /vehicles/:id/ota-preferences': PEOPLE,

  // data protection
  'GET /vehicles/:id/export': ['admin', 'fleet_owner'],
  'DELETE /vehicles/:id/data': ADMIN,
  'GET /privacy/policy': STAFF,
  'POST /privacy/retention/run': ADMIN,

  // service network, part catalogue, work orders, parts forecast (technicians: their centre only, others 404)
  'GET /service-centers': ['admin', 'support', 'fleet_owner', 'technician'],
  'GET /service-centers/:id': ['admin', 'support', 'fleet_owner', 'technician'],
  'PUT /service-centers/:id': ADMIN,
  'GET /service-centers/:id/stock': ['admin', 'support', 'fleet_owner', 'technician'],
  'PUT /service-centers/:id/stock': ['admin', 'technician'],
  'PUT /service-centers/:id/technicians/:userId': ADMIN,
  'GET /models/:id/parts': STAFF,
  'PUT /models/:id/parts': ADMIN,
  'GET /models/:id/service-schedule': STAFF,
  'PUT /models/:id/service-schedule': ADMIN,
  'GET /parts/forecast': STAFF,
  'POST /work-orders/proposals': PEOPLE,
  'POST /work-orders': PEOPLE,
  'GET /work-orders': ['admin', 'support', 'fleet_owner', 'technician'],
  'GET /work-orders/:id': ['admin', 'support', 'fleet_owner', 'technician'],
  'POST /work-orders/:id/transition': ['admin', 'support', 'fleet_owner', 'technician'],

  // safety incidents: issued by the maker, read in scope
  'POST /incidents': ADMIN,
  'GET /incidents': PEOPLE,
  'GET /incidents/:id': PEOPLE,
  'GET /incidents/:id/report': PEOPLE,
  'POST /incidents/:id/close': ADMIN,
}
