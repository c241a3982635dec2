import { useState } from 'preact/hooks'
import { t } from '../i18n/i18n.js'
import { ApiError, api, isMissingApi } from '../lib/api.js'
import { signIn, type SessionUser } from '../lib/session.js'

interface LoginResponse { token: string, expiresAt: string, user: SessionUser }

/** User id of a pasted token on a gateway without GET /auth/me (its name is shown translated). */
export const API_TOKEN_USER = 'token'

/**
 * Who a pasted token belongs to: GET /auth/me, or (on a gateway without it) an admin API token if it opens the
 * fleet summary. A token that is not a person's log-in (GET /auth/me names it by its token id) becomes
 * API_TOKEN_USER, named by its label when it may list tokens (an administrator's).
 */
async function whoIs (token: string): Promise<SessionUser> {
  try {
    const me = await api<SessionUser>('/auth/me', { token })
    if (me.id !== me.username) return me
    const label = me.role !== 'admin'
      ? undefined
      : await api<{ items: Array<{ id: string, label: string }> }>('/tokens?active=true', { token }).then((r) => r.items.find((x) => x.id === me.id)?.label, () => undefined)
    return { ...me, id: API_TOKEN_USER, username: label ?? '' }
  } catch (e) {
    if (!isMissingApi(e)) throw e
    await api('/fleet/summary', { token })
    return { id: API_TOKEN_USER, username: '', role: 'admin', tenantId: null, fleets: null, regions: null }
  }
}

function failureText (e: unknown): string {
  if (e instanceof ApiError && e.status === 401) return t('auth.badCredentials')
  if (e instanceof ApiError && e.status === 429) return t('auth.tooMany')
  if (isMissingApi(e)) return t('auth.passwordLoginMissing')
  return t('error.generic', { detail: e instanceof Error ? e.message : String(e) })
}

export function LoginView () {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [token, setToken] = useState('')
  const [error, setError] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)

  async function run (fn: () => Promise<void>) {
    setBusy(true)
    setError(undefined)
    try {
      await fn()
      if (location.hash === '#/login') location.hash = '#/'
    } catch (e) {
      setError(failureText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div class="login">
      <h1>{t('auth.title')}</h1>
      <form data-testid="login-password" onSubmit={(e) => {
        e.preventDefault()
        void run(async () => {
          const r = await api<LoginResponse>('/auth/login', { method: 'POST', body: { username, password }, token: '' })
          signIn({ token: r.token, user: r.user, expiresAt: r.expiresAt })
        })
      }}>
        <label>{t('auth.username')}<input name="username" autocomplete="username" value={username} onInput={(e) => setUsername((e.target as HTMLInputElement).value)} required /></label>
        <label>{t('auth.password')}<input name="password" type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} required /></label>
        <button type="submit" disabled={busy}>{t('auth.signIn')}</button>
      </form>
      <p class="muted">{t('auth.or')}</p>
      <form data-testid="login-token" onSubmit={(e) => {
        e.preventDefault()
        void run(async () => {
          const value = token.trim()
          signIn({ token: value, user: await whoIs(value), expiresAt: null })
        })
      }}>
        <label>{t('auth.apiToken')}<input name="token" type="password" autocomplete="off" value={token} onInput={(e) => setToken((e.target as HTMLInputElement).value)} required /></label>
        <button type="submit" disabled={busy}>{t('auth.useToken')}</button>
      </form>
      {error !== undefined && <p class="error" role="alert" data-testid="login-error">{error}</p>}
    </div>
  )
}
