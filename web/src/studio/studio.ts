// The studio for one project: the shared document, its connection and presence, the piano roll and
// the controls around it. Side panels (the AI assistant, the attribution view) mount into the
// aside#side-panels element; they get the same model, roll and presence through StudioContext.
import * as Y from 'yjs'
import { api, ApiError, download, fileNameOf, midiPath, musicXmlPath, type ProjectRecord } from '../api'
import { LOCAL, ProjectModel } from '../model/project'
import { PianoRoll } from '../pianoroll/editor'
import { VelocityLane } from '../pianoroll/velocity-lane'
import { KEY_HELP } from '../pianoroll/keys'
import { userColor } from '../pianoroll/colors'
import { SessionAuthors } from '../presence/authors'
import { LedgerAuthors } from '../presence/ledger-authors'
import { Presence } from '../presence/presence'
import { forgetNames, learnName } from '../presence/people-names'
import type { Track } from '../model/schema'
import { mountAiPanel } from '../generation/panel'
import type { Session } from '../session'
import { Connection, describeStatus, lostAccess } from '../sync/connection'
import { LocalCopy, clearLocalCopy, localCopyName, recalledRecord, rememberRecord } from '../sync/local-copy'
import { Transport } from '../transport/transport'
import { ticksPerBeat } from '../music/timing'
import { announce, h, prefersReducedMotion } from '../ui/dom'
import { mountAttribution } from '../attribution/panel'
import { buildControls } from './controls'
import { buildPeople } from './people'
import { buildTrackList } from './tracklist'
import { buildTimeCounter } from './time-counter'
import { buildLevelMeter } from './level-meter'
import { buildAudioExport } from './audio-export'
import { buildMidiImport } from './midi-import'
import { AcceptUndo } from '../editing/accept-undo'
import { mountHistory } from '../history/panel'
import { mountComments } from '../comments/panel'
import { mountAssignmentBanner } from '../assignments/banner'
import { mountPartWriting } from '../partwriting/panel'
import { RULE_IDS } from '../partwriting/checker'

export interface StudioContext {
  project: ProjectRecord
  session: Session
  doc: Y.Doc
  model: ProjectModel
  roll: PianoRoll
  presence: Presence
  connection: Connection
  transport: Transport
  /** Makes an AI suggestion this user accepts one undo step of theirs. */
  acceptUndo: AcceptUndo
  sidePanels: HTMLElement
  /** Plays from a tick (with `substitute`, other tracks than the document's: an audition) and follows it. */
  play: (fromTick: number, substitute?: (tracks: Track[]) => Track[]) => void
  stop: () => void
  /** The part-writing rules the studio checks (an assignment's), or undefined for all (set once the panel is mounted). */
  partWritingRules?: () => readonly string[] | undefined
}

const PLAYHEAD_SHARE_MS = 200

/** `reopen`: opens the studio again in place (the user's role changed: their rights are read anew). */
export async function studioPage(root: HTMLElement, session: Session, projectId: string,
  reopen: () => void = () => location.reload()): Promise<() => void> {
  const localName = localCopyName(location.host, session.user.id, projectId)
  let project: ProjectRecord
  try {
    project = await api.project(session.token, projectId)
    rememberRecord(localName, project)
  } catch (err) {
    // The server is down: open what this browser kept. The project is gone or no longer ours: drop it.
    const kept = err instanceof ApiError && err.status === 0 ? recalledRecord(localName) : undefined
    if (err instanceof ApiError && (err.status === 404 || err.status === 403)) await clearLocalCopy(localName).catch(() => {})
    if (kept) project = kept
    else return failed(root, err)
  }
  return openStudio(root, session, projectId, project, localName, reopen)
}

function failed(root: HTMLElement, err: unknown): () => void {
  root.replaceChildren(h('main', { id: 'main', class: 'page' },
    h('p', { class: 'error', role: 'alert' }, err instanceof ApiError ? err.message : String(err)),
    h('a', { href: '#/' }, 'Back to your projects')))
  return () => {}
}

