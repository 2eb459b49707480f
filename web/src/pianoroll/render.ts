// Draws the piano roll on a canvas: only what is in view, so that a project of thousands of notes
// redraws in a frame.
import type { Note, Track } from '../model/schema'
import { isBlackKey, pitchName } from '../music/pitch'
import { ticksPerBar, ticksPerBeat, type TimeBase } from '../music/timing'
import { drawGhosts, type GhostSet } from './ghosts'
import { GUTTER, RULER, type Lane, lanePitches, xOfTick, yOfPitch } from './layout'
import { kitPieceName } from '../sound/instruments'

/** Notes narrower or lower than this (px) carry no name: it would not be readable. */
const NAME_MIN_WIDTH = 24
const NAME_MIN_ROW = 11

export interface Caret { trackId: string; tick: number; pitch: number; length: number }

export interface RemoteMarks { name: string; color: string; selection: Set<string>; playhead?: number; cursor?: RemoteCursor }

/** Where another person's keyboard cursor is: drawn as a frame in their colour with their name. */
export interface RemoteCursor { trackId: string; tick: number; pitch: number }

/** The piano keys in the gutter start here (x, px): click one to hear it. */
export const KEYS_X = 44

export interface Scene {
  tracks: Track[]
  lanes: Lane[]
  time: TimeBase
  flats: boolean
  grid: number
  selection: Set<string>
  activeTrackId?: string
  caret?: Caret
  /** A gutter key being pressed (sounding), drawn down in its track's colour. */
  pressedKey?: { trackId: string; pitch: number }
  /** Notes being dragged, drawn where they would land. */
  preview?: Map<string, Note>
  /** A rubber band in content coordinates. */
  box?: { x0: number; y0: number; x1: number; y1: number }
  others: RemoteMarks[]
  playhead?: number
  loop?: { start: number; end: number }
  focused: boolean
  trackColors: Map<string, string>
  noteStyle?: (note: Note, track: Track) => NoteLook | undefined
  /** The AI's pending candidates, drawn as ghost notes (ghosts.ts). */
  ghosts?: GhostSet[]
  /** Notes a part-writing finding concerns (src/partwriting/): drawn with a warning mark. */
  marks?: ReadonlyMap<string, unknown>
}

/** A note's own look (the attribution view's author colours and AI marks), instead of its track's colour. */
export interface NoteLook {
  fill: string
  /** Draws marks over the filled note rectangle. */
  decorate?: (ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) => void
}

export interface View { width: number; height: number; scrollX: number; scrollY: number; pxPerTick: number; rowHeight: number }

