// The teacher's classes (#/classes): saved lists of students to pick at hand-out. Make one, rename it,
// add students (names, one a line) or remove one, delete it. Every change is answered in the status
// line, a polite live region; the server's refusals (a blank name, a student listed twice) say why.
import { ApiError, userIdOf, type User } from '../api'
import type { Session } from '../session'
import { h } from '../ui/dom'
import { classes, type SchoolClass } from './assignments-api'

/** Names one a line, as students ({ id, name }); blank lines dropped. */
export function studentsFrom(text: string): User[] {
  return text.split('\n').map((s) => s.trim()).filter(Boolean).map((name) => ({ id: userIdOf(name), name }))
}

export async function classesPage(root: HTMLElement, session: Session): Promise<void> {
  const { token } = session
  const status = h('p', { role: 'status', 'data-testid': 'classes-status' })
  const list = h('div', { class: 'classes', 'data-testid': 'classes' })
  const say = (text: string) => { status.textContent = text }
  const fail = (err: unknown) => say(err instanceof ApiError ? err.message : String(err))

  const name = h('input', { id: 'class-name', type: 'text', maxlength: 100, required: true, placeholder: 'e.g. 5B harmony' })
  const students = h('textarea', { id: 'class-students', rows: 4, placeholder: 'Ann\nBen' })
  const form = h('form', { class: 'card', 'aria-labelledby': 'new-class-title', onsubmit: (e: Event) => {
    e.preventDefault()
    classes.create(token, name.value, studentsFrom(students.value)).then((made) => {
      name.value = ''
      students.value = ''
      say(`Made the class “${made.name}” with ${made.students.length} students.`)
      return refresh()
    }, fail)
  } }, h('h2', { id: 'new-class-title' }, 'New class'),
  h('label', { for: 'class-name' }, 'Class name'), name,
  h('label', { for: 'class-students' }, 'Students (one name a line)'), students,
  h('button', { type: 'submit' }, 'Make class'))

  const card = (k: SchoolClass) => {
    const titleId = `class-${k.id}`
    const rename = h('input', { type: 'text', maxlength: 100, value: k.name, 'aria-label': `New name for ${k.name}` })
    const more = h('textarea', { rows: 2, placeholder: 'Students to add, one name a line', 'aria-label': `Students to add to ${k.name} (one name a line)` })
    const sure = h('button', { type: 'button', class: 'danger', hidden: true, onclick: () => {
      classes.delete(token, k.id).then(() => { say(`Deleted the class “${k.name}”.`); return refresh() }, fail)
    } }, `Delete “${k.name}” for good`)
    return h('section', { class: 'card class', 'aria-labelledby': titleId, 'data-class': k.id },
      h('h2', { id: titleId }, k.name),
      h('ul', { class: 'class-students', 'aria-label': `Students of ${k.name}` },
        ...k.students.map((s) => h('li', { 'data-student': s.id }, s.name, ' ',
          h('button', { type: 'button', class: 'link', 'aria-label': `Remove ${s.name} from ${k.name}`, onclick: () => {
            classes.remove(token, k.id, s.id).then(() => { say(`Removed ${s.name} from “${k.name}”.`); return refresh() }, fail)
          } }, 'Remove'))),
        ...(k.students.length === 0 ? [h('li', { class: 'muted' }, 'No students yet.')] : [])),
      h('form', { class: 'row', onsubmit: (e: Event) => {
        e.preventDefault()
        classes.add(token, k.id, studentsFrom(more.value)).then((c) => {
          say(`“${c.name}” has ${c.students.length} students.`)
          return refresh()
        }, fail)
      } }, more, h('button', { type: 'submit' }, 'Add students')),
      h('form', { class: 'row', onsubmit: (e: Event) => {
        e.preventDefault()
        classes.rename(token, k.id, rename.value).then((c) => { say(`Renamed “${k.name}” to “${c.name}”.`); return refresh() }, fail)
      } }, rename, h('button', { type: 'submit' }, 'Rename')),
      h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => { sure.hidden = false; sure.focus() } }, 'Delete class…'), ' ', sure))
  }

  async function refresh(): Promise<void> {
    const mine = await classes.mine(token)
    list.replaceChildren(...mine.map(card), ...(mine.length === 0 ? [h('p', { class: 'muted' }, 'No classes yet.')] : []))
  }

  root.replaceChildren(h('main', { id: 'main', class: 'page classes-page' },
    h('header', { class: 'page-head' }, h('h1', {}, 'Your classes'), h('a', { href: '#/' }, 'All projects')),
    h('p', { class: 'muted' }, 'A class is a list of students you keep: pick it when you hand a project out as an assignment.'),
    status, form, list))
  await refresh().catch(fail)
}
