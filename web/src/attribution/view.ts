// The attribution view's state: whether the roll is coloured by track or by author, and each note's
// credit — from the ledger's report when it knows the note, else from the note's `origin` (accepted
// AI notes), else from the Yjs item (the AI writes with a client id above 2^32; this browser's own
// notes are this user's). Credits are cached until the document or the ledger changes.
import type { ProjectModel } from '../model/project'
import type { Note, Track } from '../model/schema'
import type { LedgerAuthors } from '../presence/ledger-authors'
import { styleFor, type NoteStyle } from './author-style'
import { AI_ACTOR, creditFromLedger, creditFromOrigin, type NoteCredit } from './credit'

export type ColourMode = 'track' | 'author'

/**
 * The Yjs client ids the server's AI writes with (server sync/ServerClientIds: 2^32 + 2^16 onwards, 2^16
 * of them). Browsers' ids are below 2^32; the server's own edits through the API (a project's template
 * notes) use 2^32 + 1 and are nobody's in particular until the ledger says.
 */
const AI_CLIENT_FIRST = 2 ** 32 + 2 ** 16
const AI_CLIENT_LAST = AI_CLIENT_FIRST + 0xffff

export class AttributionView {
  mode: ColourMode = 'track'
  private credits = new Map<string, NoteCredit | null>()
  private readonly listeners = new Set<() => void>()

  constructor(private readonly model: ProjectModel, private readonly ledger: LedgerAuthors,
    private readonly me: { id: string; name: string }) {
    model.onChange(() => this.credits.clear())
    ledger.listen(() => { this.credits.clear(); this.changed() })
  }

  /** Called when what the view shows may have changed (mode, or a fresh report). */
  onChange(listener: () => void): void {
    this.listeners.add(listener)
  }

  setMode(mode: ColourMode): void {
    if (mode === this.mode) return
    this.mode = mode
    // Colouring by author needs every note's record: the whole report; otherwise notes are read one by one.
    this.ledger.wantEveryNote(mode === 'author')
    this.changed()
  }

  private changed(): void {
    for (const l of this.listeners) l()
  }

  credit(noteId: string): NoteCredit | undefined {
    let c = this.credits.get(noteId)
    if (c === undefined) {
      c = this.resolve(noteId) ?? null
      this.credits.set(noteId, c)
    }
    return c ?? undefined
  }

  private resolve(noteId: string): NoteCredit | undefined {
    const record = this.ledger.recordOf(noteId)
    if (record) return creditFromLedger(record)
    const fromOrigin = creditFromOrigin(this.model.originOf(noteId))
    if (fromOrigin) return fromOrigin
    const client = this.model.creatorClient(noteId)
    if (client === undefined) return undefined
    if (client >= AI_CLIENT_FIRST && client <= AI_CLIENT_LAST) return { creator: { id: AI_ACTOR, name: 'AI', source: 'ai' }, ai: { model: 'AI model' }, from: 'document' }
    if (client === this.model.doc.clientID) return { creator: { ...this.me, source: 'human' }, from: 'session' }
    return undefined
  }

  /** The roll's per-note hook: author styles in author mode, nothing (track colours) otherwise. */
  readonly noteStyle = (note: Note, _track: Track): NoteStyle | undefined =>
    this.mode === 'author' ? styleFor(this.credit(note.id)) : undefined

  /** Every note's style decision in author mode, by note id (for tests and debugging). */
  decisions(): Record<string, { kind: string; author: string; fill: string; pattern?: string; label?: string; notch: boolean }> {
    const out: ReturnType<AttributionView['decisions']> = {}
    for (const [id] of this.model.read().notes) {
      const s = styleFor(this.credit(id))
      out[id] = { kind: s.kind, author: s.author, fill: s.fill, pattern: s.pattern, label: s.label, notch: s.notch }
    }
    return out
  }
}
