// The velocity lane under the roll: one bar per note of the track being written, as tall as its
// velocity (1–127), aligned with the notes above and scrolled with them. Dragging a bar up or down sets
// that note's velocity (shown while dragging, written once on release: one undo step). The keyboard
// does the same for the selected notes (the roll's velocity keys), so the lane itself is a picture.
import type { Note } from '../model/schema'
import { h } from '../ui/dom'
import type { PianoRoll } from './editor'
import { trackColor } from './colors'
import { GUTTER, xOfTick } from './layout'

export const VELOCITY_LANE_HEIGHT = 56
const PAD = 4
const HIT_PX = 5

export class VelocityLane {
  readonly el: HTMLCanvasElement
  private readonly ctx: CanvasRenderingContext2D
  private drag?: { note: Note; velocity: number }

  constructor(private readonly roll: PianoRoll) {
    this.el = h('canvas', { class: 'velocity-lane', height: VELOCITY_LANE_HEIGHT, 'data-testid': 'velocity-lane',
      role: 'img', 'aria-label': 'Velocity of the notes in the track being written (change it with the velocity keys; see Keyboard help)' })
    this.ctx = this.el.getContext('2d')!
    roll.afterDraw.push((width) => this.draw(width))
    this.el.addEventListener('pointerdown', (e) => this.down(e))
    this.el.addEventListener('pointermove', (e) => { if (this.drag) this.move(e) })
    this.el.addEventListener('pointerup', (e) => this.up(e, false))
    this.el.addEventListener('pointercancel', (e) => this.up(e, true))
  }

  /** The track being written and its notes. */
  private track() {
    const { snap } = this.roll.layout()
    return snap.tracks.find((t) => t.id === this.roll.caret.trackId)
  }

  private velocityAt(y: number): number {
    const h = VELOCITY_LANE_HEIGHT - 2 * PAD
    return Math.max(1, Math.min(127, Math.round(((VELOCITY_LANE_HEIGHT - PAD - y) / h) * 127)))
  }

  private down(e: PointerEvent): void {
    const t = this.track()
    if (!t || e.button !== 0) return
    if (this.roll.readOnly) {
      this.roll.notice('You can view this project but not change it: ask its owner for the editor role.')
      return
    }
    const rect = this.el.getBoundingClientRect()
    const x = e.clientX - rect.left
    let best: Note | undefined
    let bestDist = HIT_PX + 1
    for (const n of t.notes) {
      const d = Math.abs(xOfTick(n.start, this.roll.el.scrollLeft, this.roll.pxPerTick) + 1 - x)
      if (d < bestDist || (d === bestDist && best && n.velocity > best.velocity)) { best = n; bestDist = d }
    }
    if (!best) return
    this.roll.select([best.id])
    this.drag = { note: best, velocity: this.velocityAt(e.clientY - rect.top) }
    this.el.setPointerCapture(e.pointerId)
    this.draw()
  }

  private move(e: PointerEvent): void {
    this.drag!.velocity = this.velocityAt(e.clientY - this.el.getBoundingClientRect().top)
    this.draw()
  }

  private up(e: PointerEvent, cancelled: boolean): void {
    const d = this.drag
    this.drag = undefined
    if (this.el.hasPointerCapture(e.pointerId)) this.el.releasePointerCapture(e.pointerId)
    if (!d || cancelled || d.velocity === d.note.velocity) return this.draw()
    this.roll.model.updateNotes([{ id: d.note.id, velocity: d.velocity }])
    this.roll.opts.undo.stopCapturing()
    this.roll.inspect()
    this.roll.opts.onSound?.(this.roll.caret.trackId, d.note.pitch, d.velocity)
  }

  private width = 0

  /** Draws at the roll's width (passed by the roll: reading it here would force a second layout each frame). */
  draw(width = this.width): void {
    this.width = width
    const dpr = window.devicePixelRatio || 1
    if (this.el.width !== Math.round(width * dpr)) {
      this.el.width = Math.round(width * dpr)
      this.el.height = Math.round(VELOCITY_LANE_HEIGHT * dpr)
      this.el.style.width = `${width}px`
      this.el.style.height = `${VELOCITY_LANE_HEIGHT}px`
    }
    const ctx = this.ctx
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    ctx.fillStyle = '#fbfbfd'
    ctx.fillRect(0, 0, width, VELOCITY_LANE_HEIGHT)
    ctx.fillStyle = '#eceef3'
    ctx.fillRect(GUTTER, PAD + (VELOCITY_LANE_HEIGHT - 2 * PAD) / 2, width - GUTTER, 1) // velocity 64
    ctx.fillStyle = '#f3f4f8'
    ctx.fillRect(0, 0, GUTTER, VELOCITY_LANE_HEIGHT)
    ctx.fillStyle = '#6b7385'
    ctx.font = '10px system-ui, sans-serif'
    ctx.fillText('Velocity', 6, VELOCITY_LANE_HEIGHT / 2 + 3)
    const { snap } = this.roll.layout()
    const i = snap.tracks.findIndex((t) => t.id === this.roll.caret.trackId)
    const t = snap.tracks[i]
    if (!t) return
    const color = trackColor(i)
    const inner = VELOCITY_LANE_HEIGHT - 2 * PAD
    // Two batched paths (the others faint, the selected solid): one fill each, not two per note.
    const faint = new Path2D()
    const solid = new Path2D()
    const scrollLeft = this.roll.el.scrollLeft
    const ppt = this.roll.pxPerTick
    for (const n of t.notes) {
      const x = xOfTick(n.start, scrollLeft, ppt)
      if (x < GUTTER - 4 || x > width) continue
      const v = this.drag?.note.id === n.id ? this.drag.velocity : n.velocity
      const hgt = Math.max(1, (v / 127) * inner)
      const path = this.roll.selection.has(n.id) ? solid : faint
      path.rect(Math.max(GUTTER, x), VELOCITY_LANE_HEIGHT - PAD - hgt, 3, hgt)
      path.rect(Math.max(GUTTER, x - 1), VELOCITY_LANE_HEIGHT - PAD - hgt, 5, 2)
    }
    ctx.fillStyle = color
    ctx.globalAlpha = 0.6
    ctx.fill(faint)
    ctx.globalAlpha = 1
    ctx.fill(solid)
    ctx.fillStyle = '#d5d9e2'
    ctx.fillRect(0, 0, width, 1)
  }
}
