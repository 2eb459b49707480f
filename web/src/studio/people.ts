// Who is here: each collaborator's name with their colour, and whether they can edit.
import type { Presence } from '../presence/presence'
import { h } from '../ui/dom'

export function buildPeople(presence: Presence, me: { name: string; color: string }): { el: HTMLElement; sync(): void } {
  const el = h('ul', { class: 'people', 'aria-label': 'People in this project now', 'data-testid': 'people' })
  const sync = () => {
    const chip = (name: string, color: string, note: string) =>
      h('li', { class: 'person' }, h('span', { class: 'dot', style: `background:${color}`, 'aria-hidden': 'true' }), name,
        note ? h('small', {}, ` ${note}`) : undefined)
    el.replaceChildren(chip(me.name, me.color, '(you)'),
      ...presence.others().map((o) => chip(o.name, o.color, o.role === 'viewer' ? '(viewing)' : '')))
  }
  presence.onChange(sync)
  sync()
  return { el, sync }
}
