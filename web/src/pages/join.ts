// Opening an invite link (#/join/<project>/<code>), signed in: join the project with the link's role,
// then open its studio. A revoked or unknown link says why and changes nothing.
import { ApiError, invites } from '../api'
import type { Session } from '../session'
import { h } from '../ui/dom'

export async function joinPage(root: HTMLElement, session: Session, projectId: string, code: string): Promise<void> {
  const main = h('main', { id: 'main', class: 'page' }, h('h1', {}, 'Joining a project…'))
  root.replaceChildren(main)
  try {
    const joined = await invites.join(session.token, projectId, code)
    location.replace(`#/p/${encodeURIComponent(joined.projectId)}`) // the link itself does not stay in the history
  } catch (err) {
    main.replaceChildren(h('h1', {}, 'This invite link does not open the project'),
      h('p', { class: 'error', role: 'alert' }, err instanceof ApiError ? err.message : String(err)),
      h('a', { href: '#/' }, 'Back to your projects'))
  }
}
