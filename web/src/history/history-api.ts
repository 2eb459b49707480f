// The versions and rollback API (docs/api.md, "Versions and rollback").
import { call } from '../api'

export interface Who { id: string; name: string; source?: 'human' | 'ai' }
export interface AuthorChanges extends Who { added: number; removed: number; changed: number }
export interface ChangeCounts { added: number; removed: number; changed: number; authors: AuthorChanges[] }
export interface VersionInfo {
  id: string; kind: string; title: string; name?: string; time: string; by: Who | null
  notes: number; changes: ChangeCounts
}
export interface VersionNote { id: string; trackId: string; pitch: number; start: number; duration: number; velocity: number; by?: Who }
export interface VersionTrack { id: string; name?: string; notes: VersionNote[]; [setting: string]: unknown }
export interface NoteChanges extends ChangeCounts {
  notes: { added: VersionNote[]; removed: VersionNote[]; changed: { before: VersionNote; after: VersionNote; by: Who }[] }
}
export interface EditOutcome {
  notesAdded: number; notesRemoved: number; notesChanged: number; tracksAdded: number; tracksRemoved: number
  /** The settings a whole restore set back: "title", "tempoBpm", "key", "timeSignature", "ticksPerQuarter". */
  settingsChanged?: string[]
}
export interface RollbackResult {
  edit: EditOutcome; removed: number; restored: number; reverted: number; notes: string[]
  before: VersionInfo; undo: { version: string; notes: string[] }
}

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`

export const history = {
  list: (token: string, projectId: string) =>
    call<{ versions: VersionInfo[]; sinceLatest: ChangeCounts }>('GET', `${base(projectId)}/versions`, token),
  name: (token: string, projectId: string, name: string) =>
    call<VersionInfo>('POST', `${base(projectId)}/versions`, token, { name }),
  open: (token: string, projectId: string, versionId: string) =>
    call<{ version: VersionInfo; meta: Record<string, unknown>; tracks: VersionTrack[] }>('GET',
      `${base(projectId)}/versions/${encodeURIComponent(versionId)}`, token),
  compare: (token: string, projectId: string, from: string, to: string) =>
    call<{ from: VersionInfo; to: VersionInfo | 'current'; changes: NoteChanges }>('GET',
      `${base(projectId)}/versions/${encodeURIComponent(from)}/compare?to=${encodeURIComponent(to)}`, token),
  restore: (token: string, projectId: string, versionId: string, notes?: string[]) =>
    call<{ edit: EditOutcome; restored: VersionInfo; before: VersionInfo }>('POST',
      `${base(projectId)}/versions/${encodeURIComponent(versionId)}/restore`, token, notes ? { notes } : {}),
  rollback: (token: string, projectId: string, body: { author: string; track?: string; fromBar?: number; toBar?: number }) =>
    call<RollbackResult>('POST', `${base(projectId)}/rollback`, token, body),
}

/** "2 added, 1 removed, 1 changed by bob; 3 added by AI (chorale-1)" ("no changes" when none). */
export function describeChanges(c: ChangeCounts): string {
  if (c.added + c.removed + c.changed === 0) return 'no changes to the notes'
  return c.authors.map((a) => {
    const parts = [a.added ? `${a.added} added` : '', a.removed ? `${a.removed} removed` : '', a.changed ? `${a.changed} changed` : '']
      .filter(Boolean).join(', ')
    return `${parts} by ${a.name}`
  }).join('; ')
}

const SETTING_NAMES: Record<string, string> = {
  title: 'title', tempoBpm: 'tempo', key: 'key', timeSignature: 'time signature', ticksPerQuarter: 'resolution',
}

export function describeEdit(e: EditOutcome): string {
  const parts = [e.notesAdded ? `${e.notesAdded} notes put back` : '', e.notesRemoved ? `${e.notesRemoved} removed` : '',
    e.notesChanged ? `${e.notesChanged} changed` : '', e.tracksAdded ? `${e.tracksAdded} tracks put back` : '',
    e.tracksRemoved ? `${e.tracksRemoved} tracks removed` : '',
    e.settingsChanged?.length ? `${e.settingsChanged.map((k) => SETTING_NAMES[k] ?? k).join(', ')} set back` : ''].filter(Boolean)
  return parts.length ? parts.join(', ') : 'nothing needed changing'
}
