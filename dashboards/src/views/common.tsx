import type { ComponentChildren } from 'preact'
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { ApiError, isMissingApi } from '../lib/api.js'
import { formatNumber, k, t, type MessageKey } from '../i18n/i18n.js'
import { toDisplay, digitsFor } from '../lib/units.core.js'
import { units } from '../lib/prefs.js'
import { useStore } from '../lib/store.js'

export interface Async<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  reload(): void
}

/** Runs `load` when `deps` change (and on reload()), keeping the last data while reloading. */
export function useAsync<T> (load: () => Promise<T>, deps: readonly unknown[]): Async<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  const [loading, setLoading] = useState(true)
  const [tick, setTick] = useState(0)
  const reload = useCallback(() => setTick((n) => n + 1), [])
  useEffect(() => {
    let alive = true
    setLoading(true)
    load().then((d) => { if (alive) { setData(d); setError(undefined) } }, (e: unknown) => { if (alive) setError(e) })
      .finally(() => { if (alive) setLoading(false) })
    return () => { alive = false }
  }, [...deps, tick])
  return { data, error, loading, reload }
}

/** Current time, re-rendering every `everyMs` (clocks, "last seen"). */
export function useNow (everyMs = 1000): number {
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(id)
  }, [everyMs])
  return now
}

/** Calls `fn` at most once per `ms` (live events → one refetch). */
export function useDebounced (fn: () => void, ms: number): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const latest = useRef(fn)
  latest.current = fn
  useEffect(() => () => clearTimeout(timer.current), [])
  return useCallback(() => {
    if (timer.current !== undefined) return
    timer.current = setTimeout(() => { timer.current = undefined; latest.current() }, ms)
  }, [ms])
}

export function ErrorBox ({ error }: { error: unknown }) {
  if (error === undefined || error === null) return null
  if (isMissingApi(error)) return <p class="notice" data-testid="api-missing">{t('error.apiMissing')}</p>
  if (error instanceof ApiError && error.status === 403) return <p class="notice">{t('error.forbidden')}</p>
  const detail = error instanceof ApiError ? `${error.code}: ${error.message}` : String(error)
  return <p class="error" role="alert">{t('error.generic', { detail })}</p>
}

export function Loading ({ when }: { when: boolean }) {
  return when ? <span class="muted">{t('common.loading')}</span> : null
}

export function Card ({ title, children, testid }: { title: string, children: ComponentChildren, testid?: string }) {
  return <section class="card" data-testid={testid}><h2>{title}</h2>{children}</section>
}

const SEVERITY: Readonly<Record<string, MessageKey>> = {
  critical: k('severity.critical'), major: k('severity.major'), minor: k('severity.minor'), warning: k('severity.warning'),
}
export const SEVERITIES = ['critical', 'major', 'minor', 'warning'] as const
export const severityLabel = (s: string): string => (SEVERITY[s] === undefined ? s : t(SEVERITY[s]))

export function SeverityBadge ({ severity }: { severity: string }) {
  return <span class={`badge sev-${severity}`}>{severityLabel(severity)}</span>
}

const STATE: Readonly<Record<string, MessageKey>> = {
  open: k('alertState.open'), acknowledged: k('alertState.acknowledged'), resolved: k('alertState.resolved'),
  online: k('presence.online'), asleep: k('presence.asleep'), offline: k('presence.offline'),
  pending: k('dtc.pending'), confirmed: k('dtc.confirmed'), cleared: k('dtc.cleared'), verified_cleared: k('dtc.verified_cleared'),
  draft: k('campaign.state.draft'), scheduled: k('campaign.state.scheduled'), running: k('campaign.state.running'), paused: k('campaign.state.paused'),
  completed: k('campaign.state.completed'), cancelled: k('campaign.state.cancelled'),
}
export const stateLabel = (s: string): string => (STATE[s] === undefined ? s : t(STATE[s]))

/** A value in the user's units and locale, e.g. "62,1 mph". */
export function Quantity ({ value, unit }: { value: number, unit: string }) {
  const u = useStore(units)
  const d = toDisplay(value, unit, u)
  return <span>{formatNumber(d.value, digitsFor(d.unit))}{d.unit === '' ? '' : ` ${d.unit}`}</span>
}

/** One horizontal bar split by state (campaign progress). */
export function StackedBar ({ parts, total, testid }: { parts: ReadonlyArray<{ key: string, value: number }>, total: number, testid?: string }) {
  return (
    <div class="stacked" data-testid={testid} role="img" aria-label={parts.map((p) => `${stateLabel(p.key)} ${p.value}`).join(', ')}>
      {parts.filter((p) => p.value > 0).map((p) => (
        <span key={p.key} class={`seg st-${p.key}`} data-state={p.key} data-value={p.value} style={{ width: `${total === 0 ? 0 : (100 * p.value) / total}%` }} title={`${stateLabel(p.key)}: ${p.value}`} />
      ))}
    </div>
  )
}
