// The signed-in person's data as a whole: export every project they can see as one JSON file, or
// delete their account (DELETE /api/account, confirmed with their user id).
import { ApiError, call } from '../api'
import type { Session } from '../session'
import { h } from '../ui/dom'

export function accountSection(session: Session, signOut: () => void): HTMLElement {
  const error = h('p', { class: 'error', role: 'alert' })
  const exportLink = h('a', { href: `/api/account/export?token=${encodeURIComponent(session.token)}`,
    download: `ensemble-${session.user.id}.json` }, 'Export all my projects (JSON)')
  const remove = h('button', { type: 'button', class: 'link danger', onclick: async () => {
    if (!confirm('Delete your account? Your own projects are deleted for everyone, you leave the others, and you are signed out. '
      + 'What you wrote in other people\'s projects stays there under your name. This cannot be undone.')) return
    try {
      await call('DELETE', '/api/account', session.token, { confirm: session.user.id })
      signOut()
    } catch (err) {
      error.textContent = err instanceof ApiError ? err.message : String(err)
    }
  } }, 'Delete my account')
  return h('section', { class: 'card', 'aria-labelledby': 'account-title' },
    h('h2', { id: 'account-title' }, 'Your data'),
    h('p', {}, exportLink, ' · ', remove), error)
}
