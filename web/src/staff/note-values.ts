// Durations as written note values. The staff view counts time in 64th notes (a quarter is 16), so
// any resolution the document uses comes down to the same small integers; a length the values cannot
// spell exactly (a triplet, a 1/480 nudge) is rounded to the grid first (see toUnits and gridUnits).

/** A 64th note: the staff view's unit of time. */
export const UNITS_PER_QUARTER = 16
export const UNITS_PER_WHOLE = 64

export type Base = 'whole' | 'half' | 'quarter' | 'eighth' | 'sixteenth' | 'thirty-second' | 'sixty-fourth'

export interface NoteValue { base: Base; dots: 0 | 1; units: number }

const BASES: [Base, number][] = [
  ['whole', 64], ['half', 32], ['quarter', 16], ['eighth', 8], ['sixteenth', 4], ['thirty-second', 2], ['sixty-fourth', 1],
]

/** Every value, longest first: each plain value and its dotted form (a dotted 64th is not a whole unit). */
const VALUES: NoteValue[] = BASES.flatMap(([base, units]): NoteValue[] => units >= 2
  ? [{ base, dots: 1, units: units * 1.5 }, { base, dots: 0, units }] : [{ base, dots: 0, units }])

/** Flags (or beams) a value's stem carries: an eighth 1, a sixteenth 2. */
export function flagsOf(base: Base): number {
  return Math.max(0, BASES.findIndex(([b]) => b === base) - 2)
}

/** Ticks to units, rounded to the nearest 64th. */
export function toUnits(ticks: number, ticksPerQuarter: number): number {
  return Math.round((ticks * UNITS_PER_QUARTER) / ticksPerQuarter)
}

/**
 * The grid notes are rounded to: a sixteenth, or the beat if the time signature's beat is shorter
 * (a 5/32 bar is 2.5 sixteenths: its notes are rounded to 32nds so the bar still adds up).
 */
export function gridUnits(denominator: number): number {
  return Math.min(4, UNITS_PER_WHOLE / denominator)
}

export function barUnits(timeSignature: [number, number]): number {
  return (timeSignature[0] * UNITS_PER_WHOLE) / timeSignature[1]
}

/**
 * A length as tied note values, longest first: 16 → [quarter]; 24 → [dotted quarter]; 20 → [quarter,
 * sixteenth]; 40 → [half, eighth]. `units` must be a positive whole number.
 */
export function spellDuration(units: number): NoteValue[] {
  if (!Number.isInteger(units) || units <= 0) throw new RangeError(`not a length in 64ths: ${units}`)
  const out: NoteValue[] = []
  let left = units
  while (left > 0) {
    const v = VALUES.find((x) => x.units <= left)!
    out.push(v)
    left -= v.units
  }
  return out
}

/**
 * A length starting `offset` units into its bar: one that starts off the beat and runs past the next
 * beat is split there, so the beat stays visible (an eighth after the beat held for a dotted quarter is
 * written eighth + quarter, tied); otherwise as spellDuration.
 */
export function spellAt(offset: number, units: number, beatUnits: number): NoteValue[] {
  const intoBeat = offset % beatUnits
  if (intoBeat === 0 || intoBeat + units <= beatUnits) return spellDuration(units)
  const first = beatUnits - intoBeat
  return [...spellDuration(first), ...spellDuration(units - first)]
}

/** "dotted quarter", "sixteenth" — for the summary and tests. */
export function valueName(v: NoteValue): string {
  return (v.dots ? 'dotted ' : '') + v.base
}
