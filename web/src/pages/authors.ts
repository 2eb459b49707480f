// The owner shows an author of the project under another name (for someone who left): the people
// the attribution statistics name, each with an "Anonymize" button (PUT /api/projects/:id/authors/:userId).
import { ApiError, call, type ProjectRecord } from '../api'
import type { Session } from '../session'
import { h } from '../ui/dom'

interface Author { actor: string; name: string; source: 'human' | 'ai' }

export function authorsSection(session: Session, project: ProjectRecord): HTMLElement {
  const base = `/api/projects/${encodeURIComponent(project.id)}`
  const list = h('ul', { class: 'member-list', 'aria-label': 'Authors you can anonymize' })
  const hint = h('p', {}, 'No one else has written in this project yet.')
  const status = h('p', { role: 'status' })
  const error = h('p', { class: 'error', role: 'alert' })
  const fail = (err: unknown) => { error.textContent = err instanceof ApiError ? err.message : String(err) }
  const anonymize = (a: Author) => {
    const name = prompt(`Show ${a.name} in this project's credits and exports as:`, 'Former member')
    if (!name) return
    call('PUT', `${base}/authors/${encodeURIComponent(a.actor)}`, session.token, { name })
      .then(() => { status.textContent = `${a.name} is now shown as ${name}.`; return refresh() }, fail)
  }
  const refresh = () => call<{ authors: Author[] }>('GET', `${base}/attribution`, session.token).then((stats) => {
    const others = stats.authors.filter((a) => a.source === 'human' && a.actor !== project.owner.id
      && a.actor !== 'unknown' && !a.actor.startsWith('anonymous-'))
    list.replaceChildren(...others.map((a) => h('li', {}, h('span', { class: 'member-name' }, `${a.name} (${a.actor})`),
      h('button', { type: 'button', class: 'link', onclick: () => anonymize(a) }, `Anonymize ${a.name}`))))
    hint.textContent = others.length > 0
      ? 'People who wrote in this project keep their names in its credits; you can show one under another name (for someone who left):'
      : 'No one else has written in this project yet.'
  }, fail)
  refresh()
  return h('div', { class: 'authors' }, hint, list, status, error)
}