export function render(ctx: CanvasRenderingContext2D, s: Scene, v: View): void {
  const { width, height, scrollX, scrollY, pxPerTick } = v
  ctx.clearRect(0, 0, width, height)
  ctx.fillStyle = '#fbfbfd'
  ctx.fillRect(0, 0, width, height)
  const firstTick = Math.max(0, scrollX / pxPerTick)
  const lastTick = (scrollX + width - GUTTER) / pxPerTick
  const x = (tick: number) => xOfTick(tick, scrollX, pxPerTick)

  // Lane rows: black keys shaded, C rows outlined so that octaves are easy to count.
  for (const lane of s.lanes) {
    const top = lane.top - scrollY
    if (top > height || top + lane.height < 0) continue
    const rowHeight = lane.rowHeight ?? v.rowHeight
    lanePitches(lane).forEach((p, row) => {
      const y = yOfPitch(lane, p, rowHeight) - scrollY
      // A drum lane's rows are kit pieces, not keys: alternate shading, a line under each.
      ctx.fillStyle = (lane.rows ? row % 2 === 1 : isBlackKey(p)) ? '#eceef3' : '#ffffff'
      ctx.fillRect(GUTTER, y, width - GUTTER, rowHeight)
      if (lane.rows || p % 12 === 0) {
        ctx.fillStyle = '#d5d9e2'
        ctx.fillRect(GUTTER, y + rowHeight - 1, width - GUTTER, 1)
      }
    })
  }

  // Vertical lines: bars strong, beats lighter, grid steps faint (only when far enough apart to see).
  const bar = ticksPerBar(s.time)
  const beat = ticksPerBeat(s.time)
  const step = s.grid * pxPerTick >= 6 ? s.grid : beat * pxPerTick >= 6 ? beat : bar
  for (let t = Math.floor(firstTick / step) * step; t <= lastTick; t += step) {
    ctx.fillStyle = t % bar === 0 ? '#9aa3b5' : t % beat === 0 ? '#cdd2dc' : '#e6e8ee'
    ctx.fillRect(Math.round(x(t)), RULER, 1, height - RULER)
  }

  if (s.loop) {
    ctx.fillStyle = 'rgba(255, 200, 0, 0.12)'
    ctx.fillRect(x(s.loop.start), RULER, (s.loop.end - s.loop.start) * pxPerTick, height - RULER)
  }

  // Notes, lane by lane; notes of other lanes than the active one are drawn a little lighter.
  const remoteSel = new Map<string, string>()
  for (const o of s.others) for (const id of o.selection) remoteSel.set(id, o.color)
  s.tracks.forEach((track, i) => {
    const lane = s.lanes[i]
    if (!lane || lane.top - scrollY > height || lane.top + lane.height - scrollY < 0) return
    const rowHeight = lane.rowHeight ?? v.rowHeight
    const color = s.trackColors.get(track.id) ?? '#3a7bd5'
    ctx.globalAlpha = s.activeTrackId === undefined || s.activeTrackId === track.id ? 1 : 0.6
    for (const original of track.notes) {
      const n = s.preview?.get(original.id) ?? original
      if (n.start > lastTick || n.start + n.duration < firstTick) continue
      const nx = x(n.start)
      const ny = yOfPitch(lane, Math.max(lane.low, Math.min(lane.high, n.pitch)), rowHeight) - scrollY
      const w = Math.max(2, n.duration * pxPerTick - 1)
      const selected = s.selection.has(n.id)
      const look = s.noteStyle?.(original, track)
      ctx.fillStyle = look?.fill ?? color
      ctx.fillRect(nx, ny + 1, w, rowHeight - 2)
      look?.decorate?.(ctx, nx, ny + 1, w, rowHeight - 2)
      if (w >= NAME_MIN_WIDTH && rowHeight >= NAME_MIN_ROW) {
        // The note's name on it, when it is wide and tall enough to read (zoom in, or a taller lane).
        ctx.font = `${Math.min(12, rowHeight - 3)}px system-ui, sans-serif`
        ctx.fillStyle = 'rgba(0,0,0,0.75)'
        ctx.fillText(lane.rows ? kitPieceName(n.pitch) : pitchName(n.pitch, s.flats), nx + 3, ny + rowHeight - 3, w - 5)
      }
      if (selected) {
        ctx.strokeStyle = '#111'
        ctx.lineWidth = 2
        ctx.strokeRect(nx + 1, ny + 1, w - 2, rowHeight - 2)
        ctx.fillStyle = 'rgba(255,255,255,0.45)'
        ctx.fillRect(nx + 3, ny + 3, Math.max(0, w - 6), Math.max(0, rowHeight - 6))
      }
      if (s.marks?.has(original.id)) drawWarning(ctx, nx, ny, w, rowHeight)
      const rc = remoteSel.get(n.id)
      if (rc) {
        ctx.setLineDash([3, 2])
        ctx.strokeStyle = rc
        ctx.lineWidth = 2
        ctx.strokeRect(nx - 1, ny - 1, w + 2, rowHeight + 2)
        ctx.setLineDash([])
      }
    }
    ctx.globalAlpha = 1
  })
  drawGhosts(ctx, s, v)

  if (s.box) {
    ctx.strokeStyle = '#333'
    ctx.setLineDash([4, 3])
    ctx.lineWidth = 1
    const bx = Math.min(s.box.x0, s.box.x1) - scrollX + GUTTER
    const by = Math.min(s.box.y0, s.box.y1) - scrollY
    ctx.strokeRect(bx, by, Math.abs(s.box.x1 - s.box.x0), Math.abs(s.box.y1 - s.box.y0))
    ctx.setLineDash([])
  }

  // The keyboard cursor: a dashed note-sized frame in the active lane, bold while the roll has focus.
  if (s.caret) {
    const lane = s.lanes[s.tracks.findIndex((t) => t.id === s.caret!.trackId)]
    if (lane) {
      const rowHeight = lane.rowHeight ?? v.rowHeight
      const cy = yOfPitch(lane, s.caret.pitch, rowHeight) - scrollY
      ctx.strokeStyle = s.focused ? '#0b57d0' : '#8a94a6'
      ctx.lineWidth = s.focused ? 2 : 1
      ctx.setLineDash([4, 2])
      ctx.strokeRect(x(s.caret.tick), cy, Math.max(4, s.caret.length * pxPerTick), rowHeight)
      ctx.setLineDash([])
    }
  }

  // Other people's keyboard cursors: a frame in their colour with a name tag above it.
  for (const o of s.others) {
    const c = o.cursor
    if (!c) continue
    const i = s.tracks.findIndex((t) => t.id === c.trackId)
    const lane = s.lanes[i]
    if (!lane) continue
    const rowHeight = lane.rowHeight ?? v.rowHeight
    const cx = x(c.tick)
    const cy = yOfPitch(lane, c.pitch, rowHeight) - scrollY
    if (cx < GUTTER - 40 || cx > width || cy < RULER - rowHeight || cy > height) continue
    const w = Math.max(6, ticksPerBeat(s.time) * pxPerTick)
    ctx.strokeStyle = o.color
    ctx.lineWidth = 2
    ctx.strokeRect(cx, cy, w, rowHeight)
    ctx.font = 'bold 10px system-ui, sans-serif'
    const tagW = ctx.measureText(o.name).width + 8
    const tagY = Math.max(RULER, cy - 14)
    ctx.fillStyle = o.color
    ctx.fillRect(cx, tagY, tagW, 13)
    ctx.fillStyle = '#ffffff'
    ctx.fillText(o.name, cx + 4, tagY + 10)
  }

  // Playheads: other people's in their colour with their name, one's own in black.
  for (const o of s.others) {
    if (o.playhead === undefined) continue
    drawPlayhead(ctx, x(o.playhead), height, o.color, o.name)
  }
  if (s.playhead !== undefined) drawPlayhead(ctx, x(s.playhead), height, '#111', '')

  drawRuler(ctx, s, v, firstTick, lastTick)
  drawGutter(ctx, s, v)
}

