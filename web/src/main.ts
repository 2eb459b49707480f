// The page's entry: a hash router over sign-in, the project list, members and the studio.
import './style.css'
import { api } from './api'
import { joinPage } from './pages/join'
import { membersPage } from './pages/members'
import { projectsPage } from './pages/projects'
import { signInPage } from './pages/signin'
import { clearSession, loadSession } from './session'
import { studioPage } from './studio/studio'
import { versionPage } from './history/version-page'
import { overviewPage } from './assignments/overview-page'
import { classesPage } from './assignments/classes-page'

const root = document.getElementById('app')!
let dispose: () => void = () => {}

async function route(): Promise<void> {
  dispose()
  dispose = () => {}
  const session = loadSession()
  if (!session) return signInPage(root, () => void route())
  const signOut = () => { clearSession(); location.hash = '#/'; void route() }
  const join = /^#\/join\/([^/]+)\/([^/]+)$/.exec(location.hash)
  if (join) return joinPage(root, session, decodeURIComponent(join[1]), decodeURIComponent(join[2]))
  if (location.hash === '#/classes') return classesPage(root, session)
  const assignment = /^#\/assignments\/([^/]+)$/.exec(location.hash)
  if (assignment) return overviewPage(root, session, decodeURIComponent(assignment[1]))
  const v = /^#\/p\/([^/]+)\/versions\/([^/]+)(?:\/compare\/([^/]+))?$/.exec(location.hash)
  if (v) {
    dispose = await versionPage(root, session, decodeURIComponent(v[1]), decodeURIComponent(v[2]),
      v[3] === undefined ? undefined : decodeURIComponent(v[3]))
    return
  }
  const m = /^#\/p\/([^/]+)(\/members)?$/.exec(location.hash)
  if (!m) return projectsPage(root, session, signOut)
  if (m[2]) return membersPage(root, session, decodeURIComponent(m[1]))
  dispose = await studioPage(root, session, decodeURIComponent(m[1]), () => void route())
}

// A stored token may have expired (they last 7 days): check once, sign in again if so.
const session = loadSession()
if (session) {
  api.me(session.token).catch((e) => { if (e.status === 401) clearSession() }).finally(() => void route())
} else {
  void route()
}
window.addEventListener('hashchange', () => void route())

// Keep the page itself in this browser, so that the studio opens (from the local copy) while the
// server is down. Only for the built page: the dev server has its own module graph.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch((e) => console.warn(`no offline page: ${String(e)}`))
}

// The skip link must not change the hash (the router owns it): move the focus instead.
document.querySelector('.skip')?.addEventListener('click', (e) => {
  e.preventDefault()
  const target = document.querySelector<HTMLElement>('[data-testid=piano-roll]') ?? document.getElementById('main')
  if (target) {
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
    target.focus()
  }
})
