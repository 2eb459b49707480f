// The track lanes' headers: pick the track being written (a radio group), rename, delete, mute, solo,
// add, and move the selected notes to another track.
import type { ProjectModel } from '../model/project'
import { MAX_TRACK_NAME } from '../model/project'
import { ROLES, type TrackRole } from '../model/schema'
import type { PianoRoll } from '../pianoroll/editor'
import { trackColor } from '../pianoroll/colors'
import { ROW_HEIGHTS } from '../pianoroll/layout'
import { announce, h } from '../ui/dom'
import { FAMILIES, PROGRAM_NAMES, programName } from '../sound/instruments'

const ROLE_PROGRAM: Partial<Record<TrackRole, number>> = { soprano: 52, alto: 52, tenor: 52, bass: 52, chords: 0, melody: 73, drums: 0 }

export function buildTrackList(model: ProjectModel, roll: PianoRoll): { el: HTMLElement; sync(): void } {
  const list = h('div', { role: 'radiogroup', 'aria-label': 'Track being written', class: 'track-list' })
  const role = h('select', { id: 'new-track-role', 'aria-label': 'Role of the new track' }, ...ROLES.map((r) => h('option', { value: r }, r)))
  const add = h('button', { type: 'button', id: 'add-track', onclick: () => {
    const r = role.value as TrackRole
    const id = roll.step(() => model.addTrack({ name: r[0].toUpperCase() + r.slice(1), role: r, instrument: ROLE_PROGRAM[r] ?? 0 }))
    roll.setActiveTrack(id)
  } }, 'Add track')
  const moveTarget = h('select', { id: 'move-notes-target' })
  const move = h('button', { type: 'button', id: 'move-notes', onclick: () => roll.moveSelectionTo(moveTarget.value) }, 'Move')
  const el = h('nav', { class: 'tracks', 'aria-label': 'Tracks' }, h('h2', {}, 'Tracks'), list,
    roll.readOnly ? undefined : h('div', { class: 'row' }, role, add),
    roll.readOnly ? undefined : h('div', { class: 'row move-notes' },
      h('label', { for: 'move-notes-target' }, 'Move selected notes to'), moveTarget, move))

  // A rename in progress is not redrawn under the user's fingers: the list waits until it is done.
  let waiting = false
  list.addEventListener('focusout', () => {
    if (waiting) requestAnimationFrame(() => { if (!isRenaming()) { waiting = false; sync() } })
  })
  const isRenaming = () => document.activeElement instanceof HTMLInputElement && document.activeElement.type === 'text'
    && list.contains(document.activeElement)

  const sync = () => {
    if (isRenaming()) { waiting = true; return }
    const focused = list.contains(document.activeElement) ? document.activeElement?.id : undefined
    const { tracks } = model.read()
    const active = roll.caret.trackId
    list.replaceChildren(...tracks.map((t, i) => {
      const radio = h('input', { type: 'radio', name: 'active-track', id: `track-${i}`, value: t.id, checked: t.id === active })
      radio.addEventListener('change', () => roll.setActiveTrack(t.id))
      const toggle = (key: 'mute' | 'solo', label: string) => {
        const box = h('input', { type: 'checkbox', id: `track-${key}-${i}`, checked: t[key], disabled: roll.readOnly, 'aria-label': `${label} ${t.name}` })
        box.addEventListener('change', () => roll.step(() => model.setTrack(t.id, key, box.checked)))
        return h('label', { class: 'toggle' }, box, label)
      }
      return h('div', { class: 'track' + (t.id === active ? ' active' : '') },
        h('span', { class: 'swatch', style: `background:${trackColor(i)}`, 'aria-hidden': 'true' }),
        radio, h('label', { for: `track-${i}` }, `${t.name} `, h('small', {}, `${t.role}, ${t.notes.length} notes`)),
        toggle('mute', 'M'), toggle('solo', 'S'),
        instrumentPicker(model, roll, t.id, t.name, t.instrument, t.role, i),
        mixer(model, roll, t.id, t.name, t.gain, t.pan, i),
        h('div', { class: 'track-edit' }, roll.readOnly ? undefined : trackEdits(model, roll, t.id, t.name, i),
          rowHeightChoice(roll, t.id, t.name, i)))
    }))
    moveTarget.replaceChildren(...tracks.map((t) => h('option', { value: t.id, selected: t.id === moveTarget.value }, t.name)))
    move.disabled = tracks.length < 2
    if (focused) document.getElementById(focused)?.focus()
  }
  roll.el.addEventListener('activetrack', sync)
  roll.el.addEventListener('lanezoom', sync)
  sync()
  return { el, sync }
}

/**
 * The track's General MIDI instrument, grouped by family (one undo step per change, seen by everyone
 * live). A drum track plays the General MIDI kit on channel 10 and has no instrument to pick.
 */