/**
 * A part-writing finding's mark: a red frame and a small triangle with "!" over the note's start, told
 * apart from a selection (black frame) and a collaborator's (dashed) by its shape, not by colour alone.
 */
function drawWarning(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, rowHeight: number) {
  ctx.strokeStyle = '#c5221f'
  ctx.lineWidth = 2
  ctx.strokeRect(x, y, w, rowHeight)
  const size = 9
  ctx.fillStyle = '#c5221f'
  ctx.beginPath()
  ctx.moveTo(x, y - 1)
  ctx.lineTo(x + size / 2, y - 1 - size)
  ctx.lineTo(x + size, y - 1)
  ctx.closePath()
  ctx.fill()
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(x + size / 2 - 0.5, y - size + 2, 1.2, 3.5)
  ctx.fillRect(x + size / 2 - 0.5, y - 2.6, 1.2, 1.1)
}

function drawPlayhead(ctx: CanvasRenderingContext2D, px: number, height: number, color: string, label: string) {
  if (px < GUTTER) return
  ctx.fillStyle = color
  ctx.fillRect(Math.round(px), RULER, 2, height - RULER)
  if (label) {
    ctx.font = '11px system-ui, sans-serif'
    ctx.fillText(label, px + 4, RULER + 12)
  }
}

function drawRuler(ctx: CanvasRenderingContext2D, s: Scene, v: View, firstTick: number, lastTick: number) {
  ctx.fillStyle = '#eef0f5'
  ctx.fillRect(0, 0, v.width, RULER)
  const bar = ticksPerBar(s.time)
  const every = Math.max(1, Math.ceil(40 / (bar * v.pxPerTick)))
  ctx.fillStyle = '#333'
  ctx.font = '11px system-ui, sans-serif'
  for (let b = Math.floor(firstTick / bar); b * bar <= lastTick; b++) {
    if (b % every !== 0) continue
    const px = xOfTick(b * bar, v.scrollX, v.pxPerTick)
    ctx.fillRect(Math.round(px), 12, 1, RULER - 12)
    ctx.fillText(String(b + 1), px + 3, 12)
  }
  if (s.loop) {
    ctx.fillStyle = '#d4a017'
    ctx.fillRect(xOfTick(s.loop.start, v.scrollX, v.pxPerTick), RULER - 4, (s.loop.end - s.loop.start) * v.pxPerTick, 4)
  }
}

