// The owner's invite links on the members page: make one with a role, copy it, revoke it. Whoever
// opens an active link, signed in, joins the project with its role (pages/join.ts).
import { ApiError, invites, type InviteLink } from '../api'
import type { Session } from '../session'
import { h } from '../ui/dom'

export function inviteLinks(session: Session, projectId: string): HTMLElement {
  const error = h('p', { class: 'error', role: 'alert' })
  const status = h('p', { role: 'status' })
  const list = h('ul', { class: 'invite-list', 'aria-label': 'Invite links' })
  const fail = (err: unknown) => { error.textContent = err instanceof ApiError ? err.message : String(err) }
  const full = (l: InviteLink) => `${location.origin}${location.pathname}${l.link.replace(/^\//, '')}`

  const refresh = async () => {
    const all = await invites.list(session.token, projectId)
    list.replaceChildren(...all.map((l) => {
      const url = h('input', { type: 'text', readonly: true, value: full(l), class: 'invite-url', 'aria-label': `Invite link (${l.role})` })
      url.addEventListener('focus', () => url.select())
      const li = h('li', { class: 'invite' + (l.state === 'revoked' ? ' revoked' : ''), 'data-code': l.code },
        h('span', { class: 'role' }, l.role), url)
      if (l.state === 'revoked') li.append(h('span', { class: 'badge' }, 'revoked'))
      else {
        li.append(h('button', { type: 'button', onclick: () => navigator.clipboard?.writeText(url.value)
          .then(() => { status.textContent = 'Link copied' }, () => { url.focus() }) }, 'Copy'),
        h('button', { type: 'button', class: 'link danger', onclick: () => invites.revoke(session.token, projectId, l.code)
          .then(() => { status.textContent = `The ${l.role} link is revoked: it no longer lets anyone in` }).then(refresh, fail) },
        `Revoke ${l.role} link`))
      }
      return li
    }))
    if (all.length === 0) list.append(h('li', {}, 'No invite links yet.'))
  }

  const role = h('select', { id: 'invite-role' }, h('option', { value: 'viewer' }, 'viewer'), h('option', { value: 'editor' }, 'editor'))
  const form = h('form', { class: 'card', 'aria-labelledby': 'links-title' },
    h('h2', { id: 'links-title' }, 'Share by link'),
    h('p', {}, 'Anyone signed in who opens the link joins with its role, until you revoke it.'),
    h('div', { class: 'row' }, h('label', { for: 'invite-role' }, 'Link role'), role, h('button', { type: 'submit' }, 'Create link')),
    error, status, list)
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    error.textContent = ''
    invites.create(session.token, projectId, role.value as 'editor' | 'viewer')
      .then((l) => { status.textContent = `New ${l.role} link made` }).then(refresh, fail)
  })
  refresh().catch(fail)
  return form
}
