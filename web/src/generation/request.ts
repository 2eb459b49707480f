// What the AI panel asks the server for (docs/generation.md, POST /api/projects/{id}/generate): the
// modes and the voices each writes by default, the region the user means, and the request body.
// Pure logic, unit-tested; the panel only reads its form into a GenerationForm.
import type { Note } from '../model/schema'
import { ticksPerBar, type TimeBase } from '../music/timing'

export const MODES = ['infill', 'harmonize', 'melody', 'variation', 'continue'] as const
export type GenerationMode = (typeof MODES)[number]

export const VOICES = ['soprano', 'alto', 'tenor', 'bass'] as const
export type Voice = (typeof VOICES)[number]

/** What each mode does, shown under the mode's control. */
export const MODE_MEANINGS: Record<GenerationMode, string> = {
  infill: 'Write the region afresh in the chosen voices.',
  harmonize: 'Keep the melody (soprano) and write the lower voices under it.',
  melody: 'Write a soprano melody over the lower voices already there.',
  variation: 'Start from the region\'s notes and rewrite part of them (strength: how much).',
  continue: 'Append new bars after the last note of the piece.',
}

/** The voices a mode writes when the user does not choose (the server's defaults). */
export function defaultVoices(mode: GenerationMode): Voice[] {
  switch (mode) {
    case 'harmonize': return ['alto', 'tenor', 'bass']
    case 'melody': return ['soprano']
    default: return [...VOICES]
  }
}

/** Whether a voice may be written in a mode (harmonize keeps the soprano as it is). */
export function voiceAllowed(mode: GenerationMode, voice: Voice): boolean {
  return !(mode === 'harmonize' && voice === 'soprano')
}

/** A region of whole bars as people count them: from bar `first` to bar `last`, both included, from 1. */
export interface BarRange { first: number; last: number }

/** The longest region one request may write (the server's limit): a whole chorale in one request. */
export const MAX_REGION_BARS = 64

/**
 * The region the user most likely means: the loop if one is set, else the bars the selected notes
 * touch, else the bar under the keyboard cursor.
 */
export function defaultRegion(time: TimeBase, loop: { start: number; end: number } | undefined,
  selected: readonly Note[], caretTick: number): BarRange {
  const bar = ticksPerBar(time)
  const span = (start: number, end: number): BarRange => {
    const first = Math.floor(start / bar)
    const last = Math.max(first, Math.ceil(end / bar) - 1)
    return { first: first + 1, last: Math.min(last, first + MAX_REGION_BARS - 1) + 1 }
  }
  if (loop && loop.end > loop.start) return span(loop.start, loop.end)
  if (selected.length > 0) {
    return span(Math.min(...selected.map((n) => n.start)), Math.max(...selected.map((n) => n.start + n.duration)))
  }
  return span(caretTick, caretTick + 1)
}

/** "bar 3" or "bars 3–4". */
export function describeBars(r: BarRange): string {
  return r.first === r.last ? `bar ${r.first}` : `bars ${r.first}–${r.last}`
}

export interface Sliders { surprise: number; happy: number; busy: number; different: number }

export const SLIDERS: { key: keyof Sliders; label: string; low: string; high: string }[] = [
  { key: 'surprise', label: 'Conventional or surprising', low: 'conventional', high: 'surprising' },
  { key: 'happy', label: 'Sad or happy', low: 'sad', high: 'happy' },
  { key: 'busy', label: 'Sparse or busy', low: 'sparse', high: 'busy' },
  { key: 'different', label: 'Similar or different', low: 'similar', high: 'different' },
]

/** Everything the panel's form holds. */
export interface GenerationForm {
  mode: GenerationMode
  region: BarRange
  /** `continue` only: bars to append. */
  bars: number
  voices: Voice[]
  sliders: Sliders
  strength: number
  keyLock: boolean
  rangeLock: boolean
  /** Strict part-writing: no parallel fifths or octaves (in contrary motion either), leaps limited, no voice crossing, leading tone resolved. */
  strictLock: boolean
  candidates: number
  /** Empty for a random seed. */
  seed: string
}

export class FormError extends Error {}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))

/** The JSON body for POST …/generate, or a FormError saying what to fix before asking. */
export function requestBody(f: GenerationForm): Record<string, unknown> {
  const voices = VOICES.filter((v) => f.voices.includes(v) && voiceAllowed(f.mode, v))
  if (voices.length === 0) throw new FormError('Choose at least one voice for the AI to write.')
  if (!Number.isInteger(f.candidates) || f.candidates < 1 || f.candidates > 8) {
    throw new FormError('Ask for 1 to 8 candidates.')
  }
  const body: Record<string, unknown> = { mode: f.mode }
  if (f.mode === 'continue') {
    if (!Number.isInteger(f.bars) || f.bars < 1 || f.bars > 8) throw new FormError('Continue by 1 to 8 bars.')
    body.region = { voices }
    body.bars = f.bars
  } else {
    const { first, last } = f.region
    if (!Number.isInteger(first) || !Number.isInteger(last) || first < 1 || last < first) {
      throw new FormError('The region needs a first bar of 1 or more and a last bar not before it.')
    }
    if (last - first + 1 > MAX_REGION_BARS) throw new FormError(`The region can be at most ${MAX_REGION_BARS} bars long.`)
    // The API counts bars from 0 and its end is the bar after the region.
    body.region = { startBar: first - 1, endBar: last, voices }
  }
  body.candidates = f.candidates
  const seed = f.seed.trim()
  if (seed !== '') {
    const n = Number(seed)
    if (!Number.isSafeInteger(n) || n < 0) throw new FormError('The seed is a whole number from 0 (or leave it empty).')
    body.seed = n
  }
  const round = (v: number) => Math.round(clamp(v, -1, 1) * 100) / 100
  body.sliders = { surprise: round(f.sliders.surprise), happy: round(f.sliders.happy), busy: round(f.sliders.busy),
    different: round(f.sliders.different) }
  if (f.mode === 'variation') body.strength = Math.round(clamp(f.strength, 0.05, 1) * 100) / 100
  body.keyLock = f.keyLock
  if (f.rangeLock) body.rangeLock = true
  // Sent either way: the server's default is on, and the panel shows the box as it will be used.
  body.strictLock = f.strictLock
  return body
}
