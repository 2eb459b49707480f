// Pitch names and keys. MIDI note 60 is middle C, written C4.

const SHARP_NAMES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B']
const FLAT_NAMES = ['C', 'Db', 'D', 'Eb', 'E', 'F', 'Gb', 'G', 'Ab', 'A', 'Bb', 'B']

export type Mode = 'major' | 'minor'
export interface Key { tonic: string; mode: Mode }

/** Tonics a key signature can write (at most seven sharps or flats), as the schema allows them. */
export const TONICS: Record<Mode, readonly string[]> = {
  major: ['C', 'G', 'D', 'A', 'E', 'B', 'F#', 'C#', 'F', 'Bb', 'Eb', 'Ab', 'Db', 'Gb', 'Cb'],
  minor: ['A', 'E', 'B', 'F#', 'C#', 'G#', 'D#', 'A#', 'D', 'G', 'C', 'F', 'Bb', 'Eb', 'Ab'],
}

const LETTER_PC: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 }

/** The pitch class (0–11) of a tonic such as "F#" or "Bb"; undefined when it is not one. */
export function pitchClassOf(tonic: string): number | undefined {
  const m = /^([A-G])([#b]?)$/.exec(tonic)
  if (!m) return undefined
  const shift = m[2] === '#' ? 1 : m[2] === 'b' ? -1 : 0
  return (LETTER_PC[m[1]] + shift + 12) % 12
}

export function isValidKey(key: Key): boolean {
  return TONICS[key.mode]?.includes(key.tonic) ?? false
}

/** Whether the key is written with flats (then pitches are named with flats too). */
export function prefersFlats(key: Key): boolean {
  return key.tonic.endsWith('b') || (key.mode === 'major' && key.tonic === 'F')
    || (key.mode === 'minor' && ['D', 'G', 'C', 'F'].includes(key.tonic))
}

/** "C4", "F#5" or, in flat keys, "Bb3". */
export function pitchName(pitch: number, preferFlats = false): string {
  const names = preferFlats ? FLAT_NAMES : SHARP_NAMES
  return names[((pitch % 12) + 12) % 12] + String(Math.floor(pitch / 12) - 1)
}

/** The same name as words for screen readers: "F sharp 5", "B flat 3". */
export function spokenPitchName(pitch: number, preferFlats = false): string {
  return pitchName(pitch, preferFlats).replace('#', ' sharp ').replace(/^([A-G])b/, '$1 flat ').replace(/\s+/g, ' ')
}

export function isBlackKey(pitch: number): boolean {
  return [1, 3, 6, 8, 10].includes(((pitch % 12) + 12) % 12)
}

/** Whether a pitch belongs to the key's scale (natural minor, plus the raised seventh in minor). */
export function inScale(pitch: number, key: Key): boolean {
  const tonic = pitchClassOf(key.tonic) ?? 0
  const degree = (((pitch - tonic) % 12) + 12) % 12
  const steps = key.mode === 'major' ? [0, 2, 4, 5, 7, 9, 11] : [0, 2, 3, 5, 7, 8, 10, 11]
  return steps.includes(degree)
}
