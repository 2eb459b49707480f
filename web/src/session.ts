// Who is signed in: the token and user, kept in this browser's local storage.
import type { User } from './api'

const KEY = 'ensemble.session'

export interface Session { token: string; user: User }

export function loadSession(): Session | undefined {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) ?? 'null')
    return s && typeof s.token === 'string' && s.user ? s : undefined
  } catch {
    return undefined
  }
}

export function saveSession(s: Session): void {
  localStorage.setItem(KEY, JSON.stringify(s))
}

export function clearSession(): void {
  localStorage.removeItem(KEY)
}
