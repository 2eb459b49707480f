// The project document bound to the studio: a typed snapshot for reading, and edits that write the
// schema's shared types. Every edit of this user goes through one transaction with the LOCAL origin,
// which the undo manager tracks (so undo never reverts someone else's work).
import * as Y from 'yjs'
import {
  DEFAULT_META, DEFAULT_VELOCITY, type Meta, type Note, type Track, type TrackInfo, ROLES, type TrackRole,
  SCHEMA_VERSION, isValidNote, isValidTempo, isValidTimeSignature, newId,
} from './schema'
import { isValidKey, type Key } from '../music/pitch'

/** The longest track name the studio writes. */
export const MAX_TRACK_NAME = 100

/** The transaction origin of this user's own edits. */
export const LOCAL = Symbol('local edit')

export type NoteFields = Omit<Note, 'id'>
export type NoteChange = { id: string } & Partial<NoteFields>

interface NoteRef { map: Y.Map<unknown>; notes: Y.Array<Y.Map<unknown>>; trackId: string }

export interface Snapshot {
  meta: Meta
  tracks: Track[]
  /** Every valid note by id, with the id of its track. */
  notes: Map<string, { note: Note; trackId: string }>
}

export class ProjectModel {
  readonly meta: Y.Map<unknown>
  readonly tracks: Y.Array<unknown>
  private snapshot: Snapshot | null = null
  private refs = new Map<string, NoteRef>()
  private listeners = new Set<(local: boolean) => void>()

  constructor(readonly doc: Y.Doc) {
    this.meta = doc.getMap('meta')
    this.tracks = doc.getArray('tracks')
    doc.on('update', (_u: Uint8Array, origin: unknown) => {
      this.snapshot = null
      for (const l of this.listeners) l(origin === LOCAL)
    })
  }

