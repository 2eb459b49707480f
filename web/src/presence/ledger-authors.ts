// Authors from the server's authorship ledger: who created each note and who changed it last, people
// and the AI told apart. A note being described (the inspector, a hover card, the selection) is read on
// its own (GET …/attribution/notes?ids=, batched, again after edits); the whole report
// (GET …/attribution/report: every note, 3.7 MB for 5,000) only while something shows every note's
// author (colouring by author), at most every few seconds and with the last ETag (an unchanged report
// is a bodiless 304): parsing it takes the page's main thread long enough to delay remote edits on
// screen. Meanwhile, or on a server without the ledger, the session's own guess answers.
import type { ProjectModel } from '../model/project'
import type { AuthorLookup } from '../pianoroll/describe'
import { learnName, displayName } from './people-names'

/** One credit as the ledger reports it (server attribution/Credit.java); the AI's carry its provenance. */
export interface Author {
  name: string
  source: 'human' | 'ai'
  /** The user id, or "ai". */
  actor?: string
  time?: string
  known?: boolean
  model?: string
  modelVersion?: string
  requestedBy?: string
  acceptedBy?: string
  suggestion?: string
}
/** One note's entry in the report: its creator and, per field, who set the current value. */
export interface NoteAuthors { noteId: string; createdBy: Author; fields?: Record<string, Author> }

const MIN_INTERVAL_MS = 3000
/** Notes asked about within this time are read together. */
const NOTE_BATCH_MS = 150
/** The server's limit of ids per request. */
const MAX_IDS = 500
/** A slow answer (a big project: ~1 s and 3.7 MB for 5,000 notes) spaces the reads further: four answer-times. */
const SLOW_FACTOR = 4

export class LedgerAuthors implements AuthorLookup {
  private byNote = new Map<string, string>()
  private records = new Map<string, NoteAuthors>()
  private listeners = new Set<() => void>()
  private stale = true
  private inFlight = false
  private scheduled = false
  private lastRead = 0
  private interval = MIN_INTERVAL_MS
  private disabled = true // until start()
  /** The ETag of the report last read: sent as If-None-Match, so an unchanged report comes back as a bodiless 304. */
  private etag: string | undefined
  /** Whether every note's record is wanted (the whole report), or only those asked about. */
  private everyNote = false
  /** Counts document changes: a note's record read at an older count may be out of date. */
  private changes = 0
  private readAt = new Map<string, number>()
  private asked = new Set<string>()
  private notesScheduled = false
  private notesInFlight = false
  /** Called when fresh records arrived, so that what is shown can be described again. */
  onRefresh: () => void = () => {}

  constructor(private readonly projectId: string, private readonly token: string, model: ProjectModel,
    private readonly fallback: AuthorLookup) {
    model.onChange(() => {
      this.stale = true
      this.changes++
    })
  }

  /**
   * Whether every note's record is wanted (while the roll is coloured by author): then the whole
   * report is read; otherwise only the notes asked about.
   */
  wantEveryNote(every: boolean): void {
    this.everyNote = every
    if (every) this.stale = true
  }

  /**
   * Allows reading the report. The studio calls this once the document has synced: answering
   * replays the whole log on the server, which should not compete with the first sync.
   */
  start(): void {
    if (this.lastRead > 0 || !this.disabled) return
    this.disabled = false
    if (this.everyNote) void this.refresh()
  }

  authorOf(noteId: string): string | undefined {
    this.want(noteId)
    return this.byNote.get(noteId) ?? this.fallback.authorOf(noteId)
  }

  /** The ledger's record of a note (undefined until a report that knows it has arrived). */
  recordOf(noteId: string): NoteAuthors | undefined {
    this.want(noteId)
    return this.records.get(noteId)
  }

  /** Calls `listener` after each fresh report (besides onRefresh); returns the way to stop. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Asks for a fresh record of the note, or for a fresh report, if the copy is out of date. */
  private want(noteId: string): void {
    if (!this.everyNote) {
      this.wantNote(noteId)
      return
    }
    if (this.stale && !this.disabled && !this.inFlight && !this.scheduled) {
      // Ask once: read now, or when the minimum interval since the last read has passed.
      this.scheduled = true
      setTimeout(() => {
        this.scheduled = false
        if (this.stale && !this.inFlight && !this.disabled) void this.refresh()
      }, Math.max(0, this.lastRead + this.interval - Date.now()))
    }
  }

  private wantNote(noteId: string): void {
    if (this.disabled || noteId.includes(',') || (this.readAt.get(noteId) ?? -1) >= this.changes) return
    this.asked.add(noteId)
    if (!this.notesInFlight) this.scheduleNotes()
  }

