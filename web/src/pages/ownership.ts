// A project's ownership and consent, in its info page: the terms, whether its content may train a
// model (off unless the owner turns it on; only the owner can change it), and for the owner, the
// authors they may anonymize.
import { ApiError, call, type ProjectRecord } from '../api'
import type { Session } from '../session'
import { h } from '../ui/dom'
import { authorsSection } from './authors'
import { termsDetails } from './terms'

interface Training { optIn: boolean; since: string | null }

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
  return h('section', { class: 'card', 'aria-labelledby': 'ownership-title' },
    h('h2', { id: 'ownership-title' }, 'Ownership and training'),
    termsDetails(true),
    h('div', { class: 'row' }, box, h('label', { for: 'training-opt-in' },
      project.role === 'owner' ? 'Allow this project to train Ensemble\'s model (you can turn this off at any time)'
        : 'Training allowed by the owner')),
    status, error, project.role === 'owner' ? authorsSection(session, project) : undefined)
}
