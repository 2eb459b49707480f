// The project as a score: for each pitched track a staff, and on it bars of chords and rests spelled as
// note values. Each track is cut at every note start and end and at every bar line; between two cuts
// the same notes sound, so the piece comes out as one chord or one rest at a time, and a note that
// outlasts a cut (a bar line, an overlapping note) carries on as a tied head. Each note's first head
// carries its id: every note of the document is drawn exactly once as a starting head.
import type { Meta, Track } from '../model/schema'
import { type Alter, type Clef, clefFor, keyFifths, signatureAlters, spell, type Spelled, staffPosition } from './pitch-spelling'
import { barUnits, gridUnits, type NoteValue, spellAt, spellDuration, toUnits, UNITS_PER_WHOLE } from './note-values'

export interface Head {
  pitch: number
  spelled: Spelled
  /** Staff position (0 the bottom line). */
  position: number
  /** The accidental written before the head, if the key and the bar so far do not already say it. */
  accidental?: Alter
  /** Ids of the notes that start on this head (empty for a tied continuation). */
  noteIds: string[]
  tiedToNext: boolean
}

export interface StaffEvent {
  bar: number
  /** Units (64ths) from the start of the bar. */
  offset: number
  value: NoteValue
  /** The chord's heads, lowest first; none for a rest. */
  heads: Head[]
  /** A rest that fills its bar: drawn as a whole rest in the middle of the bar, whatever the metre. */
  wholeBar?: boolean
}

export interface Staff {
  trackId: string
  name: string
  clef: Clef
  notes: number
  events: StaffEvent[]
  /** The lowest and highest staff positions drawn (for the room around the staff). */
  low: number
  high: number
}

export interface Score {
  title: string
  meta: Meta
  fifths: number
  barUnits: number
  beatUnits: number
  bars: number
  staves: Staff[]
  /** Names of the tracks not drawn (drum tracks). */
  leftOut: string[]
}

interface Span { id: string; pitch: number; start: number; end: number }

export function buildScore(meta: Meta, tracks: readonly Track[]): Score {
  const fifths = keyFifths(meta.key)
  const bar = barUnits(meta.timeSignature)
  const beat = UNITS_PER_WHOLE / meta.timeSignature[1]
  const grid = gridUnits(meta.timeSignature[1])
  const snap = (ticks: number) => Math.round(toUnits(ticks, meta.ticksPerQuarter) / grid) * grid
  const pitched = tracks.filter((t) => t.role !== 'drums')
  const spans = pitched.map((t) => t.notes.map((n): Span => {
    const start = snap(n.start)
    return { id: n.id, pitch: n.pitch, start, end: Math.max(start + grid, snap(n.start + n.duration)) }
  }))
  const end = spans.flat().reduce((most, s) => Math.max(most, s.end), 0)
  const bars = Math.max(1, Math.ceil(end / bar))
  const staves = pitched.map((t, i) => staffOf(t, spans[i], { meta, fifths, bar, beat, bars }))
  return {
    title: meta.title, meta, fifths, barUnits: bar, beatUnits: beat, bars, staves,
    leftOut: tracks.filter((t) => t.role === 'drums').map((t) => t.name),
  }
}

interface Frame { meta: Meta; fifths: number; bar: number; beat: number; bars: number }

function staffOf(track: Track, spans: Span[], f: Frame): Staff {
  const clef = clefFor(spans.map((s) => s.pitch), track.role)
  const cuts = new Set<number>()
  for (let b = 0; b <= f.bars; b++) cuts.add(b * f.bar)
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end) }
  const times = [...cuts].sort((a, b) => a - b)
  const events: StaffEvent[] = []
  let low = 0
  let high = 8
  // The notes sounding between two cuts, kept as the cuts go by (a 5,000-note track stays linear).
  const byStart = [...spans].sort((a, b) => a.start - b.start)
  let next = 0
  let sounding: Span[] = []
  for (let i = 0; i + 1 < times.length; i++) {
    const [from, to] = [times[i], times[i + 1]]
    const barIndex = Math.floor(from / f.bar)
    const offset = from - barIndex * f.bar
    sounding = sounding.filter((s) => s.end > from)
    while (next < byStart.length && byStart[next].start <= from) sounding.push(byStart[next++])
    if (sounding.length === 0) {
      if (offset === 0 && to - from === f.bar) {
        events.push({ bar: barIndex, offset, value: spellDuration(UNITS_PER_WHOLE)[0], heads: [], wholeBar: true })
        continue
      }
      let at = offset
      for (const value of spellAt(offset, to - from, f.beat)) {
        events.push({ bar: barIndex, offset: at, value, heads: [] })
        at += value.units
      }
      continue
    }
    const pitches = [...new Set(sounding.map((s) => s.pitch))].sort((a, b) => a - b)
    const values = spellAt(offset, to - from, f.beat)
    let at = offset
    values.forEach((value, k) => {
      const heads = pitches.map((pitch): Head => {
        const spelled = spell(pitch, f.meta.key, f.fifths)
        const position = staffPosition(spelled.step, clef)
        low = Math.min(low, position)
        high = Math.max(high, position)
        const same = sounding.filter((s) => s.pitch === pitch)
        return {
          pitch, spelled, position,
          noteIds: k === 0 ? same.filter((s) => s.start === from).map((s) => s.id) : [],
          tiedToNext: k < values.length - 1 || same.some((s) => s.end > to),
        }
      })
      events.push({ bar: barIndex, offset: at, value, heads })
      at += value.units
    })
  }
  markAccidentals(events, f.fifths)
  return { trackId: track.id, name: track.name, clef, notes: spans.length, events, low, high }
}

/**
 * Writes an accidental where the pitch's alteration differs from what the key signature, or an earlier
 * accidental on the same line or space in this bar, already says. A tied continuation writes none.
 */
export function markAccidentals(events: StaffEvent[], fifths: number): void {
  const sig = signatureAlters(fifths)
  let bar = -1
  let state = new Map<number, Alter>()
  for (const e of events) {
    if (e.bar !== bar) { bar = e.bar; state = new Map() }
    for (const h of e.heads) {
      if (h.noteIds.length === 0) continue
      const current = state.get(h.spelled.step) ?? sig[h.spelled.letter]
      if (h.spelled.alter !== current) {
        h.accidental = h.spelled.alter
        state.set(h.spelled.step, h.spelled.alter)
      }
    }
  }
}
