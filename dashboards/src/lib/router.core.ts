/**
 * Hash routes (`/#/vehicles/VIN`). The app lives under `/#/…` rather than
 * real paths because its views would otherwise collide with REST paths of
 * the same gateway (GET /vehicles/:id answers JSON); a hash never reaches
 * the server, so every deep link loads the one page at `/`.
 */
export type Route =
  | { view: 'login' }
  | { view: 'overview' }
  | { view: 'alerts', alertId?: string }
  | { view: 'vehicle', vehicleId: string }
  | { view: 'campaigns', campaignId?: string }
  | { view: 'campaign-new' }
  | { view: 'owner' }
  | { view: 'service' }
  | { view: 'incidents', incidentId?: string }
  | { view: 'incident-report', incidentId: string }
  | { view: 'not-found', path: string }

export function parseRoute (hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/'
  const parts = path.split('/').filter((p) => p !== '').map(decodeURIComponent)
  const [head, id, extra] = parts
  if (parts.length === 0) return { view: 'overview' }
  if (head === 'login' && parts.length === 1) return { view: 'login' }
  if (head === 'alerts' && extra === undefined) return id === undefined ? { view: 'alerts' } : { view: 'alerts', alertId: id }
  if (head === 'vehicles' && id !== undefined && extra === undefined) return { view: 'vehicle', vehicleId: id }
  if (head === 'campaigns' && id === 'new' && extra === undefined) return { view: 'campaign-new' }
  if (head === 'campaigns' && extra === undefined) return id === undefined ? { view: 'campaigns' } : { view: 'campaigns', campaignId: id }
  if (head === 'owner' && parts.length === 1) return { view: 'owner' }
  if (head === 'service' && parts.length === 1) return { view: 'service' }
  if (head === 'incidents' && id !== undefined && extra === 'report' && parts.length === 3) return { view: 'incident-report', incidentId: id }
  if (head === 'incidents' && extra === undefined) return id === undefined ? { view: 'incidents' } : { view: 'incidents', incidentId: id }
  return { view: 'not-found', path }
}

export function href (r: Route): string {
  switch (r.view) {
    case 'login': return '#/login'
    case 'overview': return '#/'
    case 'alerts': return r.alertId === undefined ? '#/alerts' : `#/alerts/${encodeURIComponent(r.alertId)}`
    case 'vehicle': return `#/vehicles/${encodeURIComponent(r.vehicleId)}`
    case 'campaigns': return r.campaignId === undefined ? '#/campaigns' : `#/campaigns/${encodeURIComponent(r.campaignId)}`
    case 'campaign-new': return '#/campaigns/new'
    case 'owner': return '#/owner'
    case 'service': return '#/service'
    case 'incidents': return r.incidentId === undefined ? '#/incidents' : `#/incidents/${encodeURIComponent(r.incidentId)}`
    case 'incident-report': return `#/incidents/${encodeURIComponent(r.incidentId)}/report`
    case 'not-found': return `#/${r.path}`
  }
}
