// The signed-in user's projects: open one, create one (empty or from a template), import one, and per
// project when it last changed, rename, duplicate, export, members and delete.
import { api, ApiError, download, fileNameOf, importMidi, midiPath, type ProjectRecord } from '../api'
import { TONICS } from '../music/pitch'
import type { Session } from '../session'
import { h } from '../ui/dom'
import { accountSection } from './account'
import { clearLocalCopy, keptRecords, localCopyName } from '../sync/local-copy'

export async function projectsPage(root: HTMLElement, session: Session, signOut: () => void): Promise<void> {
  const error = h('p', { class: 'error', role: 'alert' })
  const list = h('ul', { class: 'project-list', 'aria-label': 'Your projects' })
  const title = h('input', { id: 'new-title', required: true, maxlength: 200, value: 'Untitled' })
  const template = h('select', { id: 'new-template' },
    h('option', { value: 'empty' }, 'Empty project'), h('option', { value: 'four-part-chorale' }, 'Four-part chorale'))
  const key = h('select', { id: 'new-key' },
    ...(['major', 'minor'] as const).flatMap((mode) => TONICS[mode].map((t) =>
      h('option', { value: `${t} ${mode}`, selected: t === 'G' && mode === 'major' }, `${t} ${mode}`))))
  const form = h('form', { class: 'card', 'aria-labelledby': 'create-title' },
    h('h2', { id: 'create-title' }, 'New project'),
    h('div', { class: 'row' },
      h('label', { for: 'new-title' }, 'Title'), title,
      h('label', { for: 'new-template' }, 'Start from'), template,
      h('label', { for: 'new-key' }, 'Key'), key,
      h('button', { type: 'submit' }, 'Create')))
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    try {
      const p = await api.createProject(session.token, title.value.trim() || 'Untitled',
        template.value as 'empty' | 'four-part-chorale', key.value)
      location.hash = `#/p/${p.id}`
    } catch (err) {
      error.textContent = err instanceof ApiError ? err.message : String(err)
    }
  })
  const file = h('input', { type: 'file', id: 'import-file', required: true,
    accept: '.mid,.midi,audio/midi,audio/x-midi,.musicxml,.xml,application/vnd.recordare.musicxml+xml' })
  const importStatus = h('p', { role: 'status', id: 'import-status' })
  const importForm = h('form', { class: 'card', 'aria-labelledby': 'import-title' },
    h('h2', { id: 'import-title' }, 'Import a MIDI file or a MusicXML score'),
    h('div', { class: 'row' }, h('label', { for: 'import-file' }, 'MIDI or MusicXML file'), file, h('button', { type: 'submit' }, 'Import')),
    h('p', { class: 'hint' }, 'A Standard MIDI File (.mid), or a score saved as uncompressed MusicXML (.musicxml) by notation software.'),
    importStatus)
  importForm.addEventListener('submit', async (e) => {
    e.preventDefault()
    error.textContent = ''
    const chosen = file.files?.[0]
    if (!chosen) return
    importStatus.textContent = `Importing ${chosen.name}…`
    try {
      const musicXml = /\.(musicxml|xml)$/i.test(chosen.name)
      const title = chosen.name.replace(/\.(midi?|musicxml|xml)$/i, '') || 'Imported'
      const p = await importMidi(session.token, chosen, title, musicXml)
      importStatus.textContent = `Imported ${p.imported.tracks} tracks, ${p.imported.notes} notes`
      location.hash = `#/p/${p.id}`
    } catch (err) {
      importStatus.textContent = ''
      error.textContent = err instanceof ApiError ? err.message : String(err)
    }
  })
  root.replaceChildren(h('main', { id: 'main', class: 'page' },
    h('header', { class: 'page-head' }, h('h1', {}, 'Your projects'),
      h('a', { href: '#/classes' }, 'Your classes'),
      h('span', {}, `Signed in as ${session.user.name} `),
      h('button', { type: 'button', class: 'link', onclick: signOut }, 'Sign out')),
    form, importForm, error, h('section', { 'aria-labelledby': 'list-title' }, h('h2', { id: 'list-title' }, 'Projects'), list),
    accountSection(session, signOut)))
  try {
    const projects = await api.projects(session.token)
    // The most recently changed first: the piece being worked on is at the top.
    projects.sort((a, b) => (b.changedAt ?? b.createdAt).localeCompare(a.changedAt ?? a.createdAt))
    list.replaceChildren(...projects.map((p) => projectRow(p, session, error, list)))
    if (projects.length === 0) list.append(h('li', {}, 'No projects yet: create one above.'))
  } catch (err) {
    error.textContent = err instanceof ApiError ? err.message : String(err)
    if (err instanceof ApiError && err.status === 401) signOut()
    if (err instanceof ApiError && err.status === 0) {
      // Offline: the projects this browser keeps can still be opened and edited.
      const kept = keptRecords(location.host, session.user.id)
      if (kept.length > 0) error.textContent += ' — the projects kept in this browser can still be opened and edited offline.'
      list.replaceChildren(...kept.map((p) => h('li', { class: 'project' },
        h('a', { href: `#/p/${p.id}`, class: 'project-title' }, p.title), h('span', { class: 'role' }, 'kept in this browser'))))
    }
  }
}

