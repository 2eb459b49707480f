// The terms (docs/terms.md, the one text of them) shown where people meet them: at sign-in and in a
// project's info page.
import terms from '../../../docs/terms.md?raw'
import { h } from '../ui/dom'

/** The terms' points as a list, without the title. */
function termsList(): HTMLElement {
  const items = terms.split('\n').filter((line) => line.startsWith('- ')).map((line) => h('li', {}, line.slice(2)))
  return h('ul', { class: 'terms' }, ...items)
}

/** The terms under their title (the first line of docs/terms.md) as a closed-by-default disclosure. */
export function termsDetails(open = false): HTMLElement {
  const title = terms.split('\n')[0].replace(/^#\s*/, '')
  const details = h('details', { class: 'terms-box', 'data-testid': 'terms' }, h('summary', {}, title), termsList())
  if (open) details.setAttribute('open', '')
  return details
}
