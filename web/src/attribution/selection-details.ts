// "Selected note" in the attribution panel: the hover card's details (who created the note and who
// changed it, when; the AI's model version, requester and acceptor) for the selection, so that
// keyboard and screen-reader users reach them too (select with period and comma in the roll).
import type { PianoRoll } from '../pianoroll/editor'
import { h } from '../ui/dom'
import { describeCredit } from './credit'
import type { AttributionView } from './view'

export function buildSelectionDetails(roll: PianoRoll, view: AttributionView): HTMLElement {
  const body = h('div', { class: 'selection-details', 'data-testid': 'attribution-selection' })
  const sync = () => {
    const ids = [...roll.selection]
    if (ids.length === 0) {
      body.replaceChildren(h('p', { class: 'muted' }, 'Select a note (click it, or press period in the roll) to see who wrote it.'))
    } else if (ids.length === 1) {
      const c = view.credit(ids[0])
      body.replaceChildren(h('ul', {}, ...(c ? describeCredit(c) : ['Author not known yet']).map((l) => h('li', {}, l))))
    } else {
      // Count the selection by creator: "5 notes: 3 by Alice, 2 by the AI".
      const counts = new Map<string, number>()
      for (const id of ids) {
        const c = view.credit(id)
        const who = !c ? 'unknown authors' : c.ai ? 'the AI' : c.creator.name
        counts.set(who, (counts.get(who) ?? 0) + 1)
      }
      body.replaceChildren(h('p', {}, `${ids.length} notes: ` + [...counts].map(([who, n]) => `${n} by ${who}`).join(', ')))
    }
  }
  roll.el.addEventListener('noteselect', sync)
  view.onChange(sync)
  sync()
  return body
}
