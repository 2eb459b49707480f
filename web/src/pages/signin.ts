// Development sign-in: a name is all it asks (POST /api/dev/token).
import { api, ApiError } from '../api'
import { saveSession } from '../session'
import { h } from '../ui/dom'
import { termsDetails } from './terms'

export function signInPage(root: HTMLElement, done: () => void): void {
  const error = h('p', { class: 'error', role: 'alert' })
  const name = h('input', { id: 'signin-name', name: 'name', required: true, maxlength: 40, autocomplete: 'username', autofocus: true })
  const form = h('form', { class: 'card narrow', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title' }, 'Sign in to Ensemble'),
    h('p', {}, 'Development mode: your name is all it takes.'),
    h('label', { for: 'signin-name' }, 'Your name'), name,
    termsDetails(), h('p', { class: 'terms-note' }, 'By signing in you accept these terms.'),
    h('button', { type: 'submit' }, 'Sign in'), error)
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    error.textContent = ''
    try {
      saveSession(await api.devToken(name.value.trim()))
      done()
    } catch (err) {
      error.textContent = err instanceof ApiError ? err.message : String(err)
    }
  })
  root.replaceChildren(h('main', { id: 'main' }, form))
  name.focus()
}
