// The piano roll as a component: its view state (zoom, grid, selection, keyboard cursor), drawing on
// demand once per frame, and the editing commands that keyboard and mouse both end up in.
import type * as Y from 'yjs'
import type { ProjectModel, Snapshot } from '../model/project'
import type { Note } from '../model/schema'
import { MAX_TICK } from '../model/schema'
import { prefersFlats } from '../music/pitch'
import { ticksPerBar, type TimeBase } from '../music/timing'
import { clamp, copyNotes, moveNotes, neighbour, pasteAt, resizeNotes, setVelocity, type Clip } from '../editing/commands'
import { gridTicks, snapDown, zoomAround } from '../editing/grid'
import { announce, h } from '../ui/dom'
import { trackColor } from './colors'
import { type AuthorLookup, describeNote, describeSelection } from './describe'
import { commandFor, type Command } from './keys'
import { contentTicks, GUTTER, type Lane, layoutLanes, nearestPitch, ROW_HEIGHTS, stepPitch, totalHeight, xOfTick } from './layout'
import { type GhostSet, ghostHere } from './ghosts'
import { type RemoteMarks, render, type Scene } from './render'
import { attachPointer } from './pointer'

export interface RollOptions {
  model: ProjectModel
  undo: Y.UndoManager
  /** The polite live region that speaks to screen readers. */
  live: HTMLElement
  authors: AuthorLookup
  readOnly: boolean
  onSelection?: (ids: Set<string>) => void
  onPlayStop?: () => void
  /** Called with a sentence about the current selection or cursor, for the visible inspector line. */
  onInspect?: (text: string) => void
  /**
   * Shows a sentence on screen for what would otherwise pass unseen: a refused edit, a deletion by
   * mouse (`undoable`: the notice offers Undo). The live region speaks it too.
   */
  onNotice?: (text: string, undoable?: boolean) => void
  /** Sounds a note of a track now: a note placed or moved is heard (a musician checks by ear). */
  onSound?: (trackId: string, pitch: number, velocity: number) => void
}

export interface Layout { snap: Snapshot; lanes: Lane[]; time: TimeBase; flats: boolean }

export class PianoRoll {
  readonly el: HTMLDivElement
  readonly canvas: HTMLCanvasElement
  private readonly spacer: HTMLDivElement
  private readonly ctx: CanvasRenderingContext2D
  pxPerTick = 0.1
  rowHeight = 8
  /** Lanes zoomed apart from the others: row height by track id (this view only, not shared). */
  laneRows: ReadonlyMap<string, number> = new Map()
  gridQuarters = 1 / 4
  noteQuarters = 1
  selection = new Set<string>()
  caret = { trackId: '', tick: 0, pitch: 60 }
  clip?: Clip
  preview?: Map<string, Note>
  box?: Scene['box']
  others: RemoteMarks[] = []
  playhead?: number
  loop?: { start: number; end: number }
  /** A gutter piano key sounding now (drawn pressed). */
  pressedKey?: { trackId: string; pitch: number }
  private keyTimer?: ReturnType<typeof setTimeout>
  /** The AI's pending candidates as ghost notes (set by the AI panel). */
  ghosts: GhostSet[] = []
  readOnly: boolean
  /**
   * Part-writing findings by the ids of the notes they concern (set by the part-writing panel): the
   * notes are drawn marked, and a selected one's description says what is wrong.
   */
  marks: ReadonlyMap<string, string[]> = new Map()
  /** Set by the attribution view to colour notes by author; undefined draws track colours. */
  noteStyle?: Scene['noteStyle']
  private focused = false
  private frame = 0
  private cached?: { snap: Snapshot; layout: Layout; rowHeight: number; laneRows: ReadonlyMap<string, number> }
  /** Called after every draw with the roll's width (the velocity lane follows its scroll and zoom). */
  readonly afterDraw: ((width: number) => void)[] = []
  /** Milliseconds the last draw took (read by the benchmarks). */
  lastDrawMs = 0

  constructor(readonly opts: RollOptions) {
    this.readOnly = opts.readOnly
    this.canvas = h('canvas', { 'aria-hidden': 'true' })
    this.spacer = h('div', { class: 'roll-spacer' })
    this.el = h('div', {
      class: 'roll', tabindex: 0, role: 'application', 'aria-roledescription': 'piano roll',
      'aria-label': 'Piano roll. Arrow keys move the cursor, Enter adds a note; press question mark for all keys.',
      'aria-describedby': 'roll-help-summary', 'data-testid': 'piano-roll',
    }, this.canvas, this.spacer)
    this.ctx = this.canvas.getContext('2d')!
    this.el.addEventListener('scroll', () => this.invalidate(), { passive: true })
    this.el.addEventListener('focus', () => { this.focused = true; this.invalidate(); this.speakCursor() })
    this.el.addEventListener('blur', () => { this.focused = false; this.invalidate() })
    this.el.addEventListener('keydown', (e) => this.onKey(e))
    new ResizeObserver(() => this.invalidate()).observe(this.el)
    opts.model.onChange(() => { this.pruneSelection(); this.invalidate() })
    attachPointer(this)
  }

