// Which stretches of the timeline a span of playing time covers, when a loop wraps it. Playing time
// is counted in "elapsed ticks" since play was pressed; the timeline position is where they land.

export interface Loop { start: number; end: number }

export interface Segment {
  /** Timeline ticks covered, [from, to). */
  from: number
  to: number
  /** Elapsed ticks at which `from` is played. */
  elapsedAt: number
}

/** The timeline position after `elapsed` ticks of playing from `startTick`. */
export function positionAt(elapsed: number, startTick: number, loop?: Loop): number {
  const linear = startTick + elapsed
  if (!loop || startTick >= loop.end || linear < loop.end) return linear
  const length = loop.end - loop.start
  return loop.start + ((linear - loop.end) % length)
}

/** The timeline segments that elapsed ticks [e0, e1) play, in order. */
export function segmentsBetween(e0: number, e1: number, startTick: number, loop?: Loop): Segment[] {
  const out: Segment[] = []
  if (e1 <= e0) return out
  if (!loop || loop.end - loop.start <= 0 || startTick >= loop.end) {
    return [{ from: startTick + e0, to: startTick + e1, elapsedAt: e0 }]
  }
  let e = e0
  while (e < e1) {
    const pos = positionAt(e, startTick, loop)
    const to = Math.min(loop.end, pos + (e1 - e))
    out.push({ from: pos, to, elapsedAt: e })
    e += to - pos
    if (out.length > 10_000) break // a loop of one tick at a huge look-ahead: never spin forever
  }
  return out
}

/** Index of the first note starting at or after `tick` in notes sorted by start. */
export function firstAtOrAfter(starts: ArrayLike<number>, tick: number): number {
  let lo = 0
  let hi = starts.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (starts[mid] < tick) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Beat ticks in [from, to), each with whether it starts a bar (the metronome accents those). */
export function beatsBetween(from: number, to: number, beat: number, bar: number): { tick: number; downbeat: boolean }[] {
  const out: { tick: number; downbeat: boolean }[] = []
  for (let t = Math.ceil(from / beat) * beat; t < to; t += beat) out.push({ tick: t, downbeat: t % bar === 0 })
  return out
}
