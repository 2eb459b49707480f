// A project's ownership and consent, in its info page: the terms, and whether its content may train a
// model (off unless the owner turns it on; only the owner can change it).
import { ApiError, call, type ProjectRecord } from '../api'
import type { Session } from '../session'
import { h } from '../ui/dom'
import { termsDetails } from './terms'

interface Training { optIn: boolean; since: string | null }
interface Author { actor: string; name: string; source: 'human' | 'ai' }

export function ownershipSection(session: Session, project: ProjectRecord): HTMLElement {
  const path = `/api/projects/${encodeURIComponent(project.id)}/training`
  const status = h('p', { role: 'status', id: 'training-status' })
  const error = h('p', { class: 'error', role: 'alert' })
  const box = h('input', { type: 'checkbox', id: 'training-opt-in', disabled: true })
  const show = (t: Training) => {
    box.checked = t.optIn
    box.disabled = project.role !== 'owner'
    status.textContent = t.optIn
      ? `This project may be used to train Ensemble's model (allowed ${t.since ? new Date(t.since).toLocaleDateString() : ''}).`
      : 'This project is not used to train any model.'
  }
  box.addEventListener('change', () => {
    error.textContent = ''
    call<Training>('PUT', path, session.token, { optIn: box.checked }).then(show, (err) => {
      error.textContent = err instanceof ApiError ? err.message : String(err)
      box.checked = !box.checked
    })
  })
  call<Training>('GET', path, session.token).then(show, (err) => {
    error.textContent = err instanceof ApiError ? err.message : String(err)
  })
  const authors = h('ul', { class: 'member-list', 'aria-label': 'Authors you can anonymize' })
  const authorsHint = h('p', {}, 'No one else has written in this project yet.')
  const authorStatus = h('p', { role: 'status' })
  if (project.role === 'owner') {
    const listAuthors = () => call<{ authors: Author[] }>('GET', `/api/projects/${encodeURIComponent(project.id)}/attribution`, session.token)
      .then((stats) => authors.replaceChildren(...stats.authors
        .filter((a) => a.source === 'human' && a.actor !== project.owner.id && a.actor !== 'unknown' && !a.actor.startsWith('anonymous-'))
        .map((a) => h('li', {}, h('span', { class: 'member-name' }, `${a.name} (${a.actor})`),
          h('button', { type: 'button', class: 'link', onclick: () => anonymize(a) }, `Anonymize ${a.name}`)))))
      .then(() => {
        authorsHint.textContent = authors.childElementCount > 0
          ? 'People who wrote in this project keep their names in its credits; you can show one under another name (for someone who left):'
          : 'No one else has written in this project yet.'
      },
      (err) => { error.textContent = err instanceof ApiError ? err.message : String(err) })
    const anonymize = (a: Author) => {
      const name = prompt(`Show ${a.name} in this project's credits and exports as:`, 'Former member')
      if (!name) return
      call('PUT', `/api/projects/${encodeURIComponent(project.id)}/authors/${encodeURIComponent(a.actor)}`, session.token, { name })
        .then(() => { authorStatus.textContent = `${a.name} is now shown as ${name}.`; return listAuthors() },
          (err) => { error.textContent = err instanceof ApiError ? err.message : String(err) })
    }
    listAuthors()
  }
  return h('section', { class: 'card', 'aria-labelledby': 'ownership-title' },
    h('h2', { id: 'ownership-title' }, 'Ownership and training'),
    termsDetails(true),
    h('div', { class: 'row' }, box, h('label', { for: 'training-opt-in' },
      project.role === 'owner' ? 'Allow this project to train Ensemble\'s model (you can turn this off at any time)'
        : 'Training allowed by the owner')),
    status, error,
    project.role === 'owner' ? authorsHint : undefined, project.role === 'owner' ? authors : undefined,
    project.role === 'owner' ? authorStatus : undefined)
}
