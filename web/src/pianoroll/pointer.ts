// Mouse and pen on the piano roll: click on empty space adds a note, dragging a note moves it (time
// and pitch), dragging its end lengthens it, dragging on empty space selects a box, double-click or
// right-click deletes (saying so on screen, with Undo), Ctrl+wheel zooms, dragging on the ruler sets the loop region. Moves show as a
// preview while dragging and are written once, on release: one edit, one undo step.
import type { Note } from '../model/schema'
import { moveNotes, notesInBox, resizeNotes } from '../editing/commands'
import { snapDown, snapNearest } from '../editing/grid'
import type { PianoRoll } from './editor'
import { GUTTER, hitNote, laneAt, pitchAt, RULER, tickAt } from './layout'
import { KEYS_X } from './render'

type Drag =
  | { kind: 'move' | 'resize'; anchor: Note; notes: Note[]; tick0: number; pitch0: number; lane: string; moved: boolean }
  | { kind: 'empty'; x0: number; y0: number; tick0: number; pitch: number; trackId: string; moved: boolean; additive: boolean }
  | { kind: 'loop'; tick0: number }

export function attachPointer(roll: PianoRoll): void {
  const el = roll.canvas
  let drag: Drag | undefined

  const where = (e: PointerEvent | MouseEvent) => {
    const rect = el.getBoundingClientRect()
    const x = e.clientX - rect.left
    const y = e.clientY - rect.top
    const { snap, lanes } = roll.layout()
    const cy = y + roll.el.scrollTop
    const lane = laneAt(lanes, cy)
    const track = lane ? snap.tracks.find((t) => t.id === lane.trackId) : undefined
    return { x, y, cx: x - GUTTER + roll.el.scrollLeft, cy, tick: tickAt(x, roll.el.scrollLeft, roll.pxPerTick),
      lane, track, pitch: lane ? pitchAt(lane, cy, roll.rowHeight) : 0 }
  }

  el.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return
    roll.el.focus({ preventScroll: true })
    const p = where(e)
    if (p.y < RULER) {
      drag = { kind: 'loop', tick0: snapNearest(p.tick, roll.grid()) }
      roll.caret.tick = snapDown(p.tick, roll.grid())
      roll.invalidate()
      el.setPointerCapture(e.pointerId)
      return
    }
    if (!p.lane || !p.track) return
    if (p.track.id !== roll.caret.trackId) roll.setActiveTrack(p.track.id)
    // The gutter's piano keys (a drum lane's piece names) sound when clicked.
    if (p.x < GUTTER) {
      if (p.x >= KEYS_X || p.lane.rows) roll.playKey(p.track.id, p.pitch)
      return
    }
    const hit = hitNote(p.track.notes, p.tick, p.pitch, 6 / roll.pxPerTick)
    roll.caret.pitch = p.pitch
    roll.caret.tick = snapDown(p.tick, roll.grid())
    if (hit) {
      if (e.shiftKey) {
        const next = new Set(roll.selection)
        if (next.has(hit.note.id)) next.delete(hit.note.id)
        else next.add(hit.note.id)
        roll.select(next)
        return
      }
      if (!roll.selection.has(hit.note.id)) roll.select([hit.note.id])
      if (roll.readOnly) return
      drag = { kind: hit.part === 'end' ? 'resize' : 'move', anchor: hit.note, notes: roll.selectedNotes(), tick0: p.tick,
        pitch0: p.pitch, lane: p.lane.trackId, moved: false }
    } else {
      drag = { kind: 'empty', x0: p.cx, y0: p.cy, tick0: p.tick, pitch: p.pitch, trackId: p.track.id, moved: false, additive: e.shiftKey }
    }
    el.setPointerCapture(e.pointerId)
    roll.invalidate()
  })

  el.addEventListener('pointermove', (e) => {
    const p = where(e)
    if (!drag) {
      el.style.cursor = cursorFor(roll, p)
      return
    }
    const grid = roll.grid()
    if (drag.kind === 'loop') {
      const t = snapNearest(p.tick, grid)
      roll.loop = t === drag.tick0 ? undefined : { start: Math.min(t, drag.tick0), end: Math.max(t, drag.tick0) }
      roll.el.dispatchEvent(new CustomEvent('loopchange'))
    } else if (drag.kind === 'empty') {
      if (!drag.moved && Math.hypot(p.cx - drag.x0, p.cy - drag.y0) < 4) return
      drag.moved = true
      roll.box = { x0: drag.x0, y0: drag.y0, x1: p.cx, y1: p.cy }
    } else {
      const { lanes } = roll.layout()
      const laneId = drag.lane
      const lane = lanes.find((l) => l.trackId === laneId)!
      const pitch = pitchAt(lane, p.cy, roll.rowHeight)
      const changes = drag.kind === 'move'
        ? moveNotes(drag.notes, snapNearest(drag.anchor.start + p.tick - drag.tick0, grid) - drag.anchor.start, pitch - drag.pitch0)
        : resizeNotes(drag.notes, snapNearest(drag.anchor.start + drag.anchor.duration + p.tick - drag.tick0, grid)
          - (drag.anchor.start + drag.anchor.duration), grid)
      drag.moved = drag.moved || changes.length > 0
      roll.preview = new Map(drag.notes.map((n) => [n.id, n]))
      for (const c of changes) roll.preview.set(c.id, { ...roll.preview.get(c.id)!, ...c })
    }
    roll.invalidate()
  })

  const finish = (e: PointerEvent, cancelled: boolean) => {
    const d = drag
    drag = undefined
    if (!d) return
    if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId)
    if (d.kind === 'move' || d.kind === 'resize') {
      const preview = roll.preview
      roll.preview = undefined
      if (!cancelled && d.moved && preview) {
        const changes = d.notes.map((n) => preview.get(n.id)!).filter((n, i) => n.start !== d.notes[i].start
          || n.pitch !== d.notes[i].pitch || n.duration !== d.notes[i].duration)
          .map((n) => ({ id: n.id, start: n.start, pitch: n.pitch, duration: n.duration }))
        if (changes.length) roll.model.updateNotes(changes)
        if (d.kind === 'move' && changes.length) roll.soundNotes(roll.selectedNotes())
        roll.opts.undo.stopCapturing()
        roll.inspect()
      }
    } else if (d.kind === 'empty') {
      const box = roll.box
      roll.box = undefined
      if (cancelled) return roll.invalidate()
      if (d.moved && box) {
        const { snap, lanes } = roll.layout()
        const picked: string[] = d.additive ? [...roll.selection] : []
        const t0 = Math.min(box.x0, box.x1) / roll.pxPerTick
        const t1 = Math.max(box.x0, box.x1) / roll.pxPerTick
        lanes.forEach((lane, i) => {
          const y0 = Math.max(Math.min(box.y0, box.y1), lane.top)
          const y1 = Math.min(Math.max(box.y0, box.y1), lane.top + lane.height - 1)
          if (y1 < y0) return
          const hi = pitchAt(lane, y0, roll.rowHeight)
          const lo = pitchAt(lane, y1, roll.rowHeight)
          for (const n of notesInBox(snap.tracks[i].notes, t0, t1, lo, hi)) picked.push(n.id)
        })
        roll.select(picked)
      } else if (!d.additive) {
        // Every click on empty space writes a note (a viewer is told why it does not).
        roll.caret.tick = snapDown(d.tick0, roll.grid())
        roll.exec({ kind: 'add' })
      }
    }
    roll.invalidate()
  }
  el.addEventListener('pointerup', (e) => finish(e, false))
  el.addEventListener('pointercancel', (e) => finish(e, true))

  const deleteAt = (e: MouseEvent) => {
    const p = where(e)
    if (!p.track || roll.readOnly) return
    const hit = hitNote(p.track.notes, p.tick, p.pitch, 0)
    if (!hit) return
    e.preventDefault()
    roll.select([hit.note.id])
    const what = roll.describeSelected()
    roll.exec({ kind: 'delete' })
    roll.notice(`Deleted ${what} (${e.type === 'dblclick' ? 'double-click' : 'right-click'}).`, true)
  }
  el.addEventListener('dblclick', deleteAt)
  el.addEventListener('contextmenu', deleteAt)

  roll.el.addEventListener('wheel', (e) => {
    if (!e.ctrlKey && !e.metaKey) return
    e.preventDefault()
    const rect = el.getBoundingClientRect()
    roll.zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - rect.left - GUTTER)
  }, { passive: false })
}

function cursorFor(roll: PianoRoll, p: { x: number; y: number; tick: number; pitch: number; track?: { notes: Note[] }; lane?: { rows?: number[] } }): string {
  if (p.y < RULER) return 'col-resize'
  if (p.track && p.x < GUTTER) return p.x >= KEYS_X || p.lane?.rows ? 'pointer' : 'default'
  if (!p.track || p.x < GUTTER) return 'default'
  const hit = hitNote(p.track.notes, p.tick, p.pitch, 6 / roll.pxPerTick)
  if (!hit) return roll.readOnly ? 'default' : 'crosshair'
  return roll.readOnly ? 'pointer' : hit.part === 'end' ? 'ew-resize' : 'move'
}