function projectRow(p: ProjectRecord, session: Session, error: HTMLElement, list: HTMLElement): HTMLElement {
  const fail = (err: unknown) => { error.textContent = err instanceof ApiError ? err.message : String(err) }
  const link = h('a', { href: `#/p/${p.id}`, class: 'project-title' }, p.title)
  const changed = p.changedAt ?? p.createdAt
  const row = h('li', { class: 'project', 'data-project': p.id },
    link,
    h('span', { class: 'role' }, p.role === 'owner' ? 'owner' : `${p.role} (owner: ${p.owner.name})`),
    h('span', { class: 'changed' }, 'changed ', h('time', { datetime: changed, title: new Date(changed).toLocaleString() }, ago(changed))))
  const actions = h('span', { class: 'project-actions' })
  if (p.role === 'owner') actions.append(h('button', { type: 'button', class: 'link', 'aria-label': `Rename ${p.title}`,
    onclick: () => rename(p, session, row, link, fail) }, 'Rename'))
  if (p.role !== 'viewer') actions.append(h('button', { type: 'button', class: 'link', 'aria-label': `Duplicate ${p.title}`,
    onclick: async () => {
      error.textContent = ''
      try {
        const copy = await api.duplicateProject(session.token, p.id)
        const copyRow = projectRow(copy, session, error, list)
        list.prepend(copyRow)
        copyRow.querySelector('a')?.focus()
      } catch (err) {
        fail(err)
      }
    } }, 'Duplicate'))
  actions.append(
    h('button', { type: 'button', class: 'link', onclick: () => download(session.token, midiPath(p.id), fileNameOf(p.title, 'mid'))
      .catch(fail) }, 'Export MIDI'),
    h('a', { href: `#/p/${p.id}/members` }, p.role === 'owner' ? 'Members' : 'Members (view)'))
  if (p.role === 'owner') {
    actions.append(h('button', { type: 'button', class: 'link danger', onclick: async () => {
      if (!confirm(`Delete "${p.title}" for everyone? This cannot be undone.`)) return
      try {
        await api.deleteProject(session.token, p.id)
        row.remove()
        await clearLocalCopy(localCopyName(location.host, session.user.id, p.id)) // nothing of it stays here
      } catch (err) {
        fail(err)
      }
    } }, 'Delete'))
  }
  row.append(actions)
  return row
}

/** The title in place becomes a field: Enter or Save renames (for every member), Escape or Cancel keeps it. */
function rename(p: ProjectRecord, session: Session, row: HTMLElement, link: HTMLAnchorElement, fail: (err: unknown) => void): void {
  const field = h('input', { id: `rename-${p.id}`, value: link.textContent ?? p.title, maxlength: 200, required: true,
    'aria-label': `New title of ${link.textContent}` })
  const done = () => { form.replaceWith(link); link.focus() }
  const form = h('form', { class: 'rename' }, field, h('button', { type: 'submit' }, 'Save'),
    h('button', { type: 'button', onclick: done }, 'Cancel'))
  field.addEventListener('keydown', (e) => { if (e.key === 'Escape') done() })
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    const title = field.value.trim()
    if (!title) {
      field.setCustomValidity('A project needs a title.')
      field.reportValidity()
      return
    }
    try {
      const renamed = await api.renameProject(session.token, p.id, title)
      link.textContent = renamed.title
      row.querySelector('time')?.replaceChildren(ago(new Date().toISOString()))
      done()
    } catch (err) {
      fail(err)
    }
  })
  link.replaceWith(form)
  field.select()
}

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", else the date. */
export function ago(iso: string, now = Date.now()): string {
  const t = new Date(iso).getTime()
  if (Number.isNaN(t)) return iso
  const s = Math.max(0, (now - t) / 1000)
  if (s < 60) return 'just now'
  if (s < 3600) return `${Math.floor(s / 60)} min ago`
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`
  if (s < 2 * 86400) return 'yesterday'
  if (s < 7 * 86400) return `${Math.floor(s / 86400)} days ago`
  return new Date(t).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
}
