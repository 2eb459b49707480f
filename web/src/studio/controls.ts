// The studio's toolbar: transport (play, stop, loop, metronome), the project's tempo, key and time
// signature, the grid and note length, zoom, undo and redo. Every control is a labelled native
// element, so it is reachable with Tab and announced by screen readers.
import type { ProjectModel } from '../model/project'
import { DENOMINATORS, isValidTempo } from '../model/schema'
import { type Mode, TONICS } from '../music/pitch'
import { GRID_CHOICES } from '../editing/grid'
import type { PianoRoll } from '../pianoroll/editor'
import type { Transport } from '../transport/transport'
import { h } from '../ui/dom'
import { ticksPerBar } from '../music/timing'

export interface Controls { el: HTMLElement; sync(): void; playButton: HTMLButtonElement }

export function buildControls(model: ProjectModel, roll: PianoRoll, transport: Transport, togglePlay: () => void,
  undo: () => void, redo: () => void, level?: HTMLElement): Controls {
  const ro = roll.readOnly
  const play = h('button', { type: 'button', id: 'play', 'aria-pressed': 'false', onclick: togglePlay }, 'Play')
  const loop = h('input', { type: 'checkbox', id: 'loop' })
  const metronome = h('input', { type: 'checkbox', id: 'metronome' })
  const tempo = h('input', { type: 'number', id: 'tempo', min: 20, max: 400, step: 1, disabled: ro, 'aria-describedby': 'tempo-error' })
  const tempoError = h('span', { id: 'tempo-error', class: 'field-error', role: 'alert' })
  const tonic = h('select', { id: 'key-tonic', disabled: ro })
  const mode = h('select', { id: 'key-mode', disabled: ro }, h('option', { value: 'major' }, 'major'), h('option', { value: 'minor' }, 'minor'))
  const tsNum = h('input', { type: 'number', id: 'ts-num', min: 1, max: 32, step: 1, disabled: ro })
  const tsDen = h('select', { id: 'ts-den', disabled: ro }, ...DENOMINATORS.map((d) => h('option', { value: d }, String(d))))
  const grid = h('select', { id: 'grid' }, ...GRID_CHOICES.map((g) => h('option', { value: g.quarters, selected: g.quarters === roll.gridQuarters }, g.label)))
  const length = h('select', { id: 'note-length' }, ...[[4, 'whole'], [2, 'half'], [1, 'quarter'], [0.5, 'eighth'], [0.25, 'sixteenth']]
    .map(([q, label]) => h('option', { value: q, selected: q === roll.noteQuarters }, String(label))))

  loop.addEventListener('change', () => {
    if (loop.checked && !roll.loop) {
      // No region dragged on the ruler yet: loop the selection, or the bar under the cursor.
      const sel = roll.selectedNotes()
      const bar = ticksPerBar(roll.layout().time)
      roll.loop = sel.length > 0
        ? { start: Math.min(...sel.map((n) => n.start)), end: Math.max(...sel.map((n) => n.start + n.duration)) }
        : { start: Math.floor(roll.caret.tick / bar) * bar, end: (Math.floor(roll.caret.tick / bar) + 4) * bar }
    }
    applyLoop()
  })
  const applyLoop = () => {
    transport.loop = loop.checked ? roll.loop : undefined
    roll.invalidate()
  }
  roll.el.addEventListener('loopchange', () => { loop.checked = roll.loop !== undefined; applyLoop() })
  metronome.addEventListener('change', () => { transport.metronome = metronome.checked })
  tempo.addEventListener('change', () => {
    const v = Number(tempo.value)
    const ok = tempo.value.trim() !== '' && isValidTempo(v)
    tempo.setAttribute('aria-invalid', String(!ok))
    if (ok) {
      tempoError.textContent = ''
      model.setMeta('tempoBpm', v)
    } else {
      // Said on screen (and by the alert), then the field shows the tempo that stays.
      tempoError.textContent = `${tempo.value.trim() || 'An empty tempo'} is not a tempo: choose 20 to 400 bpm (kept ${model.read().meta.tempoBpm}).`
      tempo.blur()
      sync()
    }
  })
  const setKey = () => {
    const m = mode.value as Mode
    const t = TONICS[m].includes(tonic.value) ? tonic.value : TONICS[m][0]
    model.setMeta('key', { tonic: t, mode: m })
  }
  tonic.addEventListener('change', setKey)
  mode.addEventListener('change', setKey)
  const setTs = () => {
    const n = Number(tsNum.value)
    if (Number.isInteger(n) && n >= 1 && n <= 32) model.setMeta('timeSignature', [n, Number(tsDen.value)])
    else sync()
  }
  tsNum.addEventListener('change', setTs)
  tsDen.addEventListener('change', setTs)
  grid.addEventListener('change', () => { roll.gridQuarters = Number(grid.value); roll.invalidate() })
  length.addEventListener('change', () => { roll.noteQuarters = Number(length.value); roll.invalidate() })

  const zoom = buildZoom(roll)

  const sync = () => {
    const { meta } = model.read()
    if (document.activeElement !== tempo) tempo.value = String(meta.tempoBpm)
    tonic.replaceChildren(...TONICS[meta.key.mode].map((t) => h('option', { value: t, selected: t === meta.key.tonic }, t)))
    mode.value = meta.key.mode
    if (document.activeElement !== tsNum) tsNum.value = String(meta.timeSignature[0])
    tsDen.value = String(meta.timeSignature[1])
    play.textContent = transport.playing ? 'Stop' : 'Play'
    play.setAttribute('aria-pressed', String(transport.playing))
  }
  sync()

  const field = (label: string, id: string, control: HTMLElement) => h('span', { class: 'field' }, h('label', { for: id }, label), control)
  const el = h('div', { class: 'toolbar' },
    h('div', { role: 'group', 'aria-label': 'Transport', class: 'group' }, play, field('Loop', 'loop', loop), field('Metronome', 'metronome', metronome), level),
    h('div', { role: 'group', 'aria-label': 'Project settings', class: 'group' },
      h('span', { class: 'field with-error' }, h('label', { for: 'tempo' }, 'Tempo (bpm)'), tempo, tempoError), field('Key', 'key-tonic', tonic), h('label', { for: 'key-mode', class: 'sr-only' }, 'Mode'), mode,
      field('Time', 'ts-num', tsNum), h('span', { 'aria-hidden': 'true' }, '/'), h('label', { for: 'ts-den', class: 'sr-only' }, 'Beat unit'), tsDen),
    h('div', { role: 'group', 'aria-label': 'Editing', class: 'group' },
      field('Grid', 'grid', grid), field('Note length', 'note-length', length),
      zoom.el),
    h('div', { role: 'group', 'aria-label': 'Undo and redo', class: 'group' },
      h('button', { type: 'button', id: 'undo', disabled: ro, onclick: undo }, 'Undo'),
      h('button', { type: 'button', id: 'redo', disabled: ro, onclick: redo }, 'Redo')))
  return { el, sync, playButton: play }
}

/** "Zoom − 100 % +": the horizontal zoom with its level (100 % is the roll's first zoom), kept up to date
 * when Ctrl+wheel or the keyboard zooms too. */
function buildZoom(roll: PianoRoll): { el: HTMLElement } {
  const base = roll.pxPerTick
  const level = h('output', { id: 'zoom-level', 'aria-live': 'off' })
  const show = () => { level.textContent = `${Math.round((roll.pxPerTick / base) * 100)} %` }
  roll.el.addEventListener('zoomchange', show)
  show()
  const el = h('span', { class: 'zoom', role: 'group', 'aria-labelledby': 'zoom-label' },
    h('span', { id: 'zoom-label' }, 'Zoom'),
    h('button', { type: 'button', id: 'zoom-out', 'aria-label': 'Zoom out', onclick: () => roll.zoom(0.8, 0) }, '−'),
    level,
    h('button', { type: 'button', id: 'zoom-in', 'aria-label': 'Zoom in', onclick: () => roll.zoom(1.25, 0) }, '+'))
  return { el }
}
