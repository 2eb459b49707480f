// The "Comments" panel in the studio's side column: threads anchored to notes or to bars of a track,
// live for everyone in the project (they are in the shared document; the server writes them for each
// member, viewers included), with their authors and times, replies, resolve and reopen. A thread on
// notes that were deleted says so. Starting a thread anchors it to the selected notes, or to the bars
// given of a track.
import * as Y from 'yjs'
import { call, ApiError } from '../api'
import type { StudioContext } from '../studio/studio'
import { announce, h } from '../ui/dom'
import { formatTime } from '../attribution/credit'
import { describePosition } from '../music/timing'
import { pitchName } from '../music/pitch'

interface Who { id: string; name: string }
interface Message { id: string; author: Who; time: string; text: string }
interface Anchor { track: string; notes?: string[]; fromBar?: number; toBar?: number }
interface Thread { id: string; anchor: Anchor; createdAt: string; resolved: boolean; resolvedBy?: Who | null; resolvedAt?: string | null; messages: Message[] }

export function mountComments(ctx: StudioContext): () => void {
  const { project, session, model, roll, doc } = ctx
  const base = `/api/projects/${encodeURIComponent(project.id)}/comments`
  const comments = doc.getMap('comments') as Y.Map<unknown>
  const editor = project.role !== 'viewer'
  const live = document.getElementById('live')
  const status = h('p', { class: 'small', role: 'status', 'data-testid': 'comments-status' })
  const say = (text: string) => { status.textContent = text; if (live) announce(live, text) }
  const fail = (err: unknown) => say(err instanceof ApiError ? err.message : String(err))
  const list = h('ol', { class: 'threads', 'aria-label': 'Comment threads', 'data-testid': 'threads' })

  const onWhat = h('select', { 'aria-label': 'Comment on', 'data-testid': 'comment-on' },
    h('option', { value: 'selection' }, 'the selected notes'), h('option', { value: 'bars' }, 'bars of a track'))
  const trackSelect = h('select', { 'aria-label': 'Track', 'data-testid': 'comment-track' })
  const fromBar = h('input', { type: 'number', min: 1, value: '1', 'aria-label': 'From bar', class: 'bar-input', 'data-testid': 'comment-from' })
  const toBar = h('input', { type: 'number', min: 1, value: '1', 'aria-label': 'To bar', class: 'bar-input', 'data-testid': 'comment-to' })
  const bars = h('span', { class: 'bars', hidden: true }, trackSelect, ' bars ', fromBar, '–', toBar)
  onWhat.addEventListener('change', () => { bars.hidden = onWhat.value !== 'bars' })
  const text = h('textarea', { rows: 2, maxlength: 2000, 'aria-label': 'Comment', placeholder: 'Write a comment…', 'data-testid': 'comment-text' })
  const form = h('form', { class: 'new-comment', onsubmit: (e: Event) => {
    e.preventDefault()
    const anchor = anchorToSend()
    if (!anchor) return
    call<{ id: string }>('POST', base, session.token, { text: text.value, anchor })
      .then(() => { text.value = ''; say('Comment posted.') }, fail)
  } }, h('label', {}, 'On ', onWhat), bars, text, h('button', { type: 'submit', 'data-testid': 'comment-post' }, 'Comment'))

  function anchorToSend(): Anchor | undefined {
    if (onWhat.value === 'bars') {
      return { track: trackSelect.value, fromBar: Number(fromBar.value), toBar: Number(toBar.value) }
    }
    const picked = roll.selectedNotes()
    if (picked.length === 0) { say('Select the notes to comment on first, or choose bars of a track.'); return undefined }
    const snap = model.read()
    const track = snap.tracks.find((t) => t.notes.some((n) => n.id === picked[0].id))!
    return { track: track.id, notes: picked.filter((n) => track.notes.some((x) => x.id === n.id)).map((n) => n.id) }
  }

  function describeAnchor(a: Anchor): { text: string; gone: string | undefined; ids: string[] } {
    const snap = model.read()
    const track = snap.tracks.find((t) => t.id === a.track)
    if (!track) return { text: 'on a track that was deleted', gone: 'The track this comment was on has been deleted.', ids: [] }
    if (!a.notes) return { text: `${track.name}, bars ${a.fromBar}–${a.toBar}`, gone: undefined, ids: [] }
    const time = { ticksPerQuarter: snap.meta.ticksPerQuarter, tempoBpm: snap.meta.tempoBpm, timeSignature: snap.meta.timeSignature }
    const present = a.notes.map((id) => track.notes.find((n) => n.id === id)).filter((n) => n !== undefined)
    const missing = a.notes.length - present.length
    const names = present.slice(0, 3).map((n) => `${pitchName(n!.pitch)} ${describePosition(n!.start, time)}`).join('; ')
    const gone = missing === 0 ? undefined : missing === a.notes.length
      ? (a.notes.length === 1 ? 'The note this comment was on has been deleted.' : 'The notes this comment was on have been deleted.')
      : `${missing} of the ${a.notes.length} notes this comment was on have been deleted.`
    return { text: `${track.name}: ${names || 'notes'}${present.length > 3 ? ` and ${present.length - 3} more` : ''}`, gone, ids: present.map((n) => n!.id) }
  }

  function render(): void {
    const threads = [...comments.values()].map((t) => (t instanceof Y.Map ? t.toJSON() : t) as Thread)
      .sort((a, b) => Number(a.resolved) - Number(b.resolved) || a.createdAt.localeCompare(b.createdAt))
    list.replaceChildren(...threads.map(threadItem))
    const tracks = model.read().tracks
    const chosen = trackSelect.value
    trackSelect.replaceChildren(...tracks.map((t) => h('option', { value: t.id }, t.name)))
    if (chosen) trackSelect.value = chosen
  }

  function threadItem(t: Thread): HTMLElement {
    const anchor = describeAnchor(t.anchor)
    const starter = t.messages[0]?.author.id
    const mayResolve = editor || starter === session.user.id
    const reply = h('input', { type: 'text', maxlength: 2000, 'aria-label': 'Reply', placeholder: 'Reply…' })
    return h('li', { class: 'thread' + (t.resolved ? ' resolved' : ''), 'data-thread': t.id, 'data-resolved': String(t.resolved) },
      h('p', { class: 'anchor small' },
        anchor.ids.length ? h('button', { type: 'button', class: 'link', onclick: () => { roll.select(anchor.ids); roll.invalidate(); roll.el.focus() } }, anchor.text)
          : h('span', {}, anchor.text)),
      anchor.gone ? h('p', { class: 'anchor-gone small', 'data-testid': 'anchor-gone' }, anchor.gone) : undefined,
      h('ol', { class: 'messages' }, ...t.messages.map((m) => h('li', {},
        h('strong', {}, m.author.name), h('span', { class: 'muted small' }, ` ${formatTime(m.time)}`),
        h('p', { class: 'message-text' }, m.text)))),
      t.resolved ? h('p', { class: 'muted small' }, `Resolved by ${t.resolvedBy?.name ?? 'someone'}${t.resolvedAt ? ` ${formatTime(t.resolvedAt)}` : ''}.`) : undefined,
      h('form', { class: 'reply', onsubmit: (e: Event) => {
        e.preventDefault()
        call('POST', `${base}/${encodeURIComponent(t.id)}/replies`, session.token, { text: reply.value })
          .then(() => say('Reply posted.'), fail)
      } }, reply, h('button', { type: 'submit' }, 'Reply'),
      mayResolve ? h('button', { type: 'button', onclick: () => call('PUT', `${base}/${encodeURIComponent(t.id)}/resolved`, session.token,
        { resolved: !t.resolved }).then(() => say(t.resolved ? 'Thread reopened.' : 'Thread resolved.'), fail) }, t.resolved ? 'Reopen' : 'Resolve') : undefined))
  }

  const panel = h('section', { class: 'panel comments', 'aria-labelledby': 'comments-title', 'data-testid': 'comments-panel' },
    h('h2', { id: 'comments-title' }, 'Comments'),
    h('p', { class: 'muted small' }, 'Everyone in the project sees comments as they are written; viewers can comment too.'),
    form, status, list)
  let pending = 0
  const schedule = () => { if (!pending) pending = requestAnimationFrame(() => { pending = 0; render() }) }
  comments.observeDeep(schedule)
  const unwatch = model.onChange(schedule)
  ctx.sidePanels.append(panel)
  render()
  return () => { cancelAnimationFrame(pending); comments.unobserveDeep(schedule); unwatch() }
}
