// This browser's copy of a project: the Y.Doc kept in IndexedDB (stock y-indexeddb), so that edits
// made offline survive a reload or a closed tab and go out when the server is back. One database per
// server, user and project: two people sharing a browser never mix their unsent work. Next to the
// document we keep the project's record (to open the studio while the server is down) and whether
// the copy holds edits the server has not confirmed (so the status stays truthful after a reload).
import type * as Y from 'yjs'
import { IndexeddbPersistence, clearDocument } from 'y-indexeddb'
import type { ProjectRecord } from '../api'

/** How long opening the copy may take before the studio goes on without it (a broken IndexedDB). */
const OPEN_TIMEOUT_MS = 3000
const UNSENT = 'unsent'

export function localCopyName(host: string, userId: string, projectId: string): string {
  return `ensemble:${host}:${userId}:${projectId}`
}

function recordKey(name: string): string {
  return `${name}:record`
}

export class LocalCopy {
  private constructor(private readonly persistence: IndexeddbPersistence | undefined, readonly name: string,
    /** Whether the copy held edits not yet confirmed by the server when it was opened. */
    readonly hadUnsent: boolean) {}

  /** Loads the stored document into `doc` (before the connection opens, so the page shows it at once). */
  static async open(doc: Y.Doc, name: string): Promise<LocalCopy> {
    if (typeof indexedDB === 'undefined') return new LocalCopy(undefined, name, false)
    const persistence = new IndexeddbPersistence(name, doc)
    try {
      await Promise.race([persistence.whenSynced, new Promise((_, fail) => setTimeout(() => fail(new Error('timeout')), OPEN_TIMEOUT_MS))])
      const unsent = (await persistence.get(UNSENT)) === 1
      return new LocalCopy(persistence, name, unsent)
    } catch (err) {
      console.warn(`the local copy ${name} cannot be used: ${String(err)}`)
      void persistence.destroy()
      return new LocalCopy(undefined, name, false)
    }
  }

  get enabled(): boolean {
    return this.persistence !== undefined
  }

  /** Records whether there are edits the server has not confirmed. */
  setUnsent(unsent: boolean): void {
    void this.persistence?.set(UNSENT, unsent ? 1 : 0).catch(() => {})
  }

  async destroy(): Promise<void> {
    await this.persistence?.destroy()
  }

  /** Deletes the stored document and record (the project is gone or no longer ours). */
  async clear(): Promise<void> {
    forgetRecord(this.name)
    if (this.persistence) await this.persistence.clearData()
  }
}

export function rememberRecord(name: string, record: ProjectRecord): void {
  try { localStorage.setItem(recordKey(name), JSON.stringify(record)) } catch { /* storage full or disabled */ }
}

export function recalledRecord(name: string): ProjectRecord | undefined {
  try {
    const r = JSON.parse(localStorage.getItem(recordKey(name)) ?? 'null')
    return r && typeof r.id === 'string' && typeof r.title === 'string' && typeof r.role === 'string' ? r : undefined
  } catch {
    return undefined
  }
}

/** The projects this browser keeps for a user on a server (for the project list while offline). */
export function keptRecords(host: string, userId: string): ProjectRecord[] {
  const prefix = localCopyName(host, userId, '')
  const out: ProjectRecord[] = []
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)
      if (!key?.startsWith(prefix) || !key.endsWith(':record')) continue
      const r = recalledRecord(key.slice(0, -':record'.length))
      if (r) out.push(r)
    }
  } catch { /* storage disabled */ }
  return out.sort((a, b) => a.title.localeCompare(b.title))
}

function forgetRecord(name: string): void {
  try { localStorage.removeItem(recordKey(name)) } catch { /* nothing stored */ }
}

/** Deletes a project's copy without opening it (after deleting the project from the list). */
export async function clearLocalCopy(name: string): Promise<void> {
  forgetRecord(name)
  if (typeof indexedDB !== 'undefined') await clearDocument(name)
}
