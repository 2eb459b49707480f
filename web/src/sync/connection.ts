// The live connection to the project's room: the stock y-websocket provider against /sync/<id>, and a
// status the page shows. Edits made while offline stay in the document and go out when the provider
// reconnects and resyncs (y-websocket's step 1 / step 2 exchange sends whatever the server lacks).
import type * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { LOCAL } from '../model/project'

export type LinkState = 'connecting' | 'online' | 'offline' | 'closed'

export interface Status {
  state: LinkState
  /** Whether the first full exchange with the server finished on the current connection. */
  synced: boolean
  /** Whether edits were made that the server has not confirmed yet. */
  unsent: boolean
  /** Why the server closed the connection for good, if it did, and its close code. */
  reason?: string
  code?: number
  /** The server closed with "your role changed": the page should re-read the role. */
  roleChanged?: boolean
}

/** Close codes after which reconnecting cannot help (docs/sync-protocol.md). */
function isTerminal(code: number, reason: string): boolean {
  if (code === 4403) return !isMembershipChange(reason)
  return code === 4400 || code === 4401 || code === 4404 || code === 4413
}

export class Connection {
  readonly provider: WebsocketProvider
  private status: Status = { state: 'connecting', synced: false, unsent: false }
  private listeners = new Set<(s: Status) => void>()
  private everConnected = false

  /** `unsent`: the document already holds edits the server may lack (from this browser's local copy). */
  constructor(doc: Y.Doc, projectId: string, token: string, baseUrl = defaultSyncUrl(), unsent = false) {
    this.status.unsent = unsent
    this.provider = new WebsocketProvider(baseUrl, projectId, doc, {
      // The token goes in an offered sub-protocol, not the URL: a browser prints a failed WebSocket's
      // URL in the console (every failed reconnect), and URLs end up in logs.
      protocols: ['ensemble-sync', `ensemble-token.${token}`],
      maxBackoffTime: 2000,
      shouldReconnect: (e) => !isTerminal(e.code, e.reason),
    })
    this.provider.on('status', ({ status }) => {
      // Once connected, every later attempt is a reconnect: the page stays "offline" until it succeeds.
      if (status === 'connected') this.everConnected = true
      const state = status === 'connected' ? 'online' : status === 'connecting' && !this.everConnected ? 'connecting' : 'offline'
      this.set({ state, synced: false })
    })
    this.provider.on('sync', (synced: boolean) => {
      // After the exchange the server holds our edits too (it answered our state with its own step 2
      // and took our step 2): nothing is left unsent.
      if (synced) this.set({ synced: true, unsent: false })
    })
    this.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event && event.code === 4403 && isMembershipChange(event.reason)) this.set({ roleChanged: true })
    })
    this.provider.on('closed', ({ code, reason }: { code: number; reason: string }) => {
      this.set({ state: 'closed', synced: false, code, reason: reason || `closed with code ${code}` })
    })
    doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin === LOCAL && !(this.status.state === 'online' && this.status.synced)) this.set({ unsent: true })
    })
  }

  get current(): Status {
    return this.status
  }

  onStatus(l: (s: Status) => void): () => void {
    this.listeners.add(l)
    l(this.status)
    return () => this.listeners.delete(l)
  }

  private set(patch: Partial<Status>): void {
    this.status = { ...this.status, ...patch }
    for (const l of this.listeners) l(this.status)
  }

  destroy(): void {
    this.provider.destroy()
    this.listeners.clear()
  }
}

/**
 * The server closes the connections of the one user whose role changed ("your role changed;
 * reconnect") or who was removed ("membership changed; reconnect"); the others stay connected. On
 * reconnecting, someone who lost access is refused (4403 "not a member of this project").
 */
function isMembershipChange(reason: string): boolean {
  return reason.startsWith('your role changed') || reason.startsWith('membership changed')
}

/** Whether a final close means the project is gone or no longer this user's (not a passing refusal). */
export function lostAccess(s: Status): boolean {
  return s.state === 'closed' && (s.code === 4404 || (s.code === 4403 && (s.reason ?? '').startsWith('not a member')))
}

export function defaultSyncUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`
}

export function describeStatus(s: Status): string {
  switch (s.state) {
    case 'online': return s.synced ? 'Connected — all changes saved' : 'Connected — syncing…'
    case 'connecting': return s.unsent ? 'Connecting — changes made on this device are not on the server yet' : 'Connecting…'
    case 'offline': return s.unsent ? 'Offline — your changes are kept and will sync on reconnect' : 'Offline — reconnecting…'
    case 'closed': return `Disconnected: ${s.reason ?? 'closed by the server'}` + (s.unsent ? ' (changes made here were not sent)' : '')
  }
}
