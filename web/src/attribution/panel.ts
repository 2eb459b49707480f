// The "Who wrote what" panel in the studio's side column: the colour-by switch (track or author), a
// key to the marks, each author's share of the notes as a bar (with its numbers in words) and a
// table, people against the AI, the fate of the AI's suggestions, and links to export the report.
// Viewers see it all too: it changes nothing in the project.
import type { StudioContext } from '../studio/studio'
import type { LedgerAuthors } from '../presence/ledger-authors'
import { announce, h } from '../ui/dom'
import { formatTime } from './credit'
import { describeShares, describeSuggestions, sharesOf, type Shares } from './shares'
import { StatsFeed, type FeedState } from './stats-feed'
import { buildSelectionDetails } from './selection-details'
import { attachNoteTooltip } from './tooltip'
import { AttributionView, type ColourMode } from './view'

export interface AttributionHandle { view: AttributionView; feed: StatsFeed; dispose(): void }

export function mountAttribution(ctx: StudioContext, authors: LedgerAuthors): AttributionHandle {
  const { roll, project, session } = ctx
  const view = new AttributionView(ctx.model, authors, session.user)
  roll.noteStyle = view.noteStyle
  view.onChange(() => roll.invalidate())
  const tip = attachNoteTooltip(roll, view)
  roll.el.parentElement?.append(tip)

  const live = document.getElementById('live')
  const radio = (mode: ColourMode, text: string) => h('label', { class: 'choice' },
    h('input', { type: 'radio', name: 'colour-by', value: mode, checked: mode === view.mode,
      onchange: () => {
        view.setMode(mode)
        if (live) announce(live, mode === 'author'
          ? 'Notes coloured by author. AI notes are hatched and labelled AI; a notch marks AI notes a person changed.'
          : 'Notes coloured by track.')
      } }), text)
  const swatch = (color: string, ai: boolean) =>
    h('span', { class: 'author-swatch' + (ai ? ' ai' : ''), style: `--c:${color}`, 'aria-hidden': 'true' }, ai ? 'AI' : '')

  const bar = h('div', { class: 'share-bar', role: 'img', 'aria-label': 'Loading the authorship statistics', 'data-testid': 'attribution-bar' })
  const table = h('tbody', {})
  const humanAi = h('p', { 'data-testid': 'attribution-human-ai' })
  const acceptance = h('p', { 'data-testid': 'attribution-acceptance' })
  const status = h('p', { class: 'muted small', 'data-testid': 'attribution-status' }, 'Loading…')
  const base = `/api/projects/${encodeURIComponent(project.id)}/attribution`
  const tokenQuery = `?token=${encodeURIComponent(session.token)}` // as the MIDI export link: links carry no headers

  const panel = h('section', { class: 'panel attribution', 'aria-labelledby': 'attribution-title', 'data-testid': 'attribution-panel' },
    h('h2', { id: 'attribution-title' }, 'Who wrote what'),
    h('fieldset', { class: 'colour-by' }, h('legend', {}, 'Colour notes by'), radio('track', 'Track'), radio('author', 'Author')),
    h('ul', { class: 'marks-key', 'aria-label': 'What the marks on notes mean' },
      h('li', {}, swatch('#4b4f63', true), 'hatched, labelled “AI”: written by the AI'),
      h('li', {}, h('span', { class: 'author-swatch ai notch', style: '--c:#4b4f63', 'aria-hidden': 'true' }, 'AI'),
        'corner notch: changed by a person after the AI'),
      h('li', {}, swatch('#a3a8b3', false), 'grey: author not known yet')),
    h('h3', {}, 'Selected note'), buildSelectionDetails(roll, view),
    h('h3', {}, 'Share of the notes'), bar,
    h('table', { class: 'shares', 'data-testid': 'attribution-table' },
      h('caption', { class: 'sr-only' }, 'Notes in the project by author'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Author'), h('th', { scope: 'col' }, 'Notes'), h('th', { scope: 'col' }, 'Share'))),
      table),
    humanAi,
    h('h3', {}, 'AI suggestions'), acceptance,
    h('p', { class: 'export' }, 'Export the attribution report: ',
      h('a', { href: base + '/report' + tokenQuery, download: `${project.title} attribution.json`, 'data-testid': 'export-attribution-json' }, 'JSON'),
      ' · ',
      h('a', { href: base + '/report.txt' + tokenQuery, download: `${project.title} attribution.txt`, 'data-testid': 'export-attribution-text' }, 'text')),
    status)

  const show = (s: Shares) => {
    bar.setAttribute('aria-label', describeShares(s))
    bar.replaceChildren(...s.authors.map((a) => h('span', {
      class: 'share' + (a.source === 'ai' ? ' ai' : ''), style: `--c:${a.color};flex-grow:${a.notes}`, title: `${a.name} ${a.percent}%`,
    }, a.percent >= 12 ? (a.source === 'ai' ? 'AI' : a.name.slice(0, 10)) : '')))
    table.replaceChildren(...s.authors.map((a) => h('tr', { 'data-actor': a.actor },
      h('th', { scope: 'row' }, swatch(a.color, a.source === 'ai'), ' ', a.name, a.source === 'ai' ? h('small', {}, ' (AI)') : undefined),
      h('td', {}, String(a.notes)), h('td', {}, `${a.percent}%`))))
    humanAi.textContent = s.notes === 0 ? 'No notes yet.' : `People ${s.humanPercent}%, AI ${s.aiPercent}% of ${s.notes} notes.`
    humanAi.dataset.ai = String(s.aiPercent)
    acceptance.textContent = describeSuggestions(s.suggestions) + '.'
    acceptance.dataset.rate = String(s.suggestions.ratePercent)
  }
  const feed = new StatsFeed(project.id, session.token, ctx.model, (state: FeedState) => {
    if (state.kind === 'ok') {
      show(sharesOf(state.stats))
      status.textContent = `Updated ${formatTime(state.at.toISOString())}`
    } else if (state.kind === 'absent') {
      status.textContent = 'This server keeps no authorship ledger.'
    } else {
      status.textContent = `Not updated: ${state.message}.`
    }
  })
  ctx.sidePanels.append(panel)
  const unwatch = ctx.connection.onStatus((s) => { if (s.synced) feed.start() })
  return { view, feed, dispose: () => { unwatch(); feed.dispose(); roll.noteStyle = undefined } }
}
