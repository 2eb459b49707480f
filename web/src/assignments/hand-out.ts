// The owner's "Hand out as an assignment" form on the members page: the class (a saved one, or names one a line),
// instructions, the AI policy and the part-writing rules the copies are checked with (the students'
// markers and the class overview use only those); each student gets their own copy as its editor.
import { ApiError } from '../api'
import type { Session } from '../session'
import { h } from '../ui/dom'
import { assignments, classes, type AiPolicy, type SchoolClass } from './assignments-api'
import { studentsFrom } from './classes-page'
import { RULES } from '../partwriting/rules'

export function handOutForm(session: Session, projectId: string, title: string): HTMLElement {
  const students = h('textarea', { id: 'assignment-students', rows: 4, placeholder: 'Ann\nBen', required: true })
  // A saved class fills the names in (still editable); its students keep the ids the class has.
  let saved: SchoolClass[] = []
  const classPick = h('select', { id: 'assignment-class' }, h('option', { value: '' }, 'none: type the names'))
  classes.mine(session.token).then((mine) => {
    saved = mine
    classPick.append(...mine.map((k) => h('option', { value: k.id }, `${k.name} (${k.students.length})`)))
  }, () => { /* no classes to offer */ })
  classPick.addEventListener('change', () => {
    const k = saved.find((c) => c.id === classPick.value)
    if (k) students.value = k.students.map((s) => s.name).join('\n')
  })
  const instructions = h('textarea', { id: 'assignment-instructions', rows: 3, maxlength: 4000,
    placeholder: 'e.g. Harmonize the melody in four parts.' })
  const policy = h('select', { id: 'assignment-ai' }, h('option', { value: 'off' }, 'off'),
    h('option', { value: 'hints' }, 'hints only (one voice at a time)'), h('option', { value: 'on' }, 'on'))
  const limit = h('input', { id: 'assignment-hints', type: 'number', min: 1, max: 100, value: '5' })
  const ruleBoxes = RULES.map((r) => h('input', { type: 'checkbox', id: `assignment-rule-${r.id}`, value: r.id, checked: true }))
  const rules = h('fieldset', { class: 'rules', 'data-testid': 'assignment-rules' },
    h('legend', {}, 'Part-writing rules to check'),
    ...RULES.map((r, i) => h('div', { class: 'rule' }, ruleBoxes[i],
      h('label', { for: `assignment-rule-${r.id}` }, h('strong', {}, r.id.replace(/-/g, ' ')), ` — ${r.summary}`))))
  const status = h('p', { role: 'status', 'data-testid': 'assignment-status' })
  const form = h('form', { class: 'card', 'aria-labelledby': 'assignment-title' },
    h('h2', { id: 'assignment-title' }, 'Hand out as an assignment'),
    h('p', { class: 'muted small' }, `Each student gets their own copy of “${title}” to edit; you keep access to every copy.`),
    h('div', { class: 'row' }, h('label', { for: 'assignment-class' }, 'Class'), classPick,
      h('a', { href: '#/classes' }, 'Manage your classes')),
    h('label', { for: 'assignment-students' }, 'Students (one name a line)'), students,
    h('label', { for: 'assignment-instructions' }, 'Instructions'), instructions,
    h('div', { class: 'row' }, h('label', { for: 'assignment-ai' }, 'AI co-writer'), policy,
      h('label', { for: 'assignment-hints' }, 'Hint requests per student'), limit),
    rules,
    h('button', { type: 'submit' }, 'Hand out'), status)
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    const known = new Map(saved.find((c) => c.id === classPick.value)?.students.map((s) => [s.name, s]) ?? [])
    const picked = studentsFrom(students.value).map((s) => known.get(s.name) ?? s)
    const chosen = ruleBoxes.filter((b) => b.checked).map((b) => b.value)
    if (chosen.length === 0) { status.textContent = 'Choose at least one part-writing rule to check.'; return }
    status.textContent = 'Making the copies…'
    assignments.handOut(session.token, projectId, {
      students: picked, instructions: instructions.value,
      aiPolicy: policy.value as AiPolicy, aiHintLimit: Number(limit.value) || undefined, rules: chosen,
    }).then((a) => {
      status.replaceChildren(`Handed out to ${a.copies.length} students. `,
        h('a', { href: `#/assignments/${encodeURIComponent(a.id)}` }, 'Open the class overview'))
    }, (err) => { status.textContent = err instanceof ApiError ? err.message : String(err) })
  })
  return form
}
