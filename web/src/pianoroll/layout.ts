// Where things are on the piano roll: tracks stacked as lanes, each showing the pitch range its part
// needs; x is ticks times the zoom, after a gutter that names the lane and its C rows.
import type { Note, Track, TrackRole } from '../model/schema'
import { DRUM_ROWS } from '../sound/instruments'

export const GUTTER = 64
export const RULER = 22
export const LANE_GAP = 6

/** The pitches each part's lane shows at least (a voice's usual range, with some air). */
const ROLE_RANGES: Record<TrackRole, [number, number]> = {
  soprano: [57, 84], alto: [52, 77], tenor: [45, 72], bass: [33, 64],
  melody: [55, 88], chords: [43, 79], drums: [35, 81], other: [48, 84],
}

export interface Lane {
  trackId: string
  top: number
  /** Lowest and highest pitch shown, inclusive. */
  low: number
  high: number
  height: number
  /** This lane's row height in pixels (lanes can be zoomed apart from the others). */
  rowHeight?: number
  /**
   * A drum lane's rows, top to bottom: the General MIDI kit pieces (channel 10's key map) it shows by
   * name instead of a chromatic range — the usual kit, and any other key a note of it uses.
   */
  rows?: number[]
}

/** A drum lane's rows are at least this tall, so that the kit pieces' names can be read. */
export const DRUM_ROW_MIN = 12

/** The kit pieces a drum track shows: the usual kit, with any other key its notes use in key order among them. */
export function drumRows(track: Track): number[] {
  const extra = [...new Set(track.notes.map((n) => n.pitch))].filter((p) => !DRUM_ROWS.includes(p)).sort((a, b) => b - a)
  return [...extra.filter((p) => p > 51), ...DRUM_ROWS, ...extra.filter((p) => p <= 51)]
}

/** The row heights a lane can be given, smallest first (the roll's default is 8). */
export const ROW_HEIGHTS = [5, 8, 12, 16, 24] as const

/** A lane's pitch range: its role's, widened to keep every note two semitones from the edge. */
export function laneRange(track: Track): [number, number] {
  let [low, high] = ROLE_RANGES[track.role]
  for (const n of track.notes) {
    if (n.pitch - 2 < low) low = n.pitch - 2
    if (n.pitch + 2 > high) high = n.pitch + 2
  }
  return [Math.max(0, low), Math.min(127, high)]
}

/** Lanes stacked from the top; `rowHeights` gives some tracks their own row height. */
export function layoutLanes(tracks: Track[], rowHeight: number, rowHeights?: ReadonlyMap<string, number>): Lane[] {
  let top = RULER
  return tracks.map((t) => {
    if (t.role === 'drums') {
      const rows = drumRows(t)
      const rh = rowHeights?.get(t.id) ?? Math.max(rowHeight, DRUM_ROW_MIN)
      const lane = { trackId: t.id, top, low: Math.min(...rows), high: Math.max(...rows), height: rows.length * rh, rowHeight: rh, rows }
      top += lane.height + LANE_GAP
      return lane
    }
    const [low, high] = laneRange(t)
    const rh = rowHeights?.get(t.id) ?? rowHeight
    const height = (high - low + 1) * rh
    const lane = { trackId: t.id, top, low, high, height, rowHeight: rh }
    top += height + LANE_GAP
    return lane
  })
}

export function totalHeight(lanes: Lane[]): number {
  const last = lanes[lanes.length - 1]
  return last ? last.top + last.height + LANE_GAP : RULER
}

/** The lane under a content y (scroll included), if any. */
export function laneAt(lanes: Lane[], y: number): Lane | undefined {
  return lanes.find((l) => y >= l.top && y < l.top + l.height)
}

/** The pitch at a content y; the lane's own row height wins over the roll's `rowHeight`. */
export function pitchAt(lane: Lane, y: number, rowHeight: number): number {
  const row = Math.floor((y - lane.top) / (lane.rowHeight ?? rowHeight))
  if (lane.rows) return lane.rows[Math.max(0, Math.min(lane.rows.length - 1, row))]
  return Math.max(lane.low, Math.min(lane.high, lane.high - row))
}

export function yOfPitch(lane: Lane, pitch: number, rowHeight: number): number {
  return lane.top + rowOf(lane, pitch) * (lane.rowHeight ?? rowHeight)
}

/** The row (from the top) a pitch is drawn on; in a drum lane a key it does not show takes the nearest row. */
export function rowOf(lane: Lane, pitch: number): number {
  if (!lane.rows) return lane.high - pitch
  const i = lane.rows.indexOf(pitch)
  if (i >= 0) return i
  let best = 0
  lane.rows.forEach((p, k) => { if (Math.abs(p - pitch) < Math.abs(lane.rows![best] - pitch)) best = k })
  return best
}

/** The pitches a lane shows, top to bottom. */
export function lanePitches(lane: Lane): number[] {
  if (lane.rows) return lane.rows
  const out: number[] = []
  for (let p = lane.high; p >= lane.low; p--) out.push(p)
  return out
}

/** The pitch `steps` rows up (positive) or down from `pitch`, kept in the lane. */
export function stepPitch(lane: Lane, pitch: number, steps: number): number {
  if (!lane.rows) return Math.max(lane.low, Math.min(lane.high, pitch + steps))
  const row = Math.max(0, Math.min(lane.rows.length - 1, rowOf(lane, pitch) - steps))
  return lane.rows[row]
}

/** `pitch` if the lane shows it, else the nearest pitch it shows (in a drum lane, the snare). */
export function nearestPitch(lane: Lane, pitch: number): number {
  if (lane.rows && !lane.rows.includes(pitch)) return lane.rows.includes(SNARE) ? SNARE : lane.rows[0]
  return stepPitch(lane, pitch, 0)
}

const SNARE = 38

/** The tick under a view x (pixels from the view's left edge, gutter included). */
export function tickAt(x: number, scrollX: number, pxPerTick: number): number {
  return Math.max(0, (x - GUTTER + scrollX) / pxPerTick)
}

export function xOfTick(tick: number, scrollX: number, pxPerTick: number): number {
  return GUTTER + tick * pxPerTick - scrollX
}

/** What a pointer at (tick, pitch) touches: a note's body, its end (to lengthen), or nothing. */
export function hitNote(notes: Note[], tick: number, pitch: number, endSlackTicks: number):
  { note: Note; part: 'body' | 'end' } | undefined {
  for (let i = notes.length - 1; i >= 0; i--) {
    const n = notes[i]
    if (n.pitch !== pitch) continue
    const end = n.start + n.duration
    if (tick >= n.start && tick < end + endSlackTicks / 2) {
      return { note: n, part: tick >= end - endSlackTicks && n.duration > endSlackTicks ? 'end' : 'body' }
    }
  }
  return undefined
}

/** Ticks the content spans: past the last note, rounded up to bars, with room to write on. */
export function contentTicks(tracks: Track[], ticksPerBar: number): number {
  let end = 0
  for (const t of tracks) for (const n of t.notes) end = Math.max(end, n.start + n.duration)
  return Math.max(16 * ticksPerBar, (Math.ceil(end / ticksPerBar) + 8) * ticksPerBar)
}
