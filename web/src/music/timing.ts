// Musical time: ticks (the document's unit) against bars, beats and seconds.

export interface TimeBase {
  ticksPerQuarter: number
  tempoBpm: number
  timeSignature: [number, number]
}

/** Ticks in one beat of the time signature (a 6/8 beat is an eighth: half a quarter). */
export function ticksPerBeat(t: TimeBase): number {
  return (t.ticksPerQuarter * 4) / t.timeSignature[1]
}

export function ticksPerBar(t: TimeBase): number {
  return ticksPerBeat(t) * t.timeSignature[0]
}

export function secondsPerTick(t: TimeBase): number {
  return 60 / t.tempoBpm / t.ticksPerQuarter
}

export function ticksToSeconds(ticks: number, t: TimeBase): number {
  return ticks * secondsPerTick(t)
}

export function secondsToTicks(seconds: number, t: TimeBase): number {
  return seconds / secondsPerTick(t)
}

/** Bar and beat counted from 1, and the ticks left over inside the beat. */
export function barBeat(tick: number, t: TimeBase): { bar: number; beat: number; offset: number } {
  const bar = Math.floor(tick / ticksPerBar(t))
  const inBar = tick - bar * ticksPerBar(t)
  const beat = Math.floor(inBar / ticksPerBeat(t))
  return { bar: bar + 1, beat: beat + 1, offset: inBar - beat * ticksPerBeat(t) }
}

/** "bar 3 beat 2" or "bar 3 beat 2 and 1/2": where a note starts, in words. */
export function describePosition(tick: number, t: TimeBase): string {
  const { bar, beat, offset } = barBeat(tick, t)
  const base = `bar ${bar} beat ${beat}`
  if (offset === 0) return base
  return `${base} plus ${describeLength(offset, t.ticksPerQuarter)}`
}

const LENGTH_NAMES: [number, string][] = [
  [16, 'whole'], [12, 'dotted half'], [8, 'half'], [6, 'dotted quarter'], [4, 'quarter'],
  [3, 'dotted eighth'], [2, 'eighth'], [1, 'sixteenth'],
]

/** "quarter", "dotted half", "2 quarters and a sixteenth" — a length in words. */
export function describeLength(ticks: number, ticksPerQuarter: number): string {
  const sixteenth = ticksPerQuarter / 4
  const units = ticks / sixteenth
  for (const [n, name] of LENGTH_NAMES) if (units === n) return name
  if (ticks * 3 === ticksPerQuarter) return 'triplet eighth'
  if (Number.isInteger(units) && units > 16 && units % 16 === 0) return `${units / 16} whole notes`
  return `${Math.round((ticks / ticksPerQuarter) * 100) / 100} quarters`
}