  private scheduleNotes(): void {
    if (this.notesScheduled) return
    this.notesScheduled = true
    setTimeout(() => {
      this.notesScheduled = false
      void this.readNotes()
    }, NOTE_BATCH_MS)
  }

  /** Reads the records of the notes asked about (up to the server's limit at a time). */
  private async readNotes(): Promise<void> {
    const ids = [...this.asked].slice(0, MAX_IDS)
    if (ids.length === 0 || this.disabled) return
    for (const id of ids) this.asked.delete(id)
    const at = this.changes
    this.notesInFlight = true
    let answered = false
    try {
      const res = await fetch(`/api/projects/${encodeURIComponent(this.projectId)}/attribution/notes?ids=${ids.map(encodeURIComponent).join(',')}`,
        { headers: { authorization: `Bearer ${this.token}` } })
      if (res.status === 404) {
        this.disabled = true // a server without the ledger: the session's guess stays
        return
      }
      if (!res.ok) return
      answered = true
      const body = await res.json() as { notes?: NoteAuthors[] }
      for (const id of ids) {
        this.readAt.set(id, at)
        this.byNote.delete(id)
        this.records.delete(id)
      }
      for (const n of body.notes ?? []) {
        if (n.createdBy?.known === false) continue
        learnAuthors(n)
        this.byNote.set(n.noteId, describeAuthors(n))
        this.records.set(n.noteId, n)
      }
      this.onRefresh()
      for (const l of this.listeners) l()
    } catch {
      for (const id of ids) this.asked.add(id) // offline: read when next asked about
    } finally {
      this.notesInFlight = false
      if (answered && this.asked.size > 0 && !this.disabled) this.scheduleNotes()
    }
  }

  private async refresh(): Promise<void> {
    this.inFlight = true
    this.stale = false
    const at = this.changes
    this.lastRead = Date.now()
    try {
      const headers: Record<string, string> = { authorization: `Bearer ${this.token}` }
      if (this.etag) headers['if-none-match'] = this.etag
      const res = await fetch(`/api/projects/${encodeURIComponent(this.projectId)}/attribution/report`, { headers })
      if (res.status === 404) {
        this.disabled = true // a server without the ledger: the session's guess stays
        return
      }
      if (res.status === 304) return // unchanged: the records already held stay
      if (!res.ok) return
      this.etag = res.headers.get('etag') ?? undefined
      const report = await res.json() as { notes?: NoteAuthors[] }
      const next = new Map<string, string>()
      const records = new Map<string, NoteAuthors>()
      for (const n of report.notes ?? []) {
        if (n.createdBy?.known === false) continue
        learnAuthors(n)
        next.set(n.noteId, describeAuthors(n))
        records.set(n.noteId, n)
      }
      this.byNote = next
      this.records = records
      this.readAt = new Map([...records.keys()].map((id) => [id, at]))
      this.onRefresh()
      for (const l of this.listeners) l()
    } catch {
      this.stale = true // offline: try again when asked
    } finally {
      this.interval = Math.max(MIN_INTERVAL_MS, SLOW_FACTOR * (Date.now() - this.lastRead))
      this.inFlight = false
    }
  }

  dispose(): void {
    this.disabled = true
  }
}

/**
 * "Alice", "the AI co-writer, an AI suggestion (requested by Alice, accepted by Bob)" or
 * "Alice, changed by Bob": the creator and the last other hand.
 */
export function describeAuthors(n: NoteAuthors): string {
  const name = (a: Author) => (a.source === 'ai' ? `the AI co-writer, an AI suggestion${aiDetails(a)}` : a.name)
  let last: Author | undefined
  for (const f of Object.values(n.fields ?? {})) {
    if (f.known === false || f.name === n.createdBy.name) continue
    if (!last || (f.time ?? '') > (last.time ?? '')) last = f
  }
  return last ? `${name(n.createdBy)}, changed by ${name(last)}` : name(n.createdBy)
}

/** The ledger names every person it credits: those names serve where only an id is given. */
function learnAuthors(n: NoteAuthors): void {
  for (const a of [n.createdBy, ...Object.values(n.fields ?? {})]) if (a.source === 'human') learnName(a.actor, a.name)
}

/** " (requested by Alice, accepted by Bob)" for an AI credit that carries them; "" otherwise. */
function aiDetails(a: Author): string {
  const parts = [a.requestedBy && `requested by ${displayName(a.requestedBy)}`,
    a.acceptedBy && `accepted by ${displayName(a.acceptedBy)}`].filter(Boolean)
  return parts.length ? ` (${parts.join(', ')})` : ''
}