  get model(): ProjectModel { return this.opts.model }

  layout(): Layout {
    const snap = this.model.read()
    if (this.cached?.snap !== snap || this.cached.rowHeight !== this.rowHeight || this.cached.laneRows !== this.laneRows) {
      const time = { ticksPerQuarter: snap.meta.ticksPerQuarter, tempoBpm: snap.meta.tempoBpm, timeSignature: snap.meta.timeSignature }
      this.cached = { snap, rowHeight: this.rowHeight, laneRows: this.laneRows,
        layout: { snap, lanes: layoutLanes(snap.tracks, this.rowHeight, this.laneRows), time, flats: prefersFlats(snap.meta.key) } }
      if (!snap.tracks.some((t) => t.id === this.caret.trackId) && snap.tracks.length > 0) {
        this.caret.trackId = snap.tracks[0].id
        this.caret.pitch = nearestPitch(this.cached.layout.lanes[0], this.caret.pitch)
      }
    }
    return this.cached.layout
  }

  grid(): number {
    const { time } = this.layout()
    return gridTicks(this.gridQuarters, time.ticksPerQuarter, ticksPerBar(time))
  }

  noteLength(): number {
    return Math.max(1, Math.round(this.noteQuarters * this.layout().time.ticksPerQuarter))
  }

