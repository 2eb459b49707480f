// One version of a project, read-only, in the studio's piano roll: opened from the History panel
// (#/p/<id>/versions/<version>), or compared with another version or with now
// (#/p/<id>/versions/<version>/compare/<other | current>). In a comparison the roll shows the later
// state with the notes marked: added (green, "+"), removed (red, struck through, where they were),
// changed (amber, with a dashed outline where they were before); the same changes are listed in words
// beside the roll, with who made them. Nothing here edits the project, except Restore (editors).
import * as Y from 'yjs'
import { api, ApiError } from '../api'
import { ProjectModel } from '../model/project'
import type { Meta, Note } from '../model/schema'
import { PianoRoll } from '../pianoroll/editor'
import type { NoteLook } from '../pianoroll/render'
import type { Session } from '../session'
import { announce, h } from '../ui/dom'
import { formatTime } from '../attribution/credit'
import { describeEdit, history, type NoteChanges, type VersionNote, type VersionTrack } from './history-api'

type Mark = 'added' | 'removed' | 'changed'
const LOOKS: Record<Mark, string> = { added: '#2e9d4f', removed: '#d64545', changed: '#e0a100' }

export async function versionPage(root: HTMLElement, session: Session, projectId: string, versionId: string,
  compareTo?: string): Promise<() => void> {
  const main = h('main', { id: 'main', class: 'page' })
  root.replaceChildren(main)
  const studioHref = `#/p/${encodeURIComponent(projectId)}`
  try {
    const project = await api.project(session.token, projectId) as unknown as
      { title: string; role: string; document: { meta: Record<string, unknown>; tracks: VersionTrack[] } }
    const opened = await history.open(session.token, projectId, versionId)
    let tracks: VersionTrack[] = opened.tracks
    // Drawn with the settings of the music shown (its metre, resolution, key): the version's own, or,
    // when compared, those of what it is compared with (now, or the other version).
    let meta = opened.meta
    let changes: NoteChanges | undefined
    let heading = `Version “${opened.version.title}”`
    if (compareTo) {
      const cmp = await history.compare(session.token, projectId, versionId, compareTo)
      changes = cmp.changes
      const other = cmp.to === 'current' ? project.document : await history.open(session.token, projectId, compareTo)
      tracks = other.tracks
      meta = other.meta
      heading = `Changes from “${opened.version.title}” to ${cmp.to === 'current' ? 'now' : `“${cmp.to.title}”`}`
    }
    return show(root, session, projectId, project.role, project.title, heading, opened.version, meta, tracks,
      changes, studioHref)
  } catch (err) {
    main.append(h('p', { class: 'error', role: 'alert' }, err instanceof ApiError ? err.message : String(err)),
      h('a', { href: studioHref }, 'Back to the project'))
    return () => {}
  }
}

