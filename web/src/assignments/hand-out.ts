// The owner's "Hand out as an assignment" form on the members page: the class (names, one per line),
// instructions and the AI policy; each student gets their own copy as its editor.
import { ApiError, userIdOf } from '../api'
import type { Session } from '../session'
import { h } from '../ui/dom'
import { assignments, type AiPolicy } from './assignments-api'

export function handOutForm(session: Session, projectId: string, title: string): HTMLElement {
  const students = h('textarea', { id: 'assignment-students', rows: 4, placeholder: 'Ann\nBen', required: true })
  const instructions = h('textarea', { id: 'assignment-instructions', rows: 3, maxlength: 4000,
    placeholder: 'e.g. Harmonize the melody in four parts.' })
  const policy = h('select', { id: 'assignment-ai' }, h('option', { value: 'off' }, 'off'),
    h('option', { value: 'hints' }, 'hints only (one voice at a time)'), h('option', { value: 'on' }, 'on'))
  const limit = h('input', { id: 'assignment-hints', type: 'number', min: 1, max: 100, value: '5' })
  const status = h('p', { role: 'status', 'data-testid': 'assignment-status' })
  const form = h('form', { class: 'card', 'aria-labelledby': 'assignment-title' },
    h('h2', { id: 'assignment-title' }, 'Hand out as an assignment'),
    h('p', { class: 'muted small' }, `Each student gets their own copy of “${title}” to edit; you keep access to every copy.`),
    h('label', { for: 'assignment-students' }, 'Students (one name a line)'), students,
    h('label', { for: 'assignment-instructions' }, 'Instructions'), instructions,
    h('div', { class: 'row' }, h('label', { for: 'assignment-ai' }, 'AI co-writer'), policy,
      h('label', { for: 'assignment-hints' }, 'Hint requests per student'), limit),
    h('button', { type: 'submit' }, 'Hand out'), status)
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    const names = students.value.split('\n').map((s) => s.trim()).filter(Boolean)
    status.textContent = 'Making the copies…'
    assignments.handOut(session.token, projectId, {
      students: names.map((n) => ({ id: userIdOf(n), name: n })), instructions: instructions.value,
      aiPolicy: policy.value as AiPolicy, aiHintLimit: Number(limit.value) || undefined,
    }).then((a) => {
      status.replaceChildren(`Handed out to ${a.copies.length} students. `,
        h('a', { href: `#/assignments/${encodeURIComponent(a.id)}` }, 'Open the class overview'))
    }, (err) => { status.textContent = err instanceof ApiError ? err.message : String(err) })
  })
  return form
}
