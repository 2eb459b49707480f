// Where things go across the page: each bar gets columns, one per moment something starts on any
// staff (so a chord lines up across the four voices), wider for longer values and where an accidental
// or a dot needs room; bars fill systems as wide as the view, and every full system is stretched to
// the right edge.
import type { Score, StaffEvent } from './score'
import { UNITS_PER_QUARTER } from './note-values'

/** The distance between two staff lines, in pixels: everything on the staff is measured in it. */
export const SPACE = 8

export interface BarPlace {
  index: number
  /** Left edge, from the system's left edge. */
  x: number
  width: number
  /** Each start offset in the bar (units) to its column's x, from the bar's left edge. */
  columns: Map<number, number>
}

export interface SystemPlace {
  first: boolean
  /** Room before the first bar: clef, key signature, and on the first system the time signature. */
  header: number
  bars: BarPlace[]
  width: number
}

export interface Page { left: number; systems: SystemPlace[] }

const CLEF = 3.6 * SPACE
const KEY_ACCIDENTAL = 1.1 * SPACE
const TIME = 3.2 * SPACE
const BAR_LEAD = 1.6 * SPACE
const BAR_TAIL = 0.8 * SPACE

/** A column's width: grows with the square root of the time to the next column, as engravers space. */
export function columnWidth(units: number): number {
  return 1.6 * SPACE + 2.6 * SPACE * Math.sqrt(units / UNITS_PER_QUARTER)
}

function barColumns(score: Score, events: StaffEvent[]): { columns: Map<number, number>; width: number } {
  const offsets = [...new Set(events.map((e) => e.offset))].sort((a, b) => a - b)
  const columns = new Map<number, number>()
  let x = BAR_LEAD
  offsets.forEach((o, i) => {
    const here = events.filter((e) => e.offset === o)
    const accidentals = Math.max(0, ...here.map((e) => e.heads.filter((h) => h.accidental !== undefined).length))
    x += Math.min(accidentals, 2) * SPACE * 1.1 // the accidentals sit left of the heads
    columns.set(o, x)
    const next = offsets[i + 1] ?? score.barUnits
    const dotted = here.some((e) => e.value.dots > 0)
    x += columnWidth(next - o) + (dotted ? SPACE * 0.6 : 0)
  })
  if (offsets.length === 0) x += columnWidth(score.barUnits)
  return { columns, width: x + BAR_TAIL }
}

/** Lays the score's bars out in systems `width` pixels wide, names at the left of the first. */
export function layoutPage(score: Score, width: number, nameWidth: number): Page {
  const byBar: StaffEvent[][] = Array.from({ length: score.bars }, () => [])
  for (const s of score.staves) for (const e of s.events) byBar[e.bar]?.push(e)
  const bars = byBar.map((events, index) => ({ index, ...barColumns(score, events) }))
  const key = Math.abs(score.fifths) * KEY_ACCIDENTAL + SPACE * 0.6
  const left = nameWidth + SPACE * 1.5
  const room = Math.max(width - left - SPACE * 1.5, 10 * SPACE)
  const systems: SystemPlace[] = []
  let i = 0
  while (i < bars.length) {
    const first = systems.length === 0
    const header = CLEF + key + (first ? TIME : 0)
    const chosen: typeof bars = []
    let used = header
    while (i < bars.length && (chosen.length === 0 || used + bars[i].width <= room)) {
      chosen.push(bars[i])
      used += bars[i].width
      i++
    }
    // Stretch a full system to the edge; the last one only when it is most of the way there.
    const natural = used - header
    const stretch = i < bars.length || used / room > 0.7 ? (room - header) / natural : 1
    let x = header
    const placed = chosen.map((b): BarPlace => {
      const w = b.width * Math.max(stretch, 1)
      const f = w / b.width
      const columns = new Map([...b.columns].map(([o, cx]) => [o, BAR_LEAD + (cx - BAR_LEAD) * f]))
      const place = { index: b.index, x, width: w, columns }
      x += w
      return place
    })
    systems.push({ first, header, bars: placed, width: x })
  }
  return { left, systems }
}
