// Members and roles of one project: the owner invites people by name and sets editor or viewer.
import { api, ApiError, userIdOf } from '../api'
import type { Session } from '../session'
import { h } from '../ui/dom'
import { inviteLinks } from './invite-links'
import { ownershipSection } from './ownership'
import { handOutForm } from '../assignments/hand-out'

export async function membersPage(root: HTMLElement, session: Session, projectId: string): Promise<void> {
  const error = h('p', { class: 'error', role: 'alert' })
  const status = h('p', { role: 'status' })
  const list = h('ul', { class: 'member-list', 'aria-label': 'Members' })
  const main = h('main', { id: 'main', class: 'page' })
  root.replaceChildren(main)
  let project
  try {
    project = await api.project(session.token, projectId)
  } catch (err) {
    main.append(h('p', { class: 'error', role: 'alert' }, err instanceof ApiError ? err.message : String(err)),
      h('a', { href: '#/' }, 'Back to your projects'))
    return
  }
  const isOwner = project.role === 'owner'
  const fail = (err: unknown) => { error.textContent = err instanceof ApiError ? err.message : String(err) }

  const refresh = async () => {
    const members = await api.members(session.token, projectId)
    list.replaceChildren(...members.map((m) => {
      const li = h('li', {}, h('span', { class: 'member-name' }, `${m.name} (${m.id})`))
      if (m.role === 'owner' || !isOwner) {
        li.append(h('span', { class: 'role' }, m.role))
        return li
      }
      const select = h('select', { 'aria-label': `Role of ${m.name}` },
        h('option', { value: 'editor', selected: m.role === 'editor' }, 'editor'),
        h('option', { value: 'viewer', selected: m.role === 'viewer' }, 'viewer'))
      select.addEventListener('change', () => api.putMember(session.token, projectId, m.id, select.value as 'editor' | 'viewer', m.name)
        .then(() => { status.textContent = `${m.name} is now ${select.value}` }, fail))
      li.append(select, h('button', { type: 'button', class: 'link danger', onclick: () =>
        api.removeMember(session.token, projectId, m.id).then(refresh, fail) }, `Remove ${m.name}`))
      return li
    }))
  }

  const name = h('input', { id: 'member-name', required: true, maxlength: 40 })
  const role = h('select', { id: 'member-role' }, h('option', { value: 'editor' }, 'editor'), h('option', { value: 'viewer' }, 'viewer'))
  const form = h('form', { class: 'card', 'aria-labelledby': 'invite-title' },
    h('h2', { id: 'invite-title' }, 'Invite someone'),
    h('div', { class: 'row' }, h('label', { for: 'member-name' }, 'Their name'), name,
      h('label', { for: 'member-role' }, 'Role'), role, h('button', { type: 'submit' }, 'Add')))
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    error.textContent = ''
    const who = name.value.trim()
    api.putMember(session.token, projectId, userIdOf(who), role.value as 'editor' | 'viewer', who)
      .then(() => { status.textContent = `${who} added as ${role.value}`; name.value = ''; return refresh() }, fail)
  })
  main.append(h('header', { class: 'page-head' }, h('h1', {}, `Members of ${project.title}`),
    h('a', { href: `#/p/${projectId}` }, 'Open the studio'), h('a', { href: '#/' }, 'All projects')),
  isOwner ? form : h('p', {}, 'Only the owner can invite people or change roles.'), error, status, list,
  ownershipSection(session, project))
  if (isOwner) main.append(inviteLinks(session, projectId), handOutForm(session, projectId, project.title))
  await refresh().catch(fail)
}
