// The read-only staff view: the whole project as notation, wrapped into systems as wide as the view,
// drawn again on the next frame after any change (this user's or a collaborator's) while it is shown.
// Loaded on demand (studio.ts imports it dynamically), so a studio that never shows it never loads it.
import type { ProjectModel } from '../model/project'
import { h } from '../ui/dom'
import { buildScore } from './score'
import { renderScore } from './render'
import { describeScore } from './summary'

export interface StaffView {
  el: HTMLElement
  show(): void
  hide(): void
  dispose(): void
}

/** `leave` is called when the reader presses Escape in the view (the studio goes back to the piano roll). */
export function mountStaffView(model: ProjectModel, leave: () => void): StaffView {
  const drums = h('p', { class: 'staff-drums', hidden: true })
  const sheet = h('div', { class: 'staff-sheet' })
  const el = h('section', {
    id: 'staff-view', class: 'staff-view', tabindex: 0, 'aria-label': 'Staff view, read only',
    'aria-describedby': 'staff-help',
  }, h('p', { id: 'staff-help', class: 'staff-help' },
    'Read only: the piano roll edits. Escape or the Staff view button goes back to it.'), drums, sheet)
  let shown = false
  let frame = 0
  let width = 0

  const draw = () => {
    frame = 0
    if (!shown) return
    width = sheet.clientWidth
    const { meta, tracks } = model.read()
    const score = buildScore(meta, tracks)
    sheet.innerHTML = renderScore(score, Math.max(width, 320), describeScore(score)).svg
    drums.hidden = score.leftOut.length === 0
    drums.textContent = score.leftOut.length === 0 ? ''
      : `Drum tracks are not drawn as staves (${score.leftOut.join(', ')}): the piano roll shows their kit pieces.`
  }
  const schedule = () => { if (shown && !frame) frame = requestAnimationFrame(draw) }
  const stopListening = model.onChange(schedule)
  const resized = new ResizeObserver(() => { if (shown && sheet.clientWidth !== width) schedule() })
  resized.observe(sheet)
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { e.preventDefault(); leave() }
  })

  return {
    el,
    show() { shown = true; draw() },
    hide() { shown = false; cancelAnimationFrame(frame); frame = 0 },
    dispose() { shown = false; cancelAnimationFrame(frame); stopListening(); resized.disconnect() },
  }
}