  /** Called after every change, local or remote; `local` says whether it was this user's edit. */
  onChange(listener: (local: boolean) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  read(): Snapshot {
    if (!this.snapshot) this.snapshot = this.build()
    return this.snapshot
  }

  private build(): Snapshot {
    this.refs.clear()
    const notes = new Map<string, { note: Note; trackId: string }>()
    const tracks: Track[] = []
    const seen = new Set<string>()
    for (const t of this.tracks.toArray()) {
      if (!(t instanceof Y.Map)) continue
      const id = t.get('id')
      if (typeof id !== 'string' || id === '' || seen.has(id)) continue
      seen.add(id)
      const track: Track = { ...readTrackInfo(t, id), notes: [] }
      const yNotes = t.get('notes')
      if (yNotes instanceof Y.Array) {
        for (const m of yNotes.toArray()) {
          if (!(m instanceof Y.Map)) continue
          const n = {
            id: m.get('id'), pitch: m.get('pitch'), start: m.get('start'), duration: m.get('duration'),
            velocity: m.get('velocity'),
          } as Partial<Note>
          if (!isValidNote(n) || notes.has(n.id)) continue // a second note with one id (concurrent moves): the first wins
          track.notes.push(n)
          notes.set(n.id, { note: n, trackId: id })
          this.refs.set(n.id, { map: m as Y.Map<unknown>, notes: yNotes as Y.Array<Y.Map<unknown>>, trackId: id })
        }
      }
      track.notes.sort((a, b) => a.start - b.start || a.pitch - b.pitch)
      tracks.push(track)
    }
    return { meta: readMeta(this.meta), tracks, notes }
  }

  private edit(fn: () => void): void {
    this.doc.transact(fn, LOCAL)
  }

  setMeta<K extends keyof Meta>(key: K, value: Meta[K]): void {
    if (key === 'tempoBpm' && !isValidTempo(value)) throw new RangeError(`tempo must be 20 to 400, got ${value}`)
    if (key === 'key' && !isValidKey(value as Key)) throw new RangeError(`not a writable key: ${JSON.stringify(value)}`)
    if (key === 'timeSignature' && !isValidTimeSignature(value)) throw new RangeError(`bad time signature ${value}`)
    this.edit(() => this.meta.set(key, value))
  }

  /** Writes every meta key a new document needs (the schema requires all of them). */
  initMeta(title: string): void {
    this.edit(() => {
      for (const [k, v] of Object.entries({ ...DEFAULT_META, title })) if (!this.meta.has(k)) this.meta.set(k, v)
    })
  }

  addTrack(info: Partial<TrackInfo>): string {
    const id = info.id ?? newId()
    const full: TrackInfo = {
      id, name: info.name ?? 'Track', instrument: info.instrument ?? 0, role: info.role ?? 'other',
      mute: info.mute ?? false, solo: info.solo ?? false, gain: info.gain ?? 0.8, pan: info.pan ?? 0,
    }
    this.edit(() => {
      if (this.meta.size === 0) for (const [k, v] of Object.entries(DEFAULT_META)) this.meta.set(k, v)
      const t = new Y.Map<unknown>()
      for (const [k, v] of Object.entries(full)) t.set(k, v)
      t.set('notes', new Y.Array())
      this.tracks.push([t])
    })
    return id
  }

  setTrack<K extends keyof TrackInfo>(trackId: string, key: K, value: TrackInfo[K]): void {
    const t = this.trackMap(trackId)
    if (!t) throw new Error(`no track ${trackId}`)
    this.edit(() => t.set(key, value))
  }

  /** Renames a track: the name is trimmed and must not be empty (at most 100 characters). */
  renameTrack(trackId: string, name: string): void {
    const clean = name.trim()
    if (clean === '' || clean.length > MAX_TRACK_NAME) throw new RangeError(`a track name must be 1 to ${MAX_TRACK_NAME} characters`)
    this.setTrack(trackId, 'name', clean)
  }

  /** Deletes a track with its notes (one transaction: this user's undo brings it back whole). */
  deleteTrack(trackId: string): void {
    const i = this.tracks.toArray().findIndex((t) => t instanceof Y.Map && t.get('id') === trackId)
    if (i < 0) throw new Error(`no track ${trackId}`)
    this.edit(() => this.tracks.delete(i, 1))
  }

  /**
   * Moves a track one place up (-1) or down (+1) in one transaction. A Yjs array cannot move an item,
   * so the track is deleted and written again with every key, its notes keeping their ids (the ledger
   * links a note copied with its id to its history, as for moveNotesToTrack). Returns false at an end.
   */
  moveTrack(trackId: string, delta: -1 | 1): boolean {
    const all = this.tracks.toArray()
    const i = all.findIndex((t) => t instanceof Y.Map && t.get('id') === trackId)
    if (i < 0) throw new Error(`no track ${trackId}`)
    const j = i + delta
    if (j < 0 || j >= all.length) return false
    const copy = copyMap(all[i] as Y.Map<unknown>)
    this.edit(() => {
      this.tracks.delete(i, 1)
      this.tracks.insert(j, [copy])
    })
    return true
  }

  /**
   * Moves notes to another track in one transaction: each is deleted where it is and written again in
   * the target with all its keys, its id included (a Yjs map cannot change arrays). Keeping the id keeps
   * its history: the server's ledger links a copy with the same note id to the original (as it does for
   * an undone deletion), so the note keeps its creator and its fields' authors. Two people moving the
   * same note at the same moment can leave two copies with one id; readers keep the first (see build).
   * Returns the ids moved (notes already in the target or gone are left out).
   */
  moveNotesToTrack(ids: Iterable<string>, trackId: string): string[] {
    const target = this.trackMap(trackId)
    if (!target) throw new Error(`no track ${trackId}`)
    this.read()
    const moving = [...ids].map((id) => this.refs.get(id)).filter((r): r is NoteRef => r !== undefined && r.trackId !== trackId)
    if (moving.length === 0) return []
    const movedIds = moving.map((r) => r.map.get('id') as string) // read before the maps are deleted
    const copies = moving.map((r) => {
      const m = new Y.Map<unknown>()
      for (const [k, v] of r.map.entries()) if (!(v instanceof Y.AbstractType)) m.set(k, v)
      return m
    })
    this.edit(() => {
      this.deleteRefs(moving)
      let notes = target.get('notes')
      if (!(notes instanceof Y.Array)) {
        notes = new Y.Array()
        target.set('notes', notes)
      }
      ;(notes as Y.Array<Y.Map<unknown>>).push(copies)
    })
    return movedIds
  }

  /** Adds notes to a track; returns their new ids. */
  addNotes(trackId: string, fields: NoteFields[]): string[] {
    const t = this.trackMap(trackId)
    if (!t) throw new Error(`no track ${trackId}`)
    const made = fields.map((f) => ({ ...f, velocity: f.velocity ?? DEFAULT_VELOCITY, id: newId() }))
    for (const n of made) if (!isValidNote(n)) throw new RangeError(`invalid note ${JSON.stringify(n)}`)
    this.edit(() => {
      let notes = t.get('notes')
      if (!(notes instanceof Y.Array)) {
        notes = new Y.Array()
        t.set('notes', notes)
      }
      ;(notes as Y.Array<Y.Map<unknown>>).push(made.map((n) => {
        const m = new Y.Map<unknown>()
        for (const k of ['id', 'pitch', 'start', 'duration', 'velocity'] as const) m.set(k, n[k])
        return m
      }))
    })
    return made.map((n) => n.id)
  }

  /** Changes fields of existing notes; only the fields that differ are written. */
  updateNotes(changes: NoteChange[]): void {
    this.read()
    const snapshot = this.read()
    for (const c of changes) {
      const cur = snapshot.notes.get(c.id)
      if (cur && !isValidNote({ ...cur.note, ...c })) throw new RangeError(`invalid change ${JSON.stringify(c)}`)
    }
    this.edit(() => {
      for (const c of changes) {
        const ref = this.refs.get(c.id)
        if (!ref) continue // deleted meanwhile by someone else
        for (const k of ['pitch', 'start', 'duration', 'velocity'] as const) {
          if (c[k] !== undefined && ref.map.get(k) !== c[k]) ref.map.set(k, c[k])
        }
      }
    })
  }

  deleteNotes(ids: Iterable<string>): void {
    this.read()
    const refs = [...ids].map((id) => this.refs.get(id)).filter((r): r is NoteRef => r !== undefined)
    if (refs.length === 0) return
    this.edit(() => this.deleteRefs(refs))
  }

  /** Deletes the notes' maps from their arrays (inside an edit). */
  private deleteRefs(refs: NoteRef[]): void {
    const byArray = new Map<Y.Array<Y.Map<unknown>>, Set<Y.Map<unknown>>>()
    for (const ref of refs) {
      if (!byArray.has(ref.notes)) byArray.set(ref.notes, new Set())
      byArray.get(ref.notes)!.add(ref.map)
    }
    for (const [arr, maps] of byArray) {
      const all = arr.toArray()
      for (let i = all.length - 1; i >= 0; i--) if (maps.has(all[i])) arr.delete(i, 1)
    }
  }

  /** The Yjs client that created the note (its map's item), for naming authors until the ledger does. */
  creatorClient(noteId: string): number | undefined {
    this.read()
    return (this.refs.get(noteId)?.map as unknown as { _item?: { id: { client: number } } })?._item?.id.client
  }

  /** A note's `origin` key (set on notes accepted from an AI suggestion, docs/generation.md), or undefined. */
  originOf(noteId: string): unknown {
    this.read()
    return this.refs.get(noteId)?.map.get('origin')
  }

  private trackMap(trackId: string): Y.Map<unknown> | undefined {
    for (const t of this.tracks.toArray()) if (t instanceof Y.Map && t.get('id') === trackId) return t as Y.Map<unknown>
    return undefined
  }
}

function readMeta(m: Y.Map<unknown>): Meta {
  const tempo = m.get('tempoBpm')
  const key = m.get('key') as Key | undefined
  const ts = m.get('timeSignature')
  const tpq = m.get('ticksPerQuarter')
  const title = m.get('title')
  return {
    title: typeof title === 'string' ? title : DEFAULT_META.title,
    tempoBpm: isValidTempo(tempo) ? tempo : DEFAULT_META.tempoBpm,
    key: key && typeof key === 'object' && isValidKey(key) ? { tonic: key.tonic, mode: key.mode } : DEFAULT_META.key,
    timeSignature: isValidTimeSignature(ts) ? [ts[0], ts[1]] : DEFAULT_META.timeSignature,
    ticksPerQuarter: Number.isInteger(tpq) && (tpq as number) >= 1 && (tpq as number) <= 32767
      ? (tpq as number) : DEFAULT_META.ticksPerQuarter,
    schemaVersion: SCHEMA_VERSION,
  }
}

function readTrackInfo(t: Y.Map<unknown>, id: string): TrackInfo {
  const str = (k: string, d: string) => (typeof t.get(k) === 'string' ? (t.get(k) as string) : d)
  const num = (k: string, d: number, lo: number, hi: number) => {
    const v = t.get(k)
    return typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi ? v : d
  }
  const role = t.get('role')
  return {
    id,
    name: str('name', id),
    instrument: Math.round(num('instrument', 0, 0, 127)),
    role: (ROLES as readonly string[]).includes(role as string) ? (role as TrackRole) : 'other',
    mute: t.get('mute') === true,
    solo: t.get('solo') === true,
    gain: num('gain', 0.8, 0, 1),
    pan: num('pan', 0, -1, 1),
  }
}

/** A new map with the same keys, nested maps and arrays copied deeply (a shared type lives in one place only). */
function copyMap(m: Y.Map<unknown>): Y.Map<unknown> {
  const out = new Y.Map<unknown>()
  for (const [k, v] of m.entries()) out.set(k, copyValue(v))
  return out
}

function copyValue(v: unknown): unknown {
  if (v instanceof Y.Map) return copyMap(v as Y.Map<unknown>)
  if (v instanceof Y.Array) {
    const a = new Y.Array<unknown>()
    a.push(v.toArray().map(copyValue))
    return a
  }
  return v
}
