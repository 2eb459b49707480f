// The teacher's class overview of one assignment (#/assignments/<id>): per student, the copy, whether
// it was submitted, the notes by the student, by the AI and given, the human/AI share of what was
// written (from the authorship ledger), the AI requests, and the part-writing findings.
import { ApiError } from '../api'
import type { Session } from '../session'
import { h } from '../ui/dom'
import { formatTime } from '../attribution/credit'
import { assignments, describePolicy, type OverviewRow } from './assignments-api'

const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`)

export async function overviewPage(root: HTMLElement, session: Session, id: string): Promise<void> {
  const main = h('main', { id: 'main', class: 'page' })
  root.replaceChildren(main)
  const body = h('tbody', {})
  const heading = h('h1', {}, 'Class overview')
  const about = h('p', { class: 'muted' })
  const error = h('p', { class: 'error', role: 'alert' })
  const refresh = async () => {
    const o = await assignments.overview(session.token, id)
    heading.textContent = `Class overview: ${o.assignment.title}`
    about.textContent = `${describePolicy(o.assignment)}. Part writing checked: `
      + `${o.assignment.rules.map((r) => r.replace(/-/g, ' ')).join(', ')}. ${o.assignment.instructions}`
    body.replaceChildren(...o.students.map(row))
  }
  const fail = (err: unknown) => { error.textContent = err instanceof ApiError ? err.message : String(err) }
  const columns = ['Student', 'Submitted', 'Their notes', 'AI notes', 'People / AI', 'AI requests', 'Part-writing']
  const head = h('thead', {}, h('tr', {}, ...columns.map((t) => h('th', { scope: 'col' }, t))))
  const table = h('table', { class: 'overview', 'data-testid': 'overview' },
    h('caption', { class: 'sr-only' }, 'Each student’s copy'), head, body)
  main.append(h('header', { class: 'page-head' }, heading, h('a', { href: '#/' }, 'All projects')), about, table,
    h('button', { type: 'button', onclick: () => refresh().catch(fail) }, 'Refresh'), error)
  await refresh().catch(fail)
}

function row(r: OverviewRow): HTMLElement {
  const counts = Object.entries(r.partWriting.counts).filter(([, n]) => n > 0).map(([rule, n]) => `${rule} ${n}`).join(', ')
  return h('tr', { 'data-student': r.student.id },
    h('th', { scope: 'row' }, h('a', { href: `#/p/${encodeURIComponent(r.projectId)}` }, r.student.name)),
    h('td', { 'data-cell': 'submitted' }, r.submittedAt ? formatTime(r.submittedAt) : 'not yet'),
    h('td', { 'data-cell': 'student-notes' }, String(r.notes.student)),
    h('td', { 'data-cell': 'ai-notes' }, String(r.notes.ai)),
    h('td', { 'data-cell': 'share' }, `${percent(r.share.human)} / ${percent(r.share.ai)}`),
    h('td', { 'data-cell': 'ai-requests' }, String(r.aiRequests)),
    h('td', { 'data-cell': 'part-writing' }, r.partWriting.findings === 0 ? 'no findings' : `${r.partWriting.findings}: ${counts}`))
}
