// The track list: one compact row per track (pick the track being written in a radio group, its
// instrument, volume, mute and solo, and a menu to rename, move, pan, zoom the lane or delete it), a
// way to add a track, and to move the selected notes to another track.
import type { ProjectModel } from '../model/project'
import { MAX_TRACK_NAME } from '../model/project'
import { ROLES, type Track, type TrackRole } from '../model/schema'
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
    // A menu someone has open stays open through a redraw (another person's edit, their own pan).
    const open = new Set([...list.querySelectorAll<HTMLDetailsElement>('details.track-menu[open]')].map((d) => d.dataset.track))
    const { tracks } = model.read()
    const active = roll.caret.trackId
    list.replaceChildren(...tracks.map((t, i) => {
      const radio = h('input', { type: 'radio', name: 'active-track', id: `track-${i}`, value: t.id, checked: t.id === active })
      radio.addEventListener('change', () => roll.setActiveTrack(t.id))
      const toggle = (key: 'mute' | 'solo', label: string, what: string) => {
        const box = h('input', { type: 'checkbox', id: `track-${key}-${i}`, checked: t[key], disabled: roll.readOnly,
          'aria-label': `${label} ${t.name}`, title: `${what} ${t.name}` })
        box.addEventListener('change', () => roll.step(() => model.setTrack(t.id, key, box.checked)))
        return h('label', { class: `ms ${key}` }, box, h('span', { 'aria-hidden': 'true' }, label))
      }
      const count = `${t.notes.length} note${t.notes.length === 1 ? '' : 's'}`
      const role = t.role.toLowerCase() === t.name.toLowerCase() || t.role === 'other' ? '' : `${t.role} · `
      const menu = trackMenu(model, roll, t, i, tracks.length)
      if (open.has(t.id)) menu.open = true
      return h('div', { class: 'track' + (t.id === active ? ' active' : ''), 'data-track': t.id },
        h('span', { class: 'swatch', style: `background:${trackColor(i)}`, 'aria-hidden': 'true' }),
        radio, h('label', { for: `track-${i}`, class: 'track-title' }, h('span', { class: 'track-label' }, t.name), ' ',
          h('small', {}, role + count)),
        toggle('mute', 'M', 'Mute'), toggle('solo', 'S', 'Solo'), menu,
        h('div', { class: 'track-sound' }, instrumentPicker(model, roll, t.id, t.name, t.instrument, t.role, i),
          volumeSlider(model, roll, t.id, t.name, t.gain, i)))
    }))
    moveTarget.replaceChildren(...tracks.map((t) => h('option', { value: t.id, selected: t.id === moveTarget.value }, t.name)))
    move.disabled = tracks.length < 2
    if (focused) document.getElementById(focused)?.focus()
  }
  document.addEventListener('pointerdown', closeMenusOutside)
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

function closeMenusOutside(e: Event): void {
  for (const open of document.querySelectorAll<HTMLDetailsElement>('details.track-menu[open]')) {
    if (!open.contains(e.target as Node)) open.open = false
  }
}

/** Volume (0–100 %) of one track: one undo step per change. */
function volumeSlider(model: ProjectModel, roll: PianoRoll, trackId: string, name: string, gain: number, i: number): HTMLElement {
  const volume = h('input', { type: 'range', id: `track-volume-${i}`, class: 'volume', min: 0, max: 100, step: 1, value: Math.round(gain * 100),
    disabled: roll.readOnly, 'aria-label': `Volume of ${name}`, 'aria-valuetext': `${Math.round(gain * 100)} percent`,
    title: `Volume ${Math.round(gain * 100)} %` })
  volume.addEventListener('change', () => roll.step(() => model.setTrack(trackId, 'gain', Number(volume.value) / 100)))
  return volume
}

/** Pan (left 100 to right 100) of one track: one undo step per change. */
function panSlider(model: ProjectModel, roll: PianoRoll, trackId: string, name: string, pan: number, i: number): HTMLElement {
  const panner = h('input', { type: 'range', id: `track-pan-${i}`, min: -100, max: 100, step: 5, value: Math.round(pan * 100),
    disabled: roll.readOnly, 'aria-label': `Pan of ${name}`, 'aria-valuetext': describePan(pan) })
  panner.addEventListener('change', () => roll.step(() => model.setTrack(trackId, 'pan', Number(panner.value) / 100)))
  return h('div', { class: 'menu-field' }, h('label', { for: panner.id }, 'Pan'), panner, h('span', { 'aria-hidden': 'true' }, shortPan(pan)))
}

/**
 * The track's menu (a disclosure button, so it opens with Enter or Space and is announced as one):
 * rename, move up and down, pan, the lane's row height, delete. A viewer gets the row height only.
 */
