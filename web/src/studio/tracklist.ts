// The track lanes' headers: pick the track being written (a radio group), rename, mute, solo, add.
import type { ProjectModel } from '../model/project'
import { ROLES, type TrackRole } from '../model/schema'
import type { PianoRoll } from '../pianoroll/editor'
import { trackColor } from '../pianoroll/colors'
import { h } from '../ui/dom'

const ROLE_PROGRAM: Partial<Record<TrackRole, number>> = { soprano: 52, alto: 52, tenor: 52, bass: 52, chords: 0, melody: 73, drums: 0 }

export function buildTrackList(model: ProjectModel, roll: PianoRoll): { el: HTMLElement; sync(): void } {
  const list = h('div', { role: 'radiogroup', 'aria-label': 'Track being written', class: 'track-list' })
  const role = h('select', { id: 'new-track-role', 'aria-label': 'Role of the new track' }, ...ROLES.map((r) => h('option', { value: r }, r)))
  const add = h('button', { type: 'button', id: 'add-track', onclick: () => {
    const r = role.value as TrackRole
    const id = model.addTrack({ name: r[0].toUpperCase() + r.slice(1), role: r, instrument: ROLE_PROGRAM[r] ?? 0 })
    roll.setActiveTrack(id)
  } }, 'Add track')
  const el = h('nav', { class: 'tracks', 'aria-label': 'Tracks' }, h('h2', {}, 'Tracks'), list,
    roll.readOnly ? undefined : h('div', { class: 'row' }, role, add))

  const sync = () => {
    const { tracks } = model.read()
    const active = roll.caret.trackId
    list.replaceChildren(...tracks.map((t, i) => {
      const radio = h('input', { type: 'radio', name: 'active-track', id: `track-${i}`, value: t.id, checked: t.id === active })
      radio.addEventListener('change', () => roll.setActiveTrack(t.id))
      const toggle = (key: 'mute' | 'solo', label: string) => {
        const box = h('input', { type: 'checkbox', checked: t[key], disabled: roll.readOnly, 'aria-label': `${label} ${t.name}` })
        box.addEventListener('change', () => model.setTrack(t.id, key, box.checked))
        return h('label', { class: 'toggle' }, box, label)
      }
      return h('div', { class: 'track' + (t.id === active ? ' active' : '') },
        h('span', { class: 'swatch', style: `background:${trackColor(i)}`, 'aria-hidden': 'true' }),
        radio, h('label', { for: `track-${i}` }, `${t.name} `, h('small', {}, `${t.role}, ${t.notes.length} notes`)),
        toggle('mute', 'M'), toggle('solo', 'S'))
    }))
  }
  roll.el.addEventListener('activetrack', sync)
  sync()
  return { el, sync }
}