/** A piano keyboard along a pitched lane's rows: white and black keys, the pressed one in the track's colour. */
function drawKeys(ctx: CanvasRenderingContext2D, s: Scene, lane: Lane, v: View, rh: number) {
  const width = GUTTER - KEYS_X
  const pressed = s.pressedKey?.trackId === lane.trackId ? s.pressedKey.pitch : undefined
  const color = s.trackColors.get(lane.trackId) ?? '#3a7bd5'
  for (let p = lane.low; p <= lane.high; p++) {
    const y = yOfPitch(lane, p, v.rowHeight) - v.scrollY
    if (y + rh < RULER || y > v.height) continue
    const black = isBlackKey(p)
    ctx.fillStyle = p === pressed ? color : black ? '#2b2f38' : '#ffffff'
    ctx.fillRect(KEYS_X, y, black ? width * 0.65 : width, rh)
    if (!black) {
      ctx.fillStyle = '#c8ccd6'
      ctx.fillRect(KEYS_X, y + rh - 1, width, 1)
    }
  }
  ctx.fillStyle = '#c8ccd6'
  ctx.fillRect(GUTTER - 1, lane.top - v.scrollY, 1, lane.height)
}

function drawGutter(ctx: CanvasRenderingContext2D, s: Scene, v: View) {
  ctx.fillStyle = '#f3f4f8'
  ctx.fillRect(0, RULER, GUTTER, v.height - RULER)
  ctx.font = '10px system-ui, sans-serif'
  s.lanes.forEach((lane, i) => {
    const top = lane.top - v.scrollY
    if (top > v.height || top + lane.height < 0) return
    const active = s.tracks[i].id === s.activeTrackId
    ctx.fillStyle = s.trackColors.get(lane.trackId) ?? '#333'
    ctx.fillRect(0, top, active ? 6 : 3, lane.height)
    ctx.fillStyle = '#6b7385'
    const rh = lane.rowHeight ?? v.rowHeight
    if (lane.rows) {
      // Kit pieces by name, fitted to the gutter (the lane's name moves to its top-left corner).
      ctx.font = `${Math.min(10, rh - 2)}px system-ui, sans-serif`
      for (const p of lane.rows) ctx.fillText(kitPieceName(p), 8, yOfPitch(lane, p, v.rowHeight) - v.scrollY + rh - 2, GUTTER - 10)
    } else {
      drawKeys(ctx, s, lane, v, rh)
      ctx.fillStyle = '#6b7385'
      ctx.font = '10px system-ui, sans-serif'
      for (let p = lane.low; p <= lane.high; p++) {
        if (p % 12 !== 0) continue
        ctx.fillText(pitchName(p, s.flats), 30, yOfPitch(lane, p, v.rowHeight) - v.scrollY + rh - 1)
      }
    }
    ctx.fillStyle = '#1d2330'
    ctx.font = `${active ? 'bold ' : ''}11px system-ui, sans-serif`
    if (lane.rows) return // the kit pieces fill the gutter; the track list names the lane
    ctx.save()
    ctx.translate(20, top + lane.height / 2)
    ctx.rotate(-Math.PI / 2)
    ctx.textAlign = 'center'
    ctx.fillText(s.tracks[i].name.slice(0, 14), 0, 0)
    ctx.restore()
    ctx.font = '10px system-ui, sans-serif'
  })
  ctx.fillStyle = '#eef0f5'
  ctx.fillRect(0, 0, GUTTER, RULER)
}