function trackMenu(model: ProjectModel, roll: PianoRoll, t: Track, i: number, count: number): HTMLDetailsElement {
  const items = h('div', { class: 'menu-items', role: 'group', 'aria-label': `Track ${t.name}` })
  if (!roll.readOnly) {
    const moveBy = (delta: -1 | 1) => {
      if (!roll.step(() => model.moveTrack(t.id, delta))) return
      announce(roll.opts.live, `Moved the track ${t.name} ${delta < 0 ? 'up' : 'down'}`)
      requestAnimationFrame(() => document.getElementById(`track-menu-${i + delta}`)?.focus())
    }
    items.append(renameField(model, roll, t.id, t.name, i),
      h('div', { class: 'menu-row' },
        h('button', { type: 'button', id: `track-up-${i}`, disabled: i === 0, 'aria-label': `Move track ${t.name} up`, onclick: () => moveBy(-1) }, '↑ Up'),
        h('button', { type: 'button', id: `track-down-${i}`, disabled: i === count - 1, 'aria-label': `Move track ${t.name} down`, onclick: () => moveBy(1) }, '↓ Down')),
      panSlider(model, roll, t.id, t.name, t.pan, i))
  }
  items.append(rowHeightChoice(roll, t.id, t.name, i))
  if (!roll.readOnly) items.append(deleteButton(model, roll, t.id, t.name, i))
  const menu = h('details', { class: 'track-menu', 'data-track': t.id },
    h('summary', { id: `track-menu-${i}`, 'aria-label': `Menu of track ${t.name}`, title: 'Rename, move, pan, row height, delete' }, '⋯'), items)
  // One menu open at a time, as menus go; a press anywhere else closes it (closeMenusOutside).
  menu.addEventListener('toggle', () => {
    // (a redraw replaced this menu before its toggle event came: it has no say then)
    if (menu.open && menu.isConnected) for (const other of document.querySelectorAll<HTMLDetailsElement>('details.track-menu[open]')) if (other !== menu) other.open = false
  })
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && menu.open) { menu.open = false; (menu.querySelector('summary') as HTMLElement).focus() }
  })
  return menu
}

/** "C", "L 50", "R 20": the pan in the menu's few characters (the slider says it in words). */
function shortPan(pan: number): string {
  const p = Math.round(pan * 100)
  return p === 0 ? 'C' : p < 0 ? `L ${-p}` : `R ${p}`
}

function describePan(pan: number): string {
  const p = Math.round(pan * 100)
  return p === 0 ? 'centre' : p < 0 ? `${-p} percent left` : `${p} percent right`
}

const ROW_NAMES: Record<number, string> = { 5: 'small', 8: 'normal', 12: 'large', 16: 'larger', 24: 'huge' }

/** The lane's own vertical zoom (this view only). */
function rowHeightChoice(roll: PianoRoll, trackId: string, name: string, i: number): HTMLElement {
  const now = roll.laneRows.get(trackId) ?? roll.rowHeight
  const choice = h('select', { id: `track-rows-${i}`, class: 'track-rows', 'aria-label': `Row height of ${name}`, title: 'Row height' },
    ...ROW_HEIGHTS.map((r) => h('option', { value: r, selected: r === now }, ROW_NAMES[r] ?? `${r} px`)))
  choice.addEventListener('change', () => {
    // A choice made: the menu closes as menus do, its button keeping the focus.
    const menu = choice.closest('details')
    if (menu) { menu.open = false; menu.querySelector('summary')?.focus() }
    roll.setLaneRowHeight(trackId, Number(choice.value))
  })
  return h('div', { class: 'menu-field' }, h('label', { for: choice.id }, 'Rows'), choice)
}

function renameField(model: ProjectModel, roll: PianoRoll, trackId: string, name: string, i: number): HTMLElement {
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
  return h('div', { class: 'menu-field' }, h('label', { for: field.id, 'aria-hidden': 'true' }, 'Name'), field)
}

/** Deletes the track after a confirm; the user's undo brings it back. */
function deleteButton(model: ProjectModel, roll: PianoRoll, trackId: string, name: string, i: number): HTMLElement {
  return h('button', { type: 'button', id: `track-delete-${i}`, class: 'danger', 'aria-label': `Delete track ${name}`,
    onclick: () => {
      const notes = model.read().tracks.find((t) => t.id === trackId)?.notes.length ?? 0
      if (!confirm(`Delete the track "${name}" and its ${notes} notes? Undo (Ctrl+Z) brings it back.`)) return
      roll.step(() => model.deleteTrack(trackId))
      const first = model.read().tracks[0]
      if (first && roll.caret.trackId === trackId) roll.setActiveTrack(first.id)
      roll.el.focus()
      announce(roll.opts.live, `Deleted the track ${name} and its ${notes} notes; undo brings it back`) // after the focus's own
    } }, 'Delete track')
}