  invalidate(): void {
    if (this.frame) return
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.draw() })
  }

  draw(): void {
    const t0 = performance.now()
    const { snap, lanes, time, flats } = this.layout()
    const w = this.el.clientWidth
    const hgt = this.el.clientHeight
    const dpr = window.devicePixelRatio || 1
    const fullW = GUTTER + contentTicks(snap.tracks, ticksPerBar(time)) * this.pxPerTick
    this.spacer.style.width = `${fullW}px`
    this.spacer.style.height = `${Math.max(0, totalHeight(lanes) - hgt)}px`
    if (this.canvas.width !== Math.round(w * dpr) || this.canvas.height !== Math.round(hgt * dpr)) {
      this.canvas.width = Math.round(w * dpr)
      this.canvas.height = Math.round(hgt * dpr)
      this.canvas.style.width = `${w}px`
      this.canvas.style.height = `${hgt}px`
    }
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    const colors = new Map(snap.tracks.map((t, i) => [t.id, trackColor(i)]))
    render(this.ctx, {
      tracks: snap.tracks, lanes, time, flats, grid: this.grid(), selection: this.selection,
      activeTrackId: this.caret.trackId, caret: { ...this.caret, length: this.noteLength() },
      preview: this.preview, box: this.box, others: this.others, playhead: this.playhead, loop: this.loop,
      focused: this.focused, trackColors: colors, noteStyle: this.noteStyle, ghosts: this.ghosts, pressedKey: this.pressedKey,
      marks: this.marks,
    }, { width: w, height: hgt, scrollX: this.el.scrollLeft, scrollY: this.el.scrollTop, pxPerTick: this.pxPerTick,
      rowHeight: this.rowHeight })
    for (const f of this.afterDraw) f(w)
    this.lastDrawMs = performance.now() - t0
  }

  selectedNotes(): Note[] {
    const notes = this.model.read().notes
    return [...this.selection].map((id) => notes.get(id)?.note).filter((n): n is Note => n !== undefined)
  }

  select(ids: Iterable<string>): void {
    this.selection = new Set(ids)
    this.opts.onSelection?.(this.selection)
    this.el.dispatchEvent(new CustomEvent('noteselect')) // for side panels (the attribution view's details)
    this.inspect()
    this.invalidate()
  }

  private pruneSelection(): void {
    const notes = this.model.read().notes
    const kept = [...this.selection].filter((id) => notes.has(id))
    if (kept.length !== this.selection.size) this.select(kept)
    else this.inspect()
  }

  /** The sentence about the selection (or the cursor) shown under the roll. */
  inspect(): void {
    this.opts.onInspect?.(this.selection.size > 0 ? this.describeSelected() : this.describeCursor())
  }

  describeSelected(): string {
    const { snap, time, flats } = this.layout()
    const names = new Map(snap.tracks.map((t) => [t.id, t.name]))
    const drums = new Set(snap.tracks.filter((t) => t.role === 'drums').map((t) => t.id))
    const notes = this.selectedNotes()
    const remarks = notes.length === 1 ? this.marks.get(notes[0].id) : undefined
    return describeSelection(notes, (n) => names.get(snap.notes.get(n.id)!.trackId) ?? '', time, flats,
      this.opts.authors, (n) => drums.has(snap.notes.get(n.id)!.trackId))
      + (remarks ? `. Part writing: ${remarks.join(' ')}` : '')
  }

  private describeCursor(): string {
    const { snap, time, flats } = this.layout()
    const track = snap.tracks.find((t) => t.id === this.caret.trackId)
    if (!track) return this.readOnly ? 'This project has no tracks yet.' : 'No tracks yet: add a track to start writing.'
    const here = track.notes.find((n) => n.pitch === this.caret.pitch && n.start <= this.caret.tick
      && n.start + n.duration > this.caret.tick)
    const kit = track.role === 'drums'
    const cursor = describeNote({ id: '', pitch: this.caret.pitch, start: this.caret.tick, duration: this.noteLength(), velocity: 80 },
      track.name, time, flats, undefined, kit).replace(/, velocity \d+/, '')
    return `Cursor: ${cursor}` + (here ? `. On a note: ${describeNote(here, track.name, time, flats, this.opts.authors.authorOf(here.id), kit)}` : '')
      + ghostHere(this.ghosts, track.id, this.caret.tick, this.caret.pitch)
  }

  private speakCursor(): void {
    announce(this.opts.live, this.selection.size > 0 ? this.describeSelected() : this.describeCursor())
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === '?') {
      document.getElementById('keys-button')?.click()
      e.preventDefault()
      return
    }
    const cmd = commandFor(e, this.grid())
    if (!cmd) return
    e.preventDefault()
    this.exec(cmd)
  }

  /**
   * A piano key (or a drum lane's kit piece) in the gutter clicked: it sounds on the track's instrument
   * and the cursor moves to that pitch; nothing is written (viewers may play the keys too).
   */
  playKey(trackId: string, pitch: number): void {
    const { snap } = this.layout()
    const track = snap.tracks.find((t) => t.id === trackId)
    if (!track) return
    this.caret.pitch = pitch
    this.pressedKey = { trackId, pitch }
    clearTimeout(this.keyTimer)
    this.keyTimer = setTimeout(() => { this.pressedKey = undefined; this.invalidate() }, 300)
    this.opts.onSound?.(trackId, pitch, 90)
    this.speakCursor()
    this.inspect()
    this.invalidate()
  }

  /** Sounds moved notes where they now are (a chord: at most four of them). */
  soundNotes(notes: Note[]): void {
    if (!this.opts.onSound) return
    const where = this.model.read().notes
    for (const n of notes.slice(0, 4)) {
      const trackId = where.get(n.id)?.trackId
      if (trackId) this.opts.onSound(trackId, n.pitch, n.velocity)
    }
  }

  /** Runs one command; each edit is one undo step. */
  exec(cmd: Command): void {
    const { snap, lanes } = this.layout()
    const edits = ['add', 'move', 'moveToLane', 'resize', 'delete', 'cut', 'paste', 'undo', 'redo', 'velocity']
    if (this.readOnly && edits.includes(cmd.kind)) {
      this.notice('You can view this project but not change it: ask its owner for the editor role.')
      return
    }
    const laneIndex = Math.max(0, snap.tracks.findIndex((t) => t.id === this.caret.trackId))
    const lane = lanes[laneIndex]
    const track = snap.tracks[laneIndex]
    const say = (text: string) => { announce(this.opts.live, text); this.inspect() }
    switch (cmd.kind) {
      case 'caret': {
        const tick = clamp((cmd.dTicks === 0 ? this.caret.tick : snapDown(this.caret.tick, this.grid())) + cmd.dTicks, 0, MAX_TICK - 1)
        this.caret.tick = tick
        if (lane) this.caret.pitch = lane.rows ? stepPitch(lane, this.caret.pitch, Math.sign(cmd.dPitch) * (Math.abs(cmd.dPitch) >= 12 ? 4 : 1))
          : clamp(this.caret.pitch + cmd.dPitch, lane.low, lane.high)
        this.scrollIntoView(this.caret.tick)
        this.speakCursor()
        this.inspect()
        break
      }
      case 'lane': {
        const next = snap.tracks[clamp(laneIndex + cmd.delta, 0, snap.tracks.length - 1)]
        if (next) this.setActiveTrack(next.id)
        break
      }
      case 'moveToLane': {
        const next = snap.tracks[laneIndex + cmd.delta]
        if (!next) return say(cmd.delta < 0 ? 'This is the first track.' : 'This is the last track.')
        this.moveSelectionTo(next.id)
        break
      }
      case 'add': {
        if (!track) return say('Add a track first.')
        const start = this.caret.tick
        const end = start + this.noteLength()
        const clash = track.notes.find((n) => n.pitch === this.caret.pitch && n.start < end && start < n.start + n.duration)
        if (clash) {
          // Two notes of one pitch sounding together in one track are one note twice: refuse, and say so.
          this.select([clash.id])
          this.notice(`There is already a note there: ${this.describeSelected()}. Nothing added.`)
          return
        }
        const [id] = this.model.addNotes(track.id, [{ pitch: this.caret.pitch, start, duration: this.noteLength(), velocity: 80 }])
        this.select([id])
        this.opts.onSound?.(track.id, this.caret.pitch, 80)
        say(`Added ${this.describeSelected()}`)
        this.caret.tick = Math.min(MAX_TICK - 1, this.caret.tick + this.noteLength())
        this.scrollIntoView(this.caret.tick)
        break
      }
      case 'move': case 'resize': case 'velocity': {
        const notes = this.selectedNotes()
        if (notes.length === 0) return say('Select notes first: press period for the next note.')
        const changes = cmd.kind === 'move' ? moveNotes(notes, cmd.dTicks, cmd.dPitch)
          : cmd.kind === 'resize' ? resizeNotes(notes, cmd.dTicks, this.grid())
          : setVelocity(notes, notes.reduce((s, n) => s + n.velocity, 0) / notes.length + cmd.delta)
        if (changes.length === 0) return say('Cannot go further.')
        this.model.updateNotes(changes)
        if (cmd.kind === 'move') this.soundNotes(this.selectedNotes())
        if (cmd.kind === 'move' && notes.length === 1) {
          const moved = this.selectedNotes()[0]
          this.caret.tick = moved.start
          this.caret.pitch = moved.pitch
          this.scrollIntoView(moved.start)
        }
        say(this.describeSelected())
        break
      }
      case 'delete': case 'cut': {
        const notes = this.selectedNotes()
        if (notes.length === 0) return say('Nothing selected.')
        if (cmd.kind === 'cut') this.clip = copyNotes(notes)
        this.model.deleteNotes(notes.map((n) => n.id))
        this.select([])
        say(`${cmd.kind === 'cut' ? 'Cut' : 'Deleted'} ${notes.length} note${notes.length > 1 ? 's' : ''}`)
        break
      }
      case 'copy': {
        const notes = this.selectedNotes()
        this.clip = copyNotes(notes)
        say(notes.length ? `Copied ${notes.length} note${notes.length > 1 ? 's' : ''}` : 'Nothing selected.')
        break
      }
      case 'paste': {
        if (!this.clip || this.clip.notes.length === 0) return say('The clipboard is empty.')
        if (!track) return say('Add a track first.')
        const ids = this.model.addNotes(track.id, pasteAt(this.clip, this.caret.tick))
        this.select(ids)
        say(`Pasted ${ids.length} note${ids.length > 1 ? 's' : ''} into ${track.name}`)
        break
      }
      case 'selectNext': {
        if (!track) return
        const last = [...this.selection].pop()
        const next = neighbour(track.notes, last, cmd.direction)
        if (!next) return say(`${track.name} has no notes.`)
        this.select(cmd.extend ? [...this.selection, next.id] : [next.id])
        this.caret.tick = next.start
        this.caret.pitch = next.pitch
        this.scrollIntoView(next.start)
        say(this.describeSelected())
        break
      }
      case 'selectAll': {
        if (!track) return
        this.select(track.notes.map((n) => n.id))
        say(`Selected all ${track.notes.length} notes of ${track.name}`)
        break
      }
      case 'deselect':
        this.select([])
        say('Selection cleared')
        break
      case 'undo': case 'redo': {
        const stack = cmd.kind === 'undo' ? this.opts.undo.undoStack : this.opts.undo.redoStack
        if (stack.length === 0) return say(`Nothing to ${cmd.kind}.`)
        if (cmd.kind === 'undo') this.opts.undo.undo()
        else this.opts.undo.redo()
        say(cmd.kind === 'undo' ? 'Undone' : 'Redone')
        break
      }
      case 'laneZoom': {
        if (!track) return
        const now = ROW_HEIGHTS.findIndex((r) => r >= (this.laneRows.get(track.id) ?? this.rowHeight))
        const next = ROW_HEIGHTS[clamp((now < 0 ? ROW_HEIGHTS.length - 1 : now) + cmd.delta, 0, ROW_HEIGHTS.length - 1)]
        this.setLaneRowHeight(track.id, next)
        break
      }
      case 'zoom':
        this.zoom(cmd.factor, xOfTick(this.caret.tick, this.el.scrollLeft, this.pxPerTick) - GUTTER)
        break
      case 'playStop':
        this.opts.onPlayStop?.()
        break
    }
    this.opts.undo.stopCapturing()
    this.invalidate()
  }

  /** Gives one lane its own row height (vertical zoom of that lane only); the others keep theirs. */
  setLaneRowHeight(trackId: string, px: number): void {
    const { snap } = this.layout()
    const track = snap.tracks.find((t) => t.id === trackId)
    if (!track) return
    const rows = new Map(this.laneRows)
    if (px === this.rowHeight) rows.delete(trackId)
    else rows.set(trackId, clamp(Math.round(px), ROW_HEIGHTS[0], ROW_HEIGHTS[ROW_HEIGHTS.length - 1]))
    this.laneRows = rows
    const lane = this.layout().lanes.find((l) => l.trackId === trackId)!
    if (lane.top < this.el.scrollTop) this.el.scrollTop = lane.top - 24
    announce(this.opts.live, `${track.name}: rows ${lane.rowHeight} pixels high`)
    this.invalidate()
    this.el.dispatchEvent(new CustomEvent('lanezoom', { detail: trackId }))
  }

  /** Moves the selected notes to another track (one undo step); they stay selected there. */
  moveSelectionTo(trackId: string): void {
    const target = this.layout().snap.tracks.find((t) => t.id === trackId)
    const notes = this.selectedNotes()
    if (this.readOnly) return announce(this.opts.live, 'You can view this project but not change it.')
    if (!target) return
    if (notes.length === 0) return announce(this.opts.live, 'Select notes first: press period for the next note.')
    const ids = this.step(() => this.model.moveNotesToTrack(notes.map((n) => n.id), trackId))
    if (ids.length === 0) return announce(this.opts.live, `The selected notes are already in ${target.name}.`)
    this.select(ids)
    this.setActiveTrack(trackId)
    announce(this.opts.live, `Moved ${ids.length} note${ids.length > 1 ? 's' : ''} to ${target.name}`)
  }

  /** Runs an edit made outside the roll (the track list) as one undo step of its own. */
  step<T>(edit: () => T): T {
    this.opts.undo.stopCapturing()
    const result = edit()
    this.opts.undo.stopCapturing()
    this.invalidate()
    return result
  }

  setActiveTrack(trackId: string): void {
    const { snap, lanes } = this.layout()
    const i = snap.tracks.findIndex((t) => t.id === trackId)
    if (i < 0) return
    this.caret.trackId = trackId
    this.caret.pitch = nearestPitch(lanes[i], this.caret.pitch)
    const lane = lanes[i]
    if (lane.top < this.el.scrollTop || lane.top + lane.height > this.el.scrollTop + this.el.clientHeight) {
      // A lane just added is not in the scrolled content until the next draw: make room for it first.
      this.spacer.style.height = `${Math.max(0, totalHeight(lanes) - this.el.clientHeight)}px`
      this.el.scrollTop = lane.top - 24
    }
    announce(this.opts.live, `Track ${snap.tracks[i].name}, ${snap.tracks[i].notes.length} notes`)
    this.inspect()
    this.invalidate()
    this.el.dispatchEvent(new CustomEvent('activetrack', { detail: trackId }))
  }

  zoom(factor: number, anchorX: number): void {
    const z = zoomAround(this.pxPerTick, this.el.scrollLeft, anchorX, factor)
    this.pxPerTick = z.pxPerTick
    this.draw() // resize the spacer before scrolling to the new place
    this.el.scrollLeft = z.scrollX
    this.invalidate()
    this.el.dispatchEvent(new CustomEvent('zoomchange', { detail: this.pxPerTick }))
  }

  /** Scrolls so that `tick` is in view (a page at a time: no continuous motion). */
  /** Says `text` to screen readers and shows it on screen. */
  notice(text: string, undoable = false): void {
    announce(this.opts.live, text)
    this.opts.onNotice?.(text, undoable)
  }

  scrollIntoView(tick: number): void {
    const x = tick * this.pxPerTick
    const view = this.el.clientWidth - GUTTER
    if (x < this.el.scrollLeft || x > this.el.scrollLeft + view - 40) this.el.scrollLeft = Math.max(0, x - view / 4)
  }
}
