import { session, signOut } from './session.js'

/** A failed call: the gateway's error body (`{code, message}`) and the HTTP status. */
export class ApiError extends Error {
  constructor (readonly status: number, readonly code: string, message: string) {
    super(message)
  }
}

/** Calls the gateway's REST API with the session's bearer token; 401 ends the session. */
export async function api<T> (path: string, init: { method?: string, body?: unknown, token?: string } = {}): Promise<T> {
  const token = init.token ?? session.get()?.token
  const headers: Record<string, string> = {}
  if (token !== undefined && token !== '') headers.authorization = `Bearer ${token}`
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(path, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
  if (res.status === 204) return undefined as T
  const text = await res.text()
  let body: unknown
  try {
    body = text === '' ? undefined : JSON.parse(text)
  } catch {
    body = undefined
  }
  if (!res.ok) {
    const e = (body ?? {}) as { code?: string, message?: string }
    if (res.status === 401 && init.token === undefined && session.get() !== null) signOut()
    throw new ApiError(res.status, e.code ?? `HTTP_${res.status}`, e.message ?? res.statusText)
  }
  return body as T
}

/** Sign-out revokes the token on the gateway too (POST /auth/logout), then forgets it here whatever the answer. */
export async function logOut (): Promise<void> {
  const token = session.get()?.token
  if (token !== undefined && token !== '') await api('/auth/logout', { method: 'POST', token }).catch(() => undefined)
  signOut()
}

/** True when the error says "this route does not exist on this gateway" (an API another release adds). */
export const isMissingApi = (e: unknown): boolean => e instanceof ApiError && e.status === 404 && e.code !== 'GW_VEHICLE_NOT_FOUND' && !e.code.endsWith('_NOT_FOUND')
