// Where a pitch sits on a staff: its written letter and accidental in the project's key, and its line
// or space under a treble or bass clef. The staff view draws from these; nothing here touches the DOM.
import { pitchClassOf, type Key } from '../music/pitch'

export type Clef = 'treble' | 'bass'
/** -1 flat, 0 natural, +1 sharp. */
export type Alter = -1 | 0 | 1

const LETTERS = ['C', 'D', 'E', 'F', 'G', 'A', 'B'] as const
const NATURAL_PC = [0, 2, 4, 5, 7, 9, 11]
const SHARP_ORDER = [3, 0, 4, 1, 5, 2, 6] // F C G D A E B, as letter indexes
const FLAT_ORDER = [6, 2, 5, 1, 4, 0, 3] // B E A D G C F

const MAJOR_FIFTHS: Record<string, number> = {
  C: 0, G: 1, D: 2, A: 3, E: 4, B: 5, 'F#': 6, 'C#': 7, F: -1, Bb: -2, Eb: -3, Ab: -4, Db: -5, Gb: -6, Cb: -7,
}

/** Sharps (positive) or flats (negative) in the key's signature: G major 1, E minor 1, F major -1. */
export function keyFifths(key: Key): number {
  if (key.mode === 'major') return MAJOR_FIFTHS[key.tonic] ?? 0
  // A minor shares C major's signature: the relative major is three semitones up, spelled a third up.
  const letter = LETTERS.indexOf(key.tonic[0] as (typeof LETTERS)[number])
  const pc = pitchClassOf(key.tonic) ?? 9
  const majorLetter = LETTERS[(letter + 2) % 7]
  const alter = ((pc + 3 - NATURAL_PC[(letter + 2) % 7]) % 12 + 12) % 12
  const name = majorLetter + (alter === 1 ? '#' : alter === 11 ? 'b' : '')
  return MAJOR_FIFTHS[name] ?? 0
}

/** The alteration the key signature gives each letter (C..B). */
export function signatureAlters(fifths: number): Alter[] {
  const alters: Alter[] = [0, 0, 0, 0, 0, 0, 0]
  if (fifths > 0) for (const l of SHARP_ORDER.slice(0, fifths)) alters[l] = 1
  if (fifths < 0) for (const l of FLAT_ORDER.slice(0, -fifths)) alters[l] = -1
  return alters
}

/** A written pitch: letter index (0 = C), octave (4 = middle C's), alteration, and its diatonic step. */
export interface Spelled { letter: number; octave: number; alter: Alter; step: number }

/**
 * Spells a MIDI pitch in a key: as the signature writes it when one letter fits (no accidental), else
 * the natural letter, else raised in sharp keys and lowered in flat ones; in minor the leading tone is
 * always the letter below the tonic raised (G# in A minor, C# in D minor, B natural in C minor).
 */
export function spell(pitch: number, key: Key, fifths = keyFifths(key)): Spelled {
  const pc = ((pitch % 12) + 12) % 12
  const sig = signatureAlters(fifths)
  const candidates: { letter: number; alter: Alter }[] = []
  for (let l = 0; l < 7; l++) {
    for (const a of [-1, 0, 1] as Alter[]) if ((NATURAL_PC[l] + a + 12) % 12 === pc) candidates.push({ letter: l, alter: a })
  }
  const tonicLetter = LETTERS.indexOf(key.tonic[0] as (typeof LETTERS)[number])
  const tonicPc = pitchClassOf(key.tonic) ?? 0
  const leading = key.mode === 'minor' && pc === (tonicPc + 11) % 12
    ? candidates.find((c) => c.letter === (tonicLetter + 6) % 7) : undefined
  const direction: Alter = fifths < 0 ? -1 : 1
  const chosen = leading
    ?? candidates.find((c) => c.alter === sig[c.letter])
    ?? candidates.find((c) => c.alter === 0)
    ?? candidates.find((c) => c.alter === direction)
    ?? candidates[0]
  // B#3 sounds as C4 and Cb4 as B3: the octave follows the letter, not the sounding pitch.
  const octave = Math.floor((pitch - chosen.alter) / 12) - 1
  return { letter: chosen.letter, octave, alter: chosen.alter, step: octave * 7 + chosen.letter }
}

/** Diatonic step of each clef's bottom line: E4 for treble, G2 for bass. */
const BOTTOM_LINE: Record<Clef, number> = { treble: 4 * 7 + 2, bass: 2 * 7 + 4 }

/** Staff position: 0 the bottom line, 1 the space above it, 8 the top line; negative below the staff. */
export function staffPosition(step: number, clef: Clef): number {
  return step - BOTTOM_LINE[clef]
}

/** Positions of the ledger lines a note at `position` needs (even positions outside 0..8). */
export function ledgerLines(position: number): number[] {
  const out: number[] = []
  for (let p = -2; p >= position; p -= 2) out.push(p)
  for (let p = 10; p <= position; p += 2) out.push(p)
  return out
}

/** Positions of the signature's accidentals, in the order they are written. */
export function signaturePositions(fifths: number, clef: Clef): number[] {
  const treble = fifths >= 0 ? [8, 5, 9, 6, 3, 7, 4] : [4, 7, 3, 6, 2, 5, 1]
  const shift = clef === 'bass' ? -2 : 0
  return treble.slice(0, Math.abs(fifths)).map((p) => p + shift)
}

const WHITE_STEP = [0, 0, 1, 1, 2, 3, 3, 4, 4, 5, 5, 6]

/**
 * A track's clef by its range: the one whose notes need fewer ledger lines, a voice's usual clef
 * (treble, or bass for tenor and bass parts) counting half a ledger line per note in its favour. With
 * no notes, the usual clef. A chorale's tenor in G major (A3 to C4) is in bass clef; in E minor (F#4
 * to A4) it reads better in treble.
 */
export function clefFor(pitches: readonly number[], role: string): Clef {
  const usual: Clef = role === 'tenor' || role === 'bass' ? 'bass' : 'treble'
  const cost = (clef: Clef) => pitches.reduce((sum, p) => {
    const step = (Math.floor(p / 12) - 1) * 7 + WHITE_STEP[((p % 12) + 12) % 12]
    return sum + ledgerLines(staffPosition(step, clef)).length + (clef === usual ? 0 : 0.5)
  }, 0)
  const other: Clef = usual === 'bass' ? 'treble' : 'bass'
  return cost(other) < cost(usual) ? other : usual
}

/** "G major, 1 sharp", "D minor, 1 flat", "C major, no sharps or flats". */
export function describeKey(key: Key, fifths = keyFifths(key)): string {
  const n = Math.abs(fifths)
  const what = n === 0 ? 'no sharps or flats' : `${n} ${fifths > 0 ? 'sharp' : 'flat'}${n === 1 ? '' : 's'}`
  return `${key.tonic.replace('#', ' sharp').replace(/^([A-G])b$/, '$1 flat')} ${key.mode}, ${what}`
}

