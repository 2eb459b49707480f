// The hover card: pointing at a note shows who created it and who changed it, when, and for the
// AI's notes the model version and who requested and accepted them. Keyboard users get the same
// through the inspector line and the live region (describeAuthors), which this does not replace.
import type { PianoRoll } from '../pianoroll/editor'
import { GUTTER, hitNote, laneAt, pitchAt, RULER, tickAt } from '../pianoroll/layout'
import { h } from '../ui/dom'
import { describeCredit } from './credit'
import type { AttributionView } from './view'

export function attachNoteTooltip(roll: PianoRoll, view: AttributionView): HTMLElement {
  const tip = h('div', { class: 'note-tip', role: 'tooltip', id: 'note-tip', 'data-testid': 'note-tip', hidden: true })
  const canvas = roll.canvas
  let shownFor = ''

  const hide = () => {
    if (tip.hidden) return
    tip.hidden = true
    shownFor = ''
  }

  canvas.addEventListener('pointermove', (e) => {
    if (e.buttons !== 0) { hide(); return } // dragging: the card would cover what is moved
    const rect = canvas.getBoundingClientRect()
    const x = e.clientX - rect.left
    const y = e.clientY - rect.top
    if (x < GUTTER || y < RULER) { hide(); return }
    const { snap, lanes } = roll.layout()
    const cy = y + roll.el.scrollTop
    const lane = laneAt(lanes, cy)
    const track = lane && snap.tracks.find((t) => t.id === lane.trackId)
    const hit = lane && track && hitNote(track.notes, tickAt(x, roll.el.scrollLeft, roll.pxPerTick), pitchAt(lane, cy, roll.rowHeight), 0)
    if (!hit) { hide(); return }
    const credit = view.credit(hit.note.id)
    const lines = credit ? describeCredit(credit) : ['Author not known yet']
    const key = hit.note.id + '\u0000' + lines.join('\n')
    if (key !== shownFor) {
      shownFor = key
      tip.replaceChildren(...lines.map((l, i) => h(i === 0 ? 'strong' : 'span', {}, l)))
      tip.dataset.noteId = hit.note.id
    }
    tip.hidden = false
    // Beside the pointer, kept inside the roll's box.
    const wrap = tip.offsetParent?.getBoundingClientRect() ?? rect
    const left = Math.min(e.clientX - wrap.left + 14, wrap.width - tip.offsetWidth - 4)
    const top = e.clientY - wrap.top + 16 + tip.offsetHeight > wrap.height ? e.clientY - wrap.top - tip.offsetHeight - 8 : e.clientY - wrap.top + 16
    tip.style.left = `${Math.max(0, left)}px`
    tip.style.top = `${Math.max(0, top)}px`
  })
  canvas.addEventListener('pointerleave', hide)
  canvas.addEventListener('pointerdown', hide)
  roll.el.addEventListener('scroll', hide, { passive: true })
  roll.el.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide() })
  return tip
}
