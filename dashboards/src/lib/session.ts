import { createStore } from './store.js'

export type Role = 'admin' | 'support' | 'fleet_owner' | 'service' | 'technician'

/** Who is signed in (User of POST /auth/login; a pasted token gets what GET /auth/me says). */
export interface SessionUser {
  readonly id: string
  readonly username: string
  readonly role: Role
  readonly tenantId: string | null
  readonly fleets: readonly string[] | null
  readonly regions: readonly string[] | null
}

export interface Session {
  readonly token: string
  readonly user: SessionUser
  readonly expiresAt: string | null
}

const KEY = 'fw.session'

function load (): Session | null {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Session | null
    if (s === null || typeof s.token !== 'string') return null
    if (s.expiresAt !== null && Date.parse(s.expiresAt) < Date.now()) return null
    return s
  } catch {
    return null
  }
}

export const session = createStore<Session | null>(load())

export function signIn (s: Session): void {
  localStorage.setItem(KEY, JSON.stringify(s))
  session.set(s)
}

export function signOut (): void {
  localStorage.removeItem(KEY)
  session.set(null)
}
