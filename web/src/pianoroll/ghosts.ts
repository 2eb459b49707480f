// Ghost notes: the AI's pending candidates drawn over the roll in their track's lane. They are told
// apart from real notes by shape, not colour alone: no solid body, a dashed outline and an "AI" tag.
// The focused candidate is drawn strong; the others faint (or not at all, by the panel's toggle).
import type { Scene, View } from './render'
import { GUTTER, type Lane, laneAt, pitchAt, RULER, tickAt, xOfTick, yOfPitch } from './layout'

export interface GhostNote {
  id: string
  trackId: string
  pitch: number
  start: number
  duration: number
  /** Whether the note is among those an "accept selected" would take (drawn weaker when not). */
  picked: boolean
}

export interface GhostSet {
  suggestionId: string
  /** Short tag drawn at the candidate's first note in each lane, e.g. "AI 2". */
  tag: string
  focused: boolean
  notes: GhostNote[]
}

export function drawGhosts(ctx: CanvasRenderingContext2D, s: Scene, v: View): void {
  const sets = s.ghosts
  if (!sets || sets.length === 0) return
  const laneOf = new Map(s.tracks.map((t, i) => [t.id, s.lanes[i]]))
  const firstTick = Math.max(0, v.scrollX / v.pxPerTick)
  const lastTick = (v.scrollX + v.width - GUTTER) / v.pxPerTick
  ctx.save()
  ctx.font = 'bold 10px system-ui, sans-serif'
  // Faint ones first, so the focused candidate is drawn on top.
  for (const set of [...sets].sort((a, b) => Number(a.focused) - Number(b.focused))) {
    const tagged = new Set<string>()
    for (const n of set.notes) {
      const lane = laneOf.get(n.trackId)
      if (!lane || n.start > lastTick || n.start + n.duration < firstTick) continue
      const x = xOfTick(n.start, v.scrollX, v.pxPerTick)
      const y = yOfPitch(lane, Math.max(lane.low, Math.min(lane.high, n.pitch)), v.rowHeight) - v.scrollY
      if (y > v.height || y + v.rowHeight < 0) continue
      const w = Math.max(3, n.duration * v.pxPerTick - 1)
      const color = s.trackColors.get(n.trackId) ?? '#3a7bd5'
      const strong = set.focused && n.picked
      ctx.globalAlpha = set.focused ? (n.picked ? 1 : 0.45) : 0.4
      ctx.fillStyle = 'rgba(255, 255, 255, 0.55)'
      ctx.fillRect(x, y + 1, w, v.rowHeight - 2)
      ctx.fillStyle = color
      ctx.globalAlpha *= 0.3
      ctx.fillRect(x, y + 1, w, v.rowHeight - 2)
      ctx.globalAlpha = set.focused ? (n.picked ? 1 : 0.45) : 0.4
      ctx.strokeStyle = strong ? '#1d2330' : color
      ctx.lineWidth = strong ? 2 : 1
      ctx.setLineDash(strong ? [5, 3] : [2, 3])
      ctx.strokeRect(x + 0.5, y + 1.5, w - 1, v.rowHeight - 3)
      if (set.focused && !tagged.has(n.trackId)) {
        tagged.add(n.trackId)
        ctx.setLineDash([])
        ctx.fillStyle = '#1d2330'
        ctx.fillText(set.tag, x + 2, Math.max(10, y - 2))
      }
    }
  }
  ctx.restore()
}

/**
 * The ghost note under a point of the canvas (x, y in view pixels, the gutter and ruler included), if
 * any: in the lane under it, at the row it is drawn in (pitches beyond the lane are drawn at its edge).
 */
export function ghostAt<N extends { trackId?: string; track?: string; pitch: number; start: number; duration: number }>(
  notes: readonly N[], layout: { lanes: Lane[] }, at: { x: number; y: number },
  v: { scrollX: number; scrollY: number; pxPerTick: number; rowHeight: number }): N | undefined {
  if (at.x < GUTTER || at.y < RULER) return undefined
  const cy = at.y + v.scrollY
  const lane = laneAt(layout.lanes, cy)
  if (!lane) return undefined
  const pitch = pitchAt(lane, cy, v.rowHeight)
  const tick = tickAt(at.x, v.scrollX, v.pxPerTick)
  for (let i = notes.length - 1; i >= 0; i--) {
    const n = notes[i]
    if ((n.trackId ?? n.track) !== lane.trackId) continue
    if (Math.max(lane.low, Math.min(lane.high, n.pitch)) !== pitch) continue
    if (tick >= n.start && tick < n.start + n.duration) return n
  }
  return undefined
}

/** Words for the focused candidate's ghost note under the keyboard cursor, appended to the cursor's description. */
export function ghostHere(sets: readonly GhostSet[], trackId: string, tick: number, pitch: number): string {
  const set = sets.find((s) => s.focused)
  const n = set?.notes.find((g) => g.trackId === trackId && g.pitch === pitch && g.start <= tick && tick < g.start + g.duration)
  return set && n ? `. Under it: a ghost note of ${set.tag.replace(/^AI/, 'AI candidate')}${n.picked ? '' : ', left out'}` : ''
}
