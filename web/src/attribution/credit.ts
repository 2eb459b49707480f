// Who wrote one note, in one shape whatever told us: the server's ledger (the full answer), the
// note's `origin` key in the document (set when an AI suggestion is accepted, so known at once), or
// this session's own knowledge (a note this browser just added). The ledger wins when it knows.
import type { Author, NoteAuthors } from '../presence/ledger-authors'
import { displayName } from '../presence/people-names'

export interface Person { id: string; name: string; source: 'human' | 'ai'; time?: string }

export interface AiProvenance {
  model: string
  version?: string
  requestedBy?: string
  acceptedBy?: string
  suggestion?: string
}

export interface NoteCredit {
  creator: Person
  /** For the AI's notes: the model and who asked for and accepted them. */
  ai?: AiProvenance
  /** The last hand other than the creator's that set one of the note's fields, and which fields. */
  changedBy?: Person & { fields: string[] }
  /** Where this answer came from (the ledger is authoritative; the others fill in until it answers). */
  from: 'ledger' | 'document' | 'session'
}

export const AI_ACTOR = 'ai'

function person(a: Author): Person {
  return { id: a.actor ?? (a.source === 'ai' ? AI_ACTOR : a.name), name: a.name, source: a.source, time: a.time }
}

export function creditFromLedger(n: NoteAuthors): NoteCredit {
  const creator = person(n.createdBy)
  const c = n.createdBy
  const ai = c.source === 'ai'
    ? { model: c.model ?? c.name, version: c.modelVersion, requestedBy: c.requestedBy, acceptedBy: c.acceptedBy, suggestion: c.suggestion }
    : undefined
  let changedBy: NoteCredit['changedBy']
  const changes: { field: string; who: Person }[] = []
  for (const [field, f] of Object.entries(n.fields ?? {})) {
    if (f.known === false) continue
    const who = person(f)
    if (who.id !== creator.id) changes.push({ field, who })
  }
  if (changes.length) {
    // The newest of the other hands; the fields that hand set now.
    const last = changes.reduce((a, b) => ((b.who.time ?? '') > (a.who.time ?? '') ? b : a)).who
    changedBy = { ...last, fields: changes.filter((x) => x.who.id === last.id).map((x) => x.field) }
  }
  return { creator, ai, changedBy, from: 'ledger' }
}

/** The credit a note's document `origin` gives ({kind: "ai", suggestion, model: {version}, requestedBy, acceptedBy}). */
export function creditFromOrigin(origin: unknown): NoteCredit | undefined {
  const o = plain(origin)
  if (!o || o.kind !== 'ai') return undefined
  const model = plain(o.model)
  const who = (v: unknown) => {
    const p = plain(v)
    return typeof p?.name === 'string' ? p.name : typeof p?.id === 'string' ? p.id : undefined
  }
  const version = typeof model?.version === 'string' ? model.version : undefined
  return {
    creator: { id: AI_ACTOR, name: 'AI', source: 'ai' },
    ai: { model: 'AI model', version, requestedBy: who(o.requestedBy), acceptedBy: who(o.acceptedBy),
      suggestion: typeof o.suggestion === 'string' ? o.suggestion : undefined },
    from: 'document',
  }
}

function plain(v: unknown): Record<string, unknown> | undefined {
  if (v && typeof v === 'object') {
    const j = (v as { toJSON?: () => unknown }).toJSON // a Y.Map, should the origin ever be one
    return (typeof j === 'function' && !(v instanceof Date) ? j.call(v) : v) as Record<string, unknown>
  }
  return undefined
}

/** Lines for the hover card: who created the note and when, the AI's provenance, who changed it. */
export function describeCredit(c: NoteCredit): string[] {
  const lines: string[] = []
  const when = (t?: string) => (t ? `, ${formatTime(t)}` : '')
  if (c.ai) {
    // Plain words: the model's version hash stays in the ledger and its exports, not in the card.
    lines.push(`Written by the AI co-writer${when(c.creator.time)}`)
    if (c.ai.requestedBy) lines.push(`Requested by ${displayName(c.ai.requestedBy)}`)
    if (c.ai.acceptedBy) lines.push(`Accepted by ${displayName(c.ai.acceptedBy)}`)
  } else {
    lines.push(`Created by ${c.creator.name}${when(c.creator.time)}`)
  }
  if (c.changedBy) {
    const name = c.changedBy.source === 'ai' ? 'the AI' : c.changedBy.name
    lines.push(`Changed by ${name} (${c.changedBy.fields.join(', ')})${when(c.changedBy.time)}`)
  }
  if (c.from !== 'ledger') lines.push('(the server\'s full record is on its way)')
  return lines
}

/** "26 Nov, 12:57" in the reader's locale; the ISO text itself when it is not a date. */
export function formatTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
}
