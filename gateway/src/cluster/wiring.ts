import fp from 'fastify-plugin'
import { attachLiveRelay } from './live-relay.js'
import { claimOrphanedVehicles, loadVehicleRuleState } from './rule-handoff.repository.js'
import { startCohortSharing, stillAbsentHere } from './rules-sharing.js'

/** Mutating routes whose success changes a cache every instance holds (matched on the route pattern). */
const RULE_ROUTES = /^\/rules(\/|$)/
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** Cohort moments are exchanged this often (a cohort rule sees the fleet at most ~this stale). */
const COHORT_SHARE_EVERY_MS = 2_000
/** Vehicles whose session ended here are checked for cluster-wide silence this often. */
const PARKED_SILENCE_EVERY_MS = 5_000

/**
 * Cross-instance hooks, kept out of the capabilities they touch: each
 * capability keeps its single-node behaviour, and this plugin tells the
 * other instances when something they cache changed here, and delivers
 * what another instance forwarded. A single node registers nothing.
 */
export default fp(async (app) => {
  const { cluster } = app
  if (!cluster.enabled) return
  const log = app.log.child({ module: 'cluster' })
  const { bus } = cluster

  // Credentials revoked or rotated here: every instance forgets its cached copy and ends the vehicle's session.
  app.vehicles.events.on('credentialsInvalidated', (vehicleId, remote) => {
    if (!remote) void bus.publish('vehicle.credentials', { vehicleId })
  })
  bus.subscribe('vehicle.credentials', (m) => {
    const { vehicleId } = m as { vehicleId: string }
    app.vehicles.credentialsChangedElsewhere(vehicleId)
  })

  // A command response that arrived on the vehicle's instance for a command waiting on this one.
  bus.subscribe('diag.response', (m) => {
    const { vehicleId, vehicleKey, payload } = m as { vehicleId: string, vehicleKey: number, payload: string }
    app.diagnostics.service.onResponse({ id: vehicleId, key: vehicleKey }, Buffer.from(payload, 'base64'), true)
      .catch((err: unknown) => log.error({ err, vehicleId }, 'forwarded diagnostic response failed'))
  })
  bus.subscribe('diag.queued', (m) => {
    const { vehicleKey } = m as { vehicleKey: number }
    app.diagnostics.service.noteQueued(vehicleKey)
    if (app.vehicles.isConnected(vehicleKey)) {
      app.diagnostics.service.dispatchQueued(vehicleKey).catch((err: unknown) => log.error({ err, vehicleKey }, 'queued diagnostic commands not dispatched'))
    }
  })

  // A vehicle's rule state follows it: saved and forgotten where its session ends, loaded
  // (with its open alerts: no second raise) where it authenticates, before any of its data.
  if (app.config.rulesEnabled) {
    app.vehicles.events.on('sessionClosed', (key) => {
      app.rules.service.release(key).catch((err: unknown) => log.error({ err, vehicleKey: key }, 'rule state hand-over save failed'))
    })
    cluster.onVehicleAuthenticated = async (key) => {
      const s = await loadVehicleRuleState(app.storage.pool, key)
      app.rules.service.adopt(key, s.snapshot, s.openRuleIds)
    }
    // Silence is about the whole cluster: a vehicle whose session ended here stays parked
    // for silence rules, and raises only if no instance has had a session of it since.
    const service = app.rules.service
    const parkedTimer = setInterval(() => {
      service.checkParkedSilence((keys) => stillAbsentHere(app.storage.pool, cluster.instanceId, keys))
        .catch((err: unknown) => log.error({ err }, 'cluster-wide silence check failed'))
    }, PARKED_SILENCE_EVERY_MS)
    parkedTimer.unref()
    // An instance that crashed (or shut down) leaves vehicles that may never come back: whoever sweeps its
    // lease takes them over for the silence check. Their last-seen time is flushed every few seconds, so a
    // crash can make them look silent that much earlier.
    cluster.onInstancesExpired = async (gone) => {
      const horizonMs = service.silenceHorizonMs()
      if (horizonMs === 0) return
      const orphans = await claimOrphanedVehicles(app.storage.pool, gone, cluster.instanceId, horizonMs).catch((err: unknown) => {
        // The lease rows are gone already: these vehicles are not reported silent (they are when they return and vanish again).
        log.error({ err, instances: gone }, 'taking over the vehicles of a gone instance failed')
        return []
      })
      const parked = service.parkOrphans(orphans.map((o) => ({
        key: o.key, id: o.id, snapshot: o.snapshot, openRuleIds: o.openRuleIds, lastReceivedMs: o.lastSeenMs,
        ctx: { key: o.key, model: o.model, powerState: o.powerState, ignitionOn: o.ignitionOn },
      })))
      if (parked > 0) log.info({ instances: gone, vehicles: parked }, 'vehicles of a gone instance taken over for the silence check')
    }
    // Cohort rules compare a vehicle to the model's whole fleet, not only this instance's share.
    const sharing = cluster.redis === undefined ? undefined : startCohortSharing(cluster.redis, service, cluster.instanceId, COHORT_SHARE_EVERY_MS, log)
    app.addHook('preClose', async () => {
      clearInterval(parkedTimer)
      sharing?.stop()
    })
  }

  // Rules: a successful change through any instance is announced to all.
  app.addHook('onResponse', async (req, reply) => {
    if (!MUTATING.has(req.method) || reply.statusCode >= 400) return
    const route = req.routeOptions.url ?? ''
    if (RULE_ROUTES.test(route)) void bus.publish('cache.rules', {})
  })
  // Tenants, users, tokens: announced by the auth service on every change (log-out and token revocation
  // included), so that open live connections everywhere re-check their token and scope at once.
  app.auth.onScopesChanged((remote) => { if (!remote) void bus.publish('cache.scopes', {}) })
  bus.subscribe('cache.scopes', () => app.auth.scopesChangedElsewhere())

  // The model catalog: rules on every instance read a model's limits from their own copy.
  app.models.onChanged((id) => { void bus.publish('cache.models', { id }) })
  bus.subscribe('cache.models', (m) => {
    const { id } = m as { id: string }
    app.models.changedElsewhere(id).catch((err: unknown) => log.error({ err, model: id }, 'model reload after a change elsewhere failed'))
  })
  // Announcements sent while Redis was unreachable are lost: once it is back, catch up as if told of a change.
  let redisLost = false
  cluster.redis?.on('close', () => { redisLost = true })
  cluster.redis?.on('ready', () => {
    if (!redisLost) return
    redisLost = false
    log.info('Redis back: live connections re-check their scope and the model catalog is re-read')
    app.auth.scopesChangedElsewhere()
    app.models.changedElsewhere().catch((err: unknown) => log.error({ err }, 'model catalog reload after a Redis outage failed'))
  })

  // Live dashboards on every instance see every vehicle in their scope.
  const detachLive = attachLiveRelay(app.live, bus, { flushMs: 100, interestMs: 500, now: Date.now })
  app.addHook('preClose', async () => detachLive())

  bus.subscribe('cache.rules', () => {
    app.rules.service.reload().catch((err: unknown) => log.error({ err }, 'rules reload after a change elsewhere failed'))
  })
}, { name: 'cluster-wiring', dependencies: ['cluster', 'vehicles', 'diagnostics', 'rules', 'broker', 'live', 'auth', 'models'] })