async function openStudio(root: HTMLElement, session: Session, projectId: string, project: ProjectRecord,
  localName: string, reopen: () => void): Promise<() => void> {
  const readOnly = project.role === 'viewer'
  // Records name people by user id: the names they go by, from what this studio can read.
  learnName(project.owner.id, project.owner.name)
  learnName(session.user.id, session.user.name)
  api.members(session.token, projectId).then((ms) => { for (const m of ms) learnName(m.id, m.name) }, () => {})
  const doc = new Y.Doc()
  const local = await LocalCopy.open(doc, localName) // this browser's copy first: it shows offline edits at once
  const model = new ProjectModel(doc)
  const connection = new Connection(doc, projectId, session.token, undefined, local.hadUnsent)
  const presence = new Presence(connection.provider.awareness, session.user, project.role)
  const undo = new Y.UndoManager([model.meta, model.tracks], { trackedOrigins: new Set([LOCAL]) })
  const acceptUndo = new AcceptUndo(doc, undo)
  const live = h('div', { id: 'live', class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' })
  const inspector = h('p', { class: 'inspector', id: 'inspector', 'data-testid': 'inspector' })
  // A visible line for what would otherwise pass unseen (refusals, deletions by mouse); the live
  // region already speaks it, so this one is not a live region itself.
  const noticeText = h('span', {})
  const noticeUndo = h('button', { type: 'button', class: 'link', id: 'notice-undo', onclick: () => { roll.exec({ kind: 'undo' }); notice.hidden = true } }, 'Undo')
  const notice = h('p', { class: 'notice', id: 'notice', 'data-testid': 'notice', hidden: true }, noticeText, noticeUndo)
  let noticeTimer: ReturnType<typeof setTimeout> | undefined
  const showNotice = (text: string, undoable = false) => {
    noticeText.textContent = text + ' '
    noticeUndo.hidden = !undoable
    notice.hidden = false
    clearTimeout(noticeTimer)
    noticeTimer = setTimeout(() => { notice.hidden = true }, 8000)
  }
  let togglePlay = () => {}
  let showCaretTime = () => {}
  let shareCursor = () => {}
  const authors = new LedgerAuthors(projectId, session.token, model, new SessionAuthors(model, connection.provider.awareness))
  const roll = new PianoRoll({
    model, undo, live, readOnly, authors,
    onSelection: (ids) => presence.setSelection(ids),
    onPlayStop: () => togglePlay(),
    onInspect: (text) => {
      inspector.textContent = text
      shareCursor() // the others see where this person writes
      showCaretTime() // (set once the counter exists: the roll may inspect while it is being built)
    },
    onNotice: showNotice,
    onSound: (trackId, pitch, velocity) => {
      transport.preview(model.read().tracks, trackId, pitch, velocity)
      level.kick()
    },
  })
  shareCursor = () => presence.setCursor(roll.caret.trackId ? roll.caret : undefined)
  const transport = new Transport(() => {
    const { snap, time } = roll.layout()
    return { tracks: snap.tracks, time }
  })
  const level = buildLevelMeter(transport)
  const velocityLane = new VelocityLane(roll)
  const doUndo = () => roll.exec({ kind: 'undo' })
  const doRedo = () => roll.exec({ kind: 'redo' })
  const controls = buildControls(model, roll, transport, () => togglePlay(), doUndo, doRedo, level.el)
  const counter = buildTimeCounter(() => {
    roll.caret.tick = 0
    roll.el.scrollLeft = 0
    if (transport.playing) play(0)
    roll.inspect()
    roll.invalidate()
  })
  showCaretTime = () => { if (!transport.playing) counter.show(roll.caret.tick, roll.layout().time) }
  const tracks = buildTrackList(model, roll)
  const people = buildPeople(presence, { name: session.user.name, color: userColor(session.user.id) })
  const status = h('span', { class: 'conn', role: 'status', 'data-testid': 'connection' })
  const title = h('h1', {}, project.title)
  const assignmentSlot = h('div', { class: 'assignment-slot' })
  const sidePanels = h('aside', { id: 'side-panels', class: 'side-panels', 'aria-label': 'Assistant and attribution' })

  const reduced = prefersReducedMotion()
  let frame = 0
  let lastShared = 0
  const follow = () => {
    const pos = transport.position()
    if (pos === undefined) return
    // With reduced motion the playhead steps from beat to beat instead of gliding.
    const beat = ticksPerBeat(roll.layout().time)
    roll.playhead = reduced ? Math.floor(pos / beat) * beat : pos
    counter.show(pos, roll.layout().time)
    roll.scrollIntoView(roll.playhead)
    roll.invalidate()
    const now = performance.now()
    if (now - lastShared > PLAYHEAD_SHARE_MS) {
      presence.setPlayhead(pos)
      lastShared = now
    }
    frame = requestAnimationFrame(follow)
  }
  const stop = () => {
    transport.stop()
    cancelAnimationFrame(frame)
    roll.playhead = undefined
    presence.setPlayhead(undefined)
    announce(live, 'Stopped')
    controls.sync()
    roll.invalidate()
  }
  const play = (fromTick: number, substitute?: (tracks: Track[]) => Track[]) => {
    cancelAnimationFrame(frame)
    transport.play(fromTick, substitute)
    level.kick()
    frame = requestAnimationFrame(follow)
    announce(live, substitute ? 'Playing the AI candidate' : 'Playing')
    controls.sync()
    roll.invalidate()
  }
  togglePlay = () => {
    if (transport.playing) stop()
    else play(roll.loop && transport.loop ? roll.loop.start : roll.caret.tick)
  }

  let pending = 0
  model.onChange(() => {
    if (pending) return
    pending = requestAnimationFrame(() => {
      pending = 0
      controls.sync()
      tracks.sync()
      transport.refresh()
      title.textContent = model.read().meta.title || project.title
    })
  })
  presence.onChange(() => {
    roll.others = presence.others()
    roll.invalidate()
  })
  let lastUnsent: boolean | undefined
  let reopening = false
  connection.onStatus((s) => {
    status.textContent = describeStatus(s)
    status.dataset.state = s.state
    status.dataset.synced = String(s.synced && !s.unsent)
    status.dataset.unsent = String(s.unsent)
    if (s.unsent !== lastUnsent) local.setUnsent(lastUnsent = s.unsent)
    // The project was deleted or access was withdrawn: what this browser kept of it must go too.
    if (lostAccess(s)) void local.clear()
    if (s.synced) authors.start()
    // The owner changed this user's role (only their connection was closed): open the studio again
    // in place with the new rights; the page is not reloaded and nobody else is disturbed.
    if (s.roleChanged && !reopening) {
      reopening = true
      queueMicrotask(reopen)
    }
  })

  // The exports under one menu: the header stays one line at 1400 px with a long title.
  const title0 = () => model.read().meta.title || project.title
  const tell = (text: string) => { announce(live, text); showNotice(text) }
  const audioExport = buildAudioExport(session.token, projectId, title0, live, tell)
  const exportFile = (path: string, extension: string) => {
    const name = fileNameOf(title0(), extension)
    download(session.token, path, name).then(() => tell(`Exported ${name}.`),
      (e) => tell(`Export failed: ${e instanceof ApiError ? e.message : String(e)}`))
  }
  const exportMenu = h('details', { class: 'export-menu' }, h('summary', {}, 'Export'),
    h('div', { class: 'menu-items' },
      h('button', { type: 'button', class: 'link', id: 'export-midi', onclick: () => exportFile(midiPath(projectId), 'mid') }, 'MIDI file'),
      h('button', { type: 'button', class: 'link', id: 'export-musicxml', title: 'For notation software (MuseScore, Finale, Sibelius, Dorico)',
        onclick: () => exportFile(musicXmlPath(projectId), 'musicxml') }, 'MusicXML (notation)'),
      audioExport.button))
  exportMenu.addEventListener('click', (e) => { if ((e.target as HTMLElement).tagName === 'BUTTON') exportMenu.open = false })

  const help = h('dialog', { id: 'keys-help', 'aria-labelledby': 'keys-title' },
    h('h2', { id: 'keys-title' }, 'Keyboard'),
    h('table', {}, h('tbody', {}, ...KEY_HELP.map(([k, what]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, what))))),
    h('form', { method: 'dialog' }, h('button', { type: 'submit' }, 'Close')))
  const keysButton = h('button', { type: 'button', id: 'keys-button', 'aria-haspopup': 'dialog', onclick: () => help.showModal() }, 'Keyboard help')
  help.addEventListener('close', () => roll.el.focus())

  // The staff view: a read-only score in place of the roll, loaded the first time it is asked for.
  const rollArea = h('main', { id: 'main', class: 'roll-wrap' })
  const staffButton = h('button', { type: 'button', id: 'staff-toggle', 'aria-pressed': 'false',
    title: 'Show the project as notation (read only)', onclick: () => void showStaff(!staffShown) }, 'Staff view')
  let staffShown = false
  let staff: import('../staff/view').StaffView | undefined
  const showStaff = async (on: boolean) => {
    staffShown = on
    staffButton.setAttribute('aria-pressed', String(on))
    if (on && !staff) {
      const { mountStaffView } = await import('../staff/view')
      staff ??= mountStaffView(model, () => { void showStaff(false); roll.el.focus() })
      roll.el.after(staff.el)
    }
    if (staffShown !== on) return // switched back while the view was loading
    rollArea.classList.toggle('staff-mode', on)
    if (on) staff?.show()
    else staff?.hide()
    announce(live, on ? 'Staff view, read only. Escape goes back to the piano roll.' : 'Piano roll')
  }

  root.replaceChildren(h('div', { class: 'studio' + (readOnly ? ' read-only' : '') },
    h('header', { class: 'studio-head' },
      h('a', { href: '#/', class: 'back' }, '← Projects'), title,
      readOnly ? h('span', { class: 'badge', role: 'note' }, 'View only: you are a viewer of this project') : undefined,
      counter.el, status, people.el,
      h('nav', { class: 'links', 'aria-label': 'Project' },
        readOnly ? undefined : buildMidiImport(session.token, projectId, model, roll, tell),
        exportMenu, audioExport.status,
        staffButton, h('a', { href: `#/p/${projectId}/members` }, 'Members'), keysButton)),
    controls.el,
    h('div', { class: 'studio-main' }, tracks.el,
      rollArea,
      sidePanels),
    live, help))
  rollArea.append(assignmentSlot, notice, roll.el, velocityLane.el, inspector,
    h('p', { id: 'roll-help-summary', class: 'sr-only' },
      readOnly ? 'Read only. Arrow keys move the cursor; period and comma select notes; Space plays.'
        : 'Arrow keys move the cursor, Enter adds a note, period and comma select notes, Alt with arrows moves them, '
          + 'Shift with left and right changes their length, Delete removes them, Space plays.'))
  authors.onRefresh = () => roll.inspect()
  roll.inspect()
  roll.invalidate()

  const context: StudioContext = { project, session, doc, model, roll, presence, connection, transport, acceptUndo, sidePanels, play, stop }
  const disposeAi = mountAiPanel(context)
  const partWriting = mountPartWriting(context)
  context.partWritingRules = partWriting.rules
  ;(window as unknown as { ensemblePartWriting?: unknown }).ensemblePartWriting = partWriting // for the benchmark and e2e
  ;(window as unknown as { ensembleStudio?: StudioContext }).ensembleStudio = context // for benchmarks and debugging
  const attribution = mountAttribution(context, authors)
  ;(window as unknown as { ensembleAttribution?: unknown }).ensembleAttribution = attribution // for the e2e test
  const disposeHistory = mountHistory(context)
  const disposeComments = mountComments(context)
  mountAssignmentBanner(context, assignmentSlot, (a) => partWriting.setRules(a.rules,
    a.rules.length === RULE_IDS.length ? `Checking every rule, as the assignment “${a.title}” does.`
      : `Checking the rules the assignment “${a.title}” asks for: ${a.rules.map((r) => r.replace(/-/g, ' ')).join(', ')}.`))
  return () => {
    forgetNames()
    clearTimeout(noticeTimer)
    transport.stop()
    cancelAnimationFrame(frame)
    disposeAi()
    partWriting.dispose()
    authors.dispose()
    attribution.dispose()
    disposeHistory()
    disposeComments()
    staff?.dispose()
    acceptUndo.dispose()
    undo.destroy()
    connection.destroy()
    void local.destroy()
    doc.destroy()
    delete (window as unknown as { ensembleStudio?: StudioContext }).ensembleStudio
  }
}
