import { useEffect, useState } from 'preact/hooks'
import { CATALOGS, LANGUAGES, k, setLanguage, t, useLanguage, type MessageKey } from './i18n/i18n.js'
import { href, parseRoute, type Route } from './lib/router.core.js'
import { session, signOut, type Role, type SessionUser } from './lib/session.js'
import { useStore } from './lib/store.js'
import { createLiveClient, type LiveState } from './lib/live.js'
import { logOut } from './lib/api.js'
import { setUnits, units } from './lib/prefs.js'
import type { DistanceUnit, PressureUnit, TemperatureUnit } from './lib/units.core.js'
import { LiveContext } from './views/live-context.js'
import { API_TOKEN_USER, LoginView } from './views/login.js'
import { OverviewView } from './views/overview.js'
import { AlertsView } from './views/alerts.js'
import { VehicleView } from './views/vehicle.js'
import { CampaignsView } from './views/campaigns.js'
import { CampaignNewView } from './views/campaign-new.js'
import { OwnerView } from './views/owner.js'
import { ServiceView } from './views/service.js'
import { IncidentsView } from './views/incidents.js'
import { IncidentReportView } from './views/incident-report.js'

const liveUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`
const live = createLiveClient(liveUrl, () => session.get()?.token, () => signOut())
// A handle for the browser tests and for debugging from the console (drop the socket, read the state).
Object.assign(window, { fleetwireLive: live })

function useRoute (): Route {
  const [route, setRoute] = useState(parseRoute(location.hash))
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash))
    addEventListener('hashchange', on)
    // A hash change between the first render and this effect fired no listener: read the hash again.
    // (Missed, the app kept showing the page it was loaded on under a different address.)
    on()
    return () => removeEventListener('hashchange', on)
  }, [])
  return route
}

const LIVE_LABEL: Readonly<Record<LiveState, MessageKey>> = {
  connecting: k('live.connecting'), live: k('live.live'), reconnecting: k('live.reconnecting'), offline: k('live.offline'),
}

function Header ({ route }: { route: Route }) {
  const lang = useLanguage()
  const s = useStore(session)
  const liveState = useStore(live.state)
  const u = useStore(units)
  const role = s?.user.role
  const staff = role === 'admin' || role === 'support'
  const nav: Array<[Route['view'], string, MessageKey]> = [
    ['overview', href({ view: 'overview' }), k('nav.overview')],
    ...(staff ? [['alerts', href({ view: 'alerts' }), k('nav.alerts')] as [Route['view'], string, MessageKey], ['campaigns', href({ view: 'campaigns' }), k('nav.campaigns')] as [Route['view'], string, MessageKey]] : []),
    ...(role === 'fleet_owner' ? [['owner', href({ view: 'owner' }), k('nav.owner')] as [Route['view'], string, MessageKey]] : []),
    ...(staff || role === 'technician' ? [['service', href({ view: 'service' }), k('nav.service')] as [Route['view'], string, MessageKey]] : []),
    ...(staff || role === 'fleet_owner' ? [['incidents', href({ view: 'incidents' }), k('nav.incidents')] as [Route['view'], string, MessageKey]] : []),
  ]
  return (
    <header class="top">
      <strong class="brand">{t('app.title')}</strong>
      {s !== null && (
        <nav>
          {nav.map(([view, h, key]) => <a key={view} href={h} class={route.view === view || (view === 'campaigns' && route.view === 'campaign-new') || (view === 'incidents' && route.view === 'incident-report') ? 'active' : ''} data-testid={`nav-${view}`}>{t(key)}</a>)}
        </nav>
      )}
      <span class="spacer" />
      {s !== null && <span class={`live-pill live-${liveState}`} data-testid="live-state" data-state={liveState} role="status">{t(LIVE_LABEL[liveState])}</span>}
      <label class="compact">{t('prefs.language')}
        <select data-testid="language" value={lang} onChange={(e) => setLanguage((e.target as HTMLSelectElement).value)}>
          {LANGUAGES.map((l) => <option key={l} value={l}>{CATALOGS[l]?.['language.name']}</option>)}
        </select>
      </label>
      <label class="compact">{t('prefs.distance')}
        <select data-testid="unit-distance" value={u.distance} onChange={(e) => setUnits({ ...u, distance: (e.target as HTMLSelectElement).value as DistanceUnit })}>
          <option value="km">km</option><option value="mi">mi</option>
        </select>
      </label>
      <label class="compact">{t('prefs.temperature')}
        <select data-testid="unit-temperature" value={u.temperature} onChange={(e) => setUnits({ ...u, temperature: (e.target as HTMLSelectElement).value as TemperatureUnit })}>
          <option value="C">°C</option><option value="F">°F</option>
        </select>
      </label>
      <label class="compact">{t('prefs.pressure')}
        <select data-testid="unit-pressure" value={u.pressure} onChange={(e) => setUnits({ ...u, pressure: (e.target as HTMLSelectElement).value as PressureUnit })}>
          <option value="kPa">kPa</option><option value="psi">psi</option><option value="bar">bar</option>
        </select>
      </label>
      {s !== null && (
        <span class="user">
          <span data-testid="whoami">{whoami(s.user)} · {t(ROLE_LABEL[s.user.role])}</span>
          {/* A pasted API token is only forgotten here: revoking it would lock out every other user of that token. */}
          <button type="button" class="link" onClick={() => { if (s.user.id === API_TOKEN_USER) signOut(); else void logOut() }}>{t('auth.signOut')}</button>
        </span>
      )}
    </header>
  )
}

/** A person by user name; a pasted API token as "API token" with its label when known, never by its token id. */
function whoami (u: SessionUser): string {
  if (u.id !== API_TOKEN_USER && u.id !== u.username) return u.username
  return u.id === API_TOKEN_USER && u.username !== '' ? t('auth.apiTokenNamed', { label: u.username }) : t('auth.apiTokenUser')
}

const ROLE_LABEL: Readonly<Record<Role, MessageKey>> = {
  admin: k('role.admin'), support: k('role.support'), fleet_owner: k('role.fleet_owner'), service: k('role.service'), technician: k('role.technician'),
}

function Body ({ route }: { route: Route }) {
  switch (route.view) {
    case 'login': return <LoginView />
    case 'overview': return <OverviewView />
    case 'alerts': return <AlertsView alertId={route.alertId} />
    case 'vehicle': return <VehicleView vehicleId={route.vehicleId} />
    case 'campaigns': return <CampaignsView campaignId={route.campaignId} />
    case 'campaign-new': return <CampaignNewView />
    case 'owner': return <OwnerView />
    case 'service': return <ServiceView staff={session.get()?.user.role === 'admin' || session.get()?.user.role === 'support'} />
    case 'incidents': return <IncidentsView incidentId={route.incidentId} />
    case 'incident-report': return <IncidentReportView incidentId={route.incidentId} />
    case 'not-found': return <p class="notice">{t('error.notFound', { path: route.path })}</p>
  }
}

export function App () {
  useLanguage()
  const route = useRoute()
  const s = useStore(session)
  useEffect(() => {
    if (s === null) live.stop()
    else live.start()
  }, [s?.token])
  return (
    <LiveContext.Provider value={live}>
      <Header route={route} />
      <main>{s === null ? <LoginView /> : <Body route={route} />}</main>
    </LiveContext.Provider>
  )
}
