// What the AI learned from, in plain words, with the model card a click away (fetched with the
// session's token, never put in a link).
import { ApiError } from '../api'
import { h } from '../ui/dom'

export function modelNote(token: string): HTMLElement {
  const card = h('pre', { class: 'model-card', hidden: true, tabindex: 0, 'aria-label': 'The co-writer\'s card' })
  const error = h('p', { class: 'error', role: 'alert' })
  const read = h('button', { type: 'button', class: 'link', id: 'ai-model-card', onclick: async () => {
    if (!card.hidden) { card.hidden = true; return }
    try {
      const res = await fetch('/api/generation/model/card.md', { headers: { authorization: `Bearer ${token}` } })
      if (!res.ok) throw new ApiError(res.status, (await res.json().catch(() => ({}))).error ?? res.statusText)
      card.textContent = await res.text()
      card.hidden = false
    } catch (err) {
      error.textContent = err instanceof ApiError ? err.message : String(err)
    }
  } }, 'Read the model card')
  return h('details', { class: 'ai-model-note', 'data-testid': 'ai-model-note' },
    h('summary', {}, 'What did this AI learn from?'),
    h('p', {}, 'Only from Bach\'s four-part chorales: music in the public domain, in a research encoding whose licence '
      + 'its publishers do not state. No user\'s work is used for training: a project is used only if its owner allows it.'),
    h('p', {}, 'Notes you accept from it are your work; the attribution record keeps which ones came from the AI.'),
    read, error, card)
}
