// In a student's copy of an assignment: the instructions, the AI policy and Submit (the student) or
// when it was submitted, above the roll. Nothing is shown in a project that is not a copy.
import { ApiError } from '../api'
import type { StudioContext } from '../studio/studio'
import { h } from '../ui/dom'
import { formatTime } from '../attribution/credit'
import { assignments, describePolicy, type Assignment } from './assignments-api'

/** `onAssignment`: told the assignment when this project is a copy of one (the part-writing panel takes its rules). */
export function mountAssignmentBanner(ctx: StudioContext, into: HTMLElement, onAssignment: (a: Assignment) => void = () => {}): void {
  const { session, project } = ctx
  assignments.ofCopy(session.token, project.id).then((a) => { show(a); onAssignment(a) }, () => { /* not an assignment's copy */ })
  function show(a: Assignment): void {
    const mine = a.copies.find((c) => c.projectId === project.id)
    const status = h('span', { role: 'status', 'data-testid': 'assignment-submitted' },
      mine?.submittedAt ? `Submitted ${formatTime(mine.submittedAt)}.` : '')
    const submit = mine && mine.student.id === session.user.id && !mine.submittedAt
      ? h('button', { type: 'button', class: 'primary', 'data-testid': 'submit-assignment', onclick: () => {
        assignments.submit(session.token, project.id).then((b) => {
          const at = b.copies.find((c) => c.projectId === project.id)?.submittedAt
          status.textContent = at ? `Submitted ${formatTime(at)}.` : 'Submitted.'
          submit?.remove()
        }, (e) => { status.textContent = e instanceof ApiError ? e.message : String(e) })
      } }, 'Submit') : undefined
    into.replaceChildren(h('section', { class: 'assignment-banner', 'aria-label': 'Assignment', 'data-testid': 'assignment-banner' },
      h('strong', {}, `Assignment: ${a.title}`), ' ', h('span', {}, a.instructions), ' ',
      h('span', { class: 'badge' }, describePolicy(a)), ' ', submit, status))
  }
}
