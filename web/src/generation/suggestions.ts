// The AI's pending candidates as the document holds them (docs/generation.md, "Suggestions in the
// document"): the `suggestions` Y.Map, written only by the server. Read defensively — an entry that
// does not have the documented shape is skipped, a note that is not a valid note is left out.
import * as Y from 'yjs'
import { isValidNote, type Note } from '../model/schema'

export const SUGGESTIONS_KEY = 'suggestions'

export interface SuggestedNote extends Note {
  /** The track the note goes into when accepted. */
  track: string
  voice: string
}

export interface Suggestion {
  id: string
  job: string
  /** 1-based. */
  candidate: number
  /** How many candidates the job asked for (from its parameters), when known. */
  of?: number
  mode: string
  region: { startTick: number; endTick: number; voices: string[] }
  requestedBy: { id: string; name: string }
  createdAt: string
  notes: SuggestedNote[]
}

const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : d)
const plain = (v: unknown): Record<string, unknown> =>
  (v !== null && typeof v === 'object' && !(v instanceof Y.AbstractType) ? v as Record<string, unknown> : {})

function readNote(m: unknown): SuggestedNote | undefined {
  if (!(m instanceof Y.Map)) return undefined
  const n = {
    id: m.get('id'), pitch: m.get('pitch'), start: m.get('start'), duration: m.get('duration'),
    velocity: m.get('velocity'), track: m.get('track'), voice: m.get('voice'),
  }
  if (!isValidNote(n) || typeof n.track !== 'string' || n.track === '') return undefined
  return { ...n, track: n.track, voice: str(n.voice) }
}

/** One entry of the map, or undefined when it is not a pending suggestion. */
export function readSuggestion(key: string, entry: unknown): Suggestion | undefined {
  if (!(entry instanceof Y.Map)) return undefined
  if (entry.get('status') !== undefined && entry.get('status') !== 'pending') return undefined
  const region = plain(entry.get('region'))
  const startTick = region.startTick
  const endTick = region.endTick
  if (typeof startTick !== 'number' || typeof endTick !== 'number' || endTick < startTick) return undefined
  const notesArr = entry.get('notes')
  const notes = notesArr instanceof Y.Array ? notesArr.toArray().map(readNote).filter((n): n is SuggestedNote => !!n) : []
  notes.sort((a, b) => a.start - b.start || a.pitch - b.pitch)
  const who = plain(entry.get('requestedBy'))
  const params = plain(entry.get('parameters'))
  const candidate = entry.get('candidate')
  return {
    id: str(entry.get('id'), key),
    job: str(entry.get('job')),
    candidate: typeof candidate === 'number' ? candidate : 1,
    of: typeof params.candidates === 'number' ? params.candidates : undefined,
    mode: str(entry.get('mode'), 'infill'),
    region: { startTick, endTick, voices: Array.isArray(region.voices) ? region.voices.filter((v): v is string => typeof v === 'string') : [] },
    requestedBy: { id: str(who.id), name: str(who.name, str(who.id, 'someone')) },
    createdAt: str(entry.get('createdAt')),
    notes,
  }
}

/** Every pending suggestion, oldest job first, candidates in order. */
export function readSuggestions(doc: Y.Doc): Suggestion[] {
  const out: Suggestion[] = []
  doc.getMap(SUGGESTIONS_KEY).forEach((entry, key) => {
    const s = readSuggestion(key, entry)
    if (s) out.push(s)
  })
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.job.localeCompare(b.job) || a.candidate - b.candidate)
}

/** Calls `listener` with the pending suggestions whenever the map (or anything in it) changes. */
export function watchSuggestions(doc: Y.Doc, listener: (all: Suggestion[]) => void): () => void {
  const map = doc.getMap(SUGGESTIONS_KEY)
  const fire = () => listener(readSuggestions(doc))
  map.observeDeep(fire)
  return () => map.unobserveDeep(fire)
}

/** "Candidate 2 of 4, harmonize, asked by Alice at 14:05, 11 notes" (the time tells two requests apart, not an id). */
export function describeSuggestion(s: Suggestion): string {
  const of = s.of ? ` of ${s.of}` : ''
  const at = clockTime(s.createdAt)
  return `Candidate ${s.candidate}${of}, ${s.mode}, asked by ${s.requestedBy.name}${at ? ` at ${at}` : ''}, `
    + `${s.notes.length} note${s.notes.length === 1 ? '' : 's'}`
}

/** "14:05" in the reader's locale, or "" when the text is not a time. */
function clockTime(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
}
