// The "History" panel in the studio's side column: name a version, the list of versions (automatic
// checkpoints and named ones, with who made them and what changed, by whom), links to open one
// read-only or compare it with now, restore (editors), and the selective rollback: everything one
// author (a person or the AI) did in a track and a range of bars, undone as one edit of yours, which
// you can undo in turn. Viewers see the list and can open and compare versions.
import { call, ApiError } from '../api'
import type { StudioContext } from '../studio/studio'
import { announce, h } from '../ui/dom'
import { formatTime } from '../attribution/credit'
import { describeChanges, describeEdit, history, type VersionInfo } from './history-api'

const REFRESH_AFTER_EDIT_MS = 2500

export function mountHistory(ctx: StudioContext): () => void {
  const { project, session, model } = ctx
  const editor = project.role !== 'viewer'
  const live = document.getElementById('live')
  const say = (text: string) => { status.textContent = text; if (live) announce(live, text) }
  const fail = (err: unknown) => say(err instanceof ApiError ? err.message : String(err))
  const status = h('p', { class: 'small', role: 'status', 'data-testid': 'history-status' })
  const list = h('ol', { class: 'versions', 'aria-label': 'Versions, newest first', 'data-testid': 'versions' })
  const since = h('p', { class: 'muted small', 'data-testid': 'since-latest' })
  const undoButton = h('button', { type: 'button', class: 'link', hidden: true, 'data-testid': 'history-undo' }, 'Undo')
  let undo: (() => Promise<void>) | undefined
  undoButton.addEventListener('click', () => {
    const u = undo
    undo = undefined
    undoButton.hidden = true
    u?.().then(refresh, fail)
  })
  const offerUndo = (what: () => Promise<void>) => { undo = what; undoButton.hidden = false }

  const nameInput = h('input', { type: 'text', maxlength: 100, placeholder: 'e.g. Before the bridge', 'aria-label': 'Version name', 'data-testid': 'version-name' })
  const saveForm = h('form', { class: 'save-version', onsubmit: (e: Event) => {
    e.preventDefault()
    const name = nameInput.value.trim()
    if (!name) { say('Give the version a name first.'); return }
    history.name(session.token, project.id, name).then((v) => { nameInput.value = ''; say(`Saved version “${v.title}”.`); return refresh() }, fail)
  } }, nameInput, h('button', { type: 'submit' }, 'Save version'))

  const authorSelect = h('select', { 'aria-label': 'Whose edits', 'data-testid': 'rollback-author' })
  const trackSelect = h('select', { 'aria-label': 'In which track', 'data-testid': 'rollback-track' })
  const fromBar = h('input', { type: 'number', min: 1, placeholder: 'first', 'aria-label': 'From bar', 'data-testid': 'rollback-from', class: 'bar-input' })
  const toBar = h('input', { type: 'number', min: 1, placeholder: 'last', 'aria-label': 'To bar', 'data-testid': 'rollback-to', class: 'bar-input' })
  const rollbackForm = h('form', { class: 'rollback', onsubmit: (e: Event) => {
    e.preventDefault()
    const author = authorSelect.value
    if (!author) { say('Choose whose edits to roll back.'); return }
    const body = { author, track: trackSelect.value || undefined, fromBar: fromBar.value ? Number(fromBar.value) : undefined,
      toBar: toBar.value ? Number(toBar.value) : undefined }
    const who = authorSelect.selectedOptions[0]?.textContent ?? author
    history.rollback(session.token, project.id, body).then((r) => {
      const total = r.removed + r.restored + r.reverted
      say(total === 0 ? `Nothing of ${who}'s to roll back there.`
        : `Rolled back ${who}: ${r.removed} notes removed, ${r.restored} put back, ${r.reverted} set back.`)
      if (total > 0) {
        offerUndo(() => history.restore(session.token, project.id, r.undo.version, r.undo.notes)
          .then((u) => say(`Rollback undone: ${describeEdit(u.edit)}.`)))
      }
      return refresh()
    }, fail)
  } },
    h('label', {}, 'Whose edits ', authorSelect), h('label', {}, 'Track ', trackSelect),
    h('span', { class: 'bars' }, 'Bars ', fromBar, ' to ', toBar),
    h('button', { type: 'submit', 'data-testid': 'rollback-button' }, 'Roll back'))

  const panel = h('section', { class: 'panel history', 'aria-labelledby': 'history-title', 'data-testid': 'history-panel' },
    h('h2', { id: 'history-title' }, 'History'),
    editor ? saveForm : undefined,
    h('p', { class: 'status-line' }, status, undoButton),
    since, list,
    editor ? h('h3', {}, 'Roll back one author') : undefined,
    editor ? h('p', { class: 'muted small' }, 'Undo what one person or the AI did to the notes of a track and bars: their notes go, ' +
      'the notes they deleted come back, their changes are set back. Everyone else’s work stays. It is your edit; you can undo it.') : undefined,
    editor ? rollbackForm : undefined)

  const restore = (v: VersionInfo) => history.restore(session.token, project.id, v.id).then((r) => {
    say(`Restored “${v.title}”: ${describeEdit(r.edit)}.`)
    offerUndo(() => history.restore(session.token, project.id, r.before.id).then((u) => say(`Restore undone: ${describeEdit(u.edit)}.`)))
    return refresh()
  }, fail)

  const item = (v: VersionInfo) => {
    const href = `#/p/${encodeURIComponent(project.id)}/versions/${encodeURIComponent(v.id)}`
    return h('li', { 'data-version': v.id, 'data-kind': v.kind },
      h('strong', {}, v.title),
      h('span', { class: 'muted small' }, ` ${formatTime(v.time)}${v.by ? ` · by ${v.by.name}` : ' · automatic'} · ${v.notes} notes`),
      h('p', { class: 'small changes' }, describeChanges(v.changes)),
      h('p', { class: 'actions' },
        h('a', { href }, 'Open'), ' · ',
        h('a', { href: `${href}/compare/current` }, 'Compare with now'),
        editor ? ' · ' : undefined,
        editor ? h('button', { type: 'button', class: 'link', onclick: () => void restore(v) }, 'Restore') : undefined))
  }

  async function refresh(): Promise<void> {
    const r = await history.list(session.token, project.id)
    list.replaceChildren(...r.versions.map(item))
    since.textContent = r.versions.length === 0 ? 'No versions yet: one is made after each pause in editing.'
      : `Since the latest version: ${describeChanges(r.sinceLatest)}.`
    if (editor) await refreshChoices()
  }

  async function refreshChoices(): Promise<void> {
    const stats = await call<{ authors: { actor: string; name: string; source: string }[] }>('GET',
      `/api/projects/${encodeURIComponent(project.id)}/attribution`, session.token)
    const chosen = authorSelect.value
    const people = stats.authors.filter((a) => a.source !== 'ai' && !a.actor.includes(':'))
    const hasAi = stats.authors.some((a) => a.source === 'ai')
    authorSelect.replaceChildren(h('option', { value: '' }, 'Choose…'),
      ...(hasAi ? [h('option', { value: 'ai' }, 'The AI')] : []),
      ...people.map((a) => h('option', { value: a.actor }, a.name)))
    authorSelect.value = chosen
    const track = trackSelect.value
    trackSelect.replaceChildren(h('option', { value: '' }, 'All tracks'),
      ...model.read().tracks.map((t) => h('option', { value: t.id }, t.name)))
    trackSelect.value = track
  }

  let timer: ReturnType<typeof setTimeout> | undefined
  const unwatch = model.onChange(() => {
    clearTimeout(timer)
    timer = setTimeout(() => { refresh().catch(() => {}) }, REFRESH_AFTER_EDIT_MS)
  })
  ctx.sidePanels.append(panel)
  let started = false
  const unstatus = ctx.connection.onStatus((s) => {
    if (s.synced && !started) { started = true; refresh().catch(fail) }
  })
  return () => { clearTimeout(timer); unwatch(); unstatus() }
}