function show(root: HTMLElement, session: Session, projectId: string, role: string, title: string, heading: string,
  version: { id: string; title: string; time: string; by: { name: string } | null }, meta: Record<string, unknown>,
  tracks: VersionTrack[], changes: NoteChanges | undefined, studioHref: string): () => void {
  const marks = new Map<string, Mark>()
  const shown = tracks.map((t) => ({ ...t, notes: [...t.notes] }))
  const before: { id: string; trackId: string; pitch: number; start: number; duration: number }[] = []
  if (changes) {
    changes.notes.added.forEach((n) => marks.set(n.id, 'added'))
    changes.notes.changed.forEach((c) => { marks.set(c.after.id, 'changed'); before.push(c.before) })
    for (const n of changes.notes.removed) {
      const t = shown.find((x) => x.id === n.trackId)
      if (t) { t.notes.push(n); marks.set(n.id, 'removed') }
    }
  }
  const doc = buildDoc(meta, shown)
  const model = new ProjectModel(doc)
  const live = h('div', { id: 'live', class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' })
  const roll = new PianoRoll({ model, undo: new Y.UndoManager([model.tracks]), live, readOnly: true,
    authors: { authorOf: (id) => marks.get(id) } })
  if (changes) {
    roll.noteStyle = (note: Note) => look(marks.get(note.id))
    roll.ghosts = [{ suggestionId: 'before', tag: 'was', focused: false,
      notes: before.map((n) => ({ ...n, id: `${n.id}-before`, picked: true })) }]
  }
  const status = h('p', { role: 'status', class: 'small', 'data-testid': 'version-status' })
  const restore = role === 'viewer' ? undefined : h('button', { type: 'button', class: 'primary', 'data-testid': 'restore-version',
    onclick: () => history.restore(session.token, projectId, version.id).then((r) => {
      status.textContent = `Restored “${version.title}” as your edit: ${describeEdit(r.edit)}.`
      announce(live, status.textContent)
    }, (e) => { status.textContent = e instanceof ApiError ? e.message : String(e) }) }, 'Restore this version')
  const side = h('aside', { class: 'side-panels' },
    h('section', { class: 'panel' },
      h('h2', {}, changes ? 'What changed' : 'About this version'),
      h('p', { class: 'small' }, `${formatTime(version.time)}${version.by ? `, by ${version.by.name}` : ', taken automatically'}.`),
      changes ? legend() : h('p', { class: 'small' }, 'Read only: this is how the project stood then.'),
      h('p', { class: 'small', 'data-testid': 'version-settings' }, `${changes ? 'Drawn with the settings of what it is compared with' : 'Its settings'}: ${describeSettings(model.read().meta)}.`),
      changes ? changeList(changes, tracks) : undefined,
      restore, status))
  root.replaceChildren(h('div', { class: 'studio read-only version-view', 'data-testid': 'version-view' },
    h('header', { class: 'studio-head' },
      h('a', { href: studioHref, class: 'back' }, `← ${title}`),
      h('h1', {}, heading),
      h('span', { class: 'badge', role: 'note' }, 'Read only')),
    h('div', {}),
    h('div', { class: 'studio-main version-main' },
      h('main', { id: 'main', class: 'roll-wrap' }, roll.el,
        h('p', { id: 'roll-help-summary', class: 'sr-only' }, 'Read only. Arrow keys move the cursor; period and comma select notes.')),
      side),
    live))
  roll.invalidate()
  ;(window as unknown as { ensembleVersion?: unknown }).ensembleVersion = { roll, marks } // for the e2e test
  return () => { doc.destroy(); delete (window as unknown as { ensembleVersion?: unknown }).ensembleVersion }
}

function look(mark: Mark | undefined): NoteLook | undefined {
  if (!mark) return undefined
  return {
    fill: mark === 'removed' ? 'rgba(214,69,69,0.35)' : LOOKS[mark],
    decorate: (ctx, x, y, w, hgt) => {
      ctx.save()
      if (mark === 'removed') {
        ctx.strokeStyle = LOOKS.removed
        ctx.lineWidth = 2
        ctx.strokeRect(x + 1, y + 1, w - 2, hgt - 2)
        ctx.beginPath()
        ctx.moveTo(x, y + hgt / 2)
        ctx.lineTo(x + w, y + hgt / 2)
        ctx.stroke()
      } else if (mark === 'added' && w > 8) {
        ctx.fillStyle = '#fff'
        ctx.font = `bold ${Math.min(12, hgt)}px system-ui, sans-serif`
        ctx.fillText('+', x + 2, y + hgt - 1)
      } else if (mark === 'changed') {
        ctx.strokeStyle = '#7a5700'
        ctx.lineWidth = 1
        ctx.strokeRect(x + 0.5, y + 0.5, w - 1, hgt - 1)
      }
      ctx.restore()
    },
  }
}

function legend(): HTMLElement {
  const item = (mark: Mark, text: string) => h('li', {}, h('span', { class: `mark-swatch ${mark}`, 'aria-hidden': 'true' }), text)
  return h('ul', { class: 'marks-key', 'aria-label': 'What the marks mean' },
    item('added', 'green with +: added'), item('removed', 'red, struck through: removed'),
    item('changed', 'amber: changed (a dashed “was” outline where it stood before)'))
}

function changeList(c: NoteChanges, tracks: VersionTrack[]): HTMLElement {
  const trackName = (id: string) => tracks.find((t) => t.id === id)?.name ?? id
  const who = (n: { by?: { name: string } }) => n.by?.name ?? 'unknown'
  const at = (n: VersionNote) => `${trackName(n.trackId)}, pitch ${n.pitch}, tick ${n.start}`
  const rows = [
    ...c.notes.added.map((n) => h('li', { 'data-mark': 'added', 'data-note': n.id }, `Added: ${at(n)}, by ${who(n)}`)),
    ...c.notes.removed.map((n) => h('li', { 'data-mark': 'removed', 'data-note': n.id }, `Removed: ${at(n)}, by ${who(n)}`)),
    ...c.notes.changed.map((x) => h('li', { 'data-mark': 'changed', 'data-note': x.after.id },
      `Changed: ${at(x.before)} → pitch ${x.after.pitch}, tick ${x.after.start}, by ${who(x)}`)),
  ]
  return h('div', {},
    h('p', { class: 'small', 'data-testid': 'change-counts' }, `${c.added} added, ${c.removed} removed, ${c.changed} changed.`),
    h('ol', { class: 'change-list small', 'data-testid': 'change-list' }, ...rows))
}

/** A document of the version's tracks (with the project's present settings), for the roll to draw. */
/** "“Chorale”, 72 bpm, C major, 4/4". */
function describeSettings(m: Meta): string {
  return `“${m.title}”, ${m.tempoBpm} bpm, ${m.key.tonic} ${m.key.mode}, ${m.timeSignature[0]}/${m.timeSignature[1]}`
}

function buildDoc(meta: Record<string, unknown>, tracks: VersionTrack[]): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    const m = doc.getMap('meta')
    for (const [k, v] of Object.entries(meta)) m.set(k, v)
    const arr = doc.getArray('tracks')
    for (const t of tracks) {
      const tm = new Y.Map<unknown>()
      for (const [k, v] of Object.entries(t)) if (k !== 'notes') tm.set(k, v)
      const notes = new Y.Array<Y.Map<unknown>>()
      notes.push(t.notes.map((n) => {
        const nm = new Y.Map<unknown>()
        for (const k of ['id', 'pitch', 'start', 'duration', 'velocity'] as const) nm.set(k, n[k])
        return nm
      }))
      tm.set('notes', notes)
      arr.push([tm])
    }
  })
  return doc
}