function instrumentPicker(model: ProjectModel, roll: PianoRoll, trackId: string, name: string, program: number,
  role: TrackRole, i: number): HTMLElement {
  if (role === 'drums') {
    return h('span', { class: 'instrument drum-kit', id: `track-instrument-${i}`, title: 'General MIDI drum kit, channel 10' }, 'Drum kit')
  }
  const picker = h('select', { id: `track-instrument-${i}`, class: 'instrument', disabled: roll.readOnly,
    'aria-label': `Instrument of ${name}`, title: programName(program) },
  ...FAMILIES.map((family, f) => h('optgroup', { label: family },
    ...PROGRAM_NAMES.slice(f * 8, f * 8 + 8).map((p, k) => h('option', { value: f * 8 + k, selected: f * 8 + k === program }, p)))))
  picker.addEventListener('change', () => {
    const chosen = Number(picker.value)
    roll.step(() => model.setTrack(trackId, 'instrument', chosen))
    announce(roll.opts.live, `${name} now plays ${programName(chosen)}`)
    roll.opts.onSound?.(trackId, roll.caret.trackId === trackId ? roll.caret.pitch : 60, 90)
  })
  return picker
}

/** Volume (0–100 %) and pan (left 100 to right 100) of one track: one undo step per change. */
function mixer(model: ProjectModel, roll: PianoRoll, trackId: string, name: string, gain: number, pan: number, i: number): HTMLElement {
  const volume = h('input', { type: 'range', id: `track-volume-${i}`, min: 0, max: 100, step: 1, value: Math.round(gain * 100),
    disabled: roll.readOnly, 'aria-label': `Volume of ${name}`, 'aria-valuetext': `${Math.round(gain * 100)} percent` })
  const panner = h('input', { type: 'range', id: `track-pan-${i}`, min: -100, max: 100, step: 5, value: Math.round(pan * 100),
    disabled: roll.readOnly, 'aria-label': `Pan of ${name}`, 'aria-valuetext': describePan(pan) })
  volume.addEventListener('change', () => roll.step(() => model.setTrack(trackId, 'gain', Number(volume.value) / 100)))
  panner.addEventListener('change', () => roll.step(() => model.setTrack(trackId, 'pan', Number(panner.value) / 100)))
  return h('div', { class: 'mixer' },
    h('label', { for: volume.id, title: 'Volume' }, 'Vol'), volume, h('label', { for: panner.id, title: 'Pan' }, 'Pan'), panner)
}

function describePan(pan: number): string {
  const p = Math.round(pan * 100)
  return p === 0 ? 'centre' : p < 0 ? `${-p} percent left` : `${p} percent right`
}

/** The name field and the delete button of one track (owners and editors only). */
const ROW_NAMES: Record<number, string> = { 5: 'small', 8: 'normal', 12: 'large', 16: 'larger', 24: 'huge' }

/** The lane's own vertical zoom (this view only). */
function rowHeightChoice(roll: PianoRoll, trackId: string, name: string, i: number): HTMLElement {
  const now = roll.laneRows.get(trackId) ?? roll.rowHeight
  const choice = h('select', { id: `track-rows-${i}`, class: 'track-rows', 'aria-label': `Row height of ${name}`, title: 'Row height' },
    ...ROW_HEIGHTS.map((r) => h('option', { value: r, selected: r === now }, ROW_NAMES[r] ?? `${r} px`)))
  choice.addEventListener('change', () => roll.setLaneRowHeight(trackId, Number(choice.value)))
  return choice
}

function trackEdits(model: ProjectModel, roll: PianoRoll, trackId: string, name: string, i: number): DocumentFragment {
  const field = h('input', { type: 'text', id: `track-name-${i}`, value: name, maxlength: MAX_TRACK_NAME, required: true,
    'aria-label': `Name of track ${name}`, class: 'track-name' })
  field.addEventListener('change', () => {
    if (field.value.trim() === '') {
      field.setCustomValidity('A track needs a name.')
      field.reportValidity()
      return
    }
    field.setCustomValidity('')
    roll.step(() => model.renameTrack(trackId, field.value))
    announce(roll.opts.live, `Track ${name} renamed to ${field.value.trim()}`)
  })
  field.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') field.blur()
    if (e.key === 'Escape') { field.value = name; field.setCustomValidity(''); field.blur() }
  })
  const del = h('button', { type: 'button', id: `track-delete-${i}`, class: 'link danger', 'aria-label': `Delete track ${name}`,
    onclick: () => {
      const notes = model.read().tracks.find((t) => t.id === trackId)?.notes.length ?? 0
      if (!confirm(`Delete the track "${name}" and its ${notes} notes? Undo (Ctrl+Z) brings it back.`)) return
      roll.step(() => model.deleteTrack(trackId))
      const first = model.read().tracks[0]
      if (first && roll.caret.trackId === trackId) roll.setActiveTrack(first.id)
      roll.el.focus()
      announce(roll.opts.live, `Deleted the track ${name} and its ${notes} notes; undo brings it back`) // after the focus's own
    } }, 'Delete')
  const both = document.createDocumentFragment()
  both.append(field, del)
  return both
}
