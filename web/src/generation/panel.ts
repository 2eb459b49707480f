// The AI co-writer panel in the studio's side panels: the request form, the job's progress, and the
// pending candidates (from the document's `suggestions` map, so every collaborator sees them) as a
// list and as ghost notes in the roll, with audition, accept and reject. Viewers see the candidates
// and may listen to them; asking and deciding need the editor role, as on the server.
import { ApiError } from '../api'
import { describeNote } from '../pianoroll/describe'
import { ghostAt } from '../pianoroll/ghosts'
import * as Y from 'yjs'
import type { StudioContext } from '../studio/studio'
import { announce, h } from '../ui/dom'
import { auditionStart, auditionTracks, type AuditionKind } from './audition'
import { buildCandidateList } from './candidates'
import { scoreCandidate } from './score'
import { buildRequestForm } from './form'
import { ghostSets } from './ghost-sets'
import { modelNote } from './model-note'
import { describeJob, FINISHED, follow, GenerationApi, type Job } from './jobs'
import { defaultRegion, describeBars, FormError, requestBody } from './request'
import { type SuggestedNote, type Suggestion, watchSuggestions } from './suggestions'

/** How long to gather arriving candidates before announcing them. */
const ARRIVALS_MS = 300

/** Mounts the panel; returns what to call when the studio closes. */
export function mountAiPanel(ctx: StudioContext): () => void {
  const { roll, transport, doc } = ctx
  const editable = ctx.project.role !== 'viewer'
  const live = roll.opts.live
  const api = new GenerationApi(ctx.session.token, ctx.project.id)
  let closed = false
  let job: Job | undefined
  let auditioned: string | undefined
  let known = new Set<string>()
  let arrivals: Suggestion[] = []
  let arrivalTimer: ReturnType<typeof setTimeout> | undefined

  const error = h('p', { id: 'ai-error', class: 'error', role: 'alert' })
  const fail = (err: unknown) => {
    error.textContent = err instanceof ApiError || err instanceof FormError ? err.message : String(err)
  }
  const progress = h('progress', { id: 'ai-progress', max: 1, value: 0, 'aria-labelledby': 'ai-status' })
  const statusText = h('p', { id: 'ai-status', role: 'status', 'data-testid': 'ai-status' }, 'Ready.')
  const cancel = h('button', { type: 'button', id: 'ai-cancel', hidden: true, onclick: () => {
    if (job && !FINISHED.includes(job.status)) api.cancel(job.id).then(showJob, fail)
  } }, 'Cancel')
  const progressBox = h('div', { class: 'ai-progress', hidden: true }, progress, cancel)

  const showJob = (j: Job) => {
    job = j
    progress.value = j.progress
    progressBox.hidden = false
    statusText.textContent = describeJob(j)
    cancel.hidden = FINISHED.includes(j.status)
    form?.setBusy(!FINISHED.includes(j.status))
  }

  const proposeRegion = () => {
    if (!form) return
    const { time } = roll.layout()
    form.propose(defaultRegion(time, roll.loop, roll.selectedNotes(), roll.caret.tick))
  }

  let asking = false // from the click until the job ends: one request at a time from this panel
  const generate = async () => {
    if (asking) return
    error.textContent = ''
    let body: Record<string, unknown>
    try {
      body = requestBody(form!.read())
    } catch (err) {
      return fail(err)
    }
    asking = true
    form?.setBusy(true)
    try {
      const queued = await api.submit(body)
      const what = body.mode === 'continue' ? `${body.bars} more bars` : describeBars(form!.read().region)
      announce(live, `Asked the AI for ${body.candidates} ${body.mode} candidate${body.candidates === 1 ? '' : 's'} of ${what}`)
      const done = await follow(api, queued, showJob, () => closed)
      if (closed) return
      if (done.status === 'done') announce(live, `The AI finished: ${describeJob(done)}`)
      else announce(live, `The AI request ended: ${describeJob(done)}`)
    } catch (err) {
      fail(err)
    } finally {
      asking = false
      form?.setBusy(false)
    }
  }

  const form = editable ? buildRequestForm(() => void generate(), proposeRegion) : undefined

  const list = buildCandidateList(editable, {
    audition(s, kind: AuditionKind) {
      auditioned = s.id
      ctx.play(auditionStart(s), (tracks) => auditionTracks(tracks, s, kind))
      statusText.textContent = `Playing candidate ${s.candidate} ${kind === 'alone' ? 'alone' : 'in the mix'}.`
    },
    stop() {
      auditioned = undefined
      if (transport.playing) ctx.stop()
    },
    accept(s, noteIds) {
      error.textContent = ''
      if (noteIds && noteIds.length === 0) return fail(new FormError('Choose at least one note to accept.'))
      ctx.acceptUndo.expect(s.id) // accepting is one undo step of this user's
      api.accept(s.id, noteIds).then((r) => {
        announce(live, `Accepted ${r.accepted.length} note${r.accepted.length === 1 ? '' : 's'} of candidate ${s.candidate}`)
        statusText.textContent = `Accepted ${r.accepted.length} notes of candidate ${s.candidate}.`
        list.focusList()
      }, (err) => {
        ctx.acceptUndo.forget(s.id)
        fail(err)
      })
    },
    reject(s) {
      error.textContent = ''
      api.reject(s.id).then(() => {
        announce(live, `Rejected candidate ${s.candidate}`)
        statusText.textContent = `Rejected candidate ${s.candidate}.`
        list.focusList()
      }, fail)
    },
    changed: () => drawGhosts(),
    settled: (s) => settledJobs.has(s.job),
    describe: (n) => describeGhost(n),
    score: (s) => {
      const snap = ctx.model.read()
      return scoreCandidate(snap.meta, snap.tracks, s, ctx.partWritingRules?.()).text
    },
  })

  const describeGhost = (n: SuggestedNote) => {
    const { snap, time, flats } = roll.layout()
    return describeNote(n, snap.tracks.find((t) => t.id === n.track)?.name ?? n.voice, time, flats).replace(/, velocity \d+/, '')
  }

  // A click on a ghost note of the focused candidate picks it or leaves it out; it does not reach the
  // roll's own pointer handling (which would add or select a real note there).
  const onPointer = (e: PointerEvent) => {
    const s = list.focused()
    if (!editable || !s || e.button !== 0) return
    const rect = roll.canvas.getBoundingClientRect()
    const hit = ghostAt(s.notes, roll.layout(), { x: e.clientX - rect.left, y: e.clientY - rect.top },
      { scrollX: roll.el.scrollLeft, scrollY: roll.el.scrollTop, pxPerTick: roll.pxPerTick, rowHeight: roll.rowHeight })
    if (!hit) return
    e.stopPropagation()
    e.preventDefault()
    const now = list.toggle(hit.id)
    announce(live, `${now ? 'Chosen' : 'Left out'}: ${describeGhost(hit)}, candidate ${s.candidate}`)
  }
  roll.el.addEventListener('pointerdown', onPointer, { capture: true })

  let pending: Suggestion[] = []
  /** Jobs one of whose candidates was accepted (by anyone): their other candidates are not drawn. */
  const settledJobs = new Set<string>()
  let shownFocus: string | undefined
  const drawGhosts = () => {
    const focused = list.focused()
    roll.ghosts = ghostSets(pending, { focusedId: focused?.id, picked: list.picked(), showAll: list.showAll(), editable, settledJobs })
    // A newly focused candidate (one just arrived, e.g. "continue" past the end) is scrolled into view.
    if (focused && focused.id !== shownFocus && focused.notes.length > 0) {
      roll.scrollIntoView(Math.min(...focused.notes.map((n) => n.start)))
      const tracks = new Set(focused.notes.map((n) => n.track))
      const lane = roll.layout().lanes.findIndex((l) => tracks.has(l.trackId)) // the highest lane it writes in
      if (lane >= 0 && !laneVisible(lane)) roll.el.scrollTop = roll.layout().lanes[lane].top - 24
    }
    shownFocus = focused?.id
    roll.inspect() // the line under the roll names a ghost note under the cursor
    roll.invalidate()
  }

  const noteIdsInTracks = () => {
    const out = new Set<string>()
    for (const t of ctx.model.tracks.toArray()) {
      const notes = t instanceof Y.Map ? t.get('notes') : undefined
      if (notes instanceof Y.Array) for (const m of notes.toArray()) if (m instanceof Y.Map) out.add(m.get('id'))
    }
    return out
  }
  const laneVisible = (i: number) => {
    const lane = roll.layout().lanes[i]
    return lane.top >= roll.el.scrollTop && lane.top + Math.min(lane.height, 120) <= roll.el.scrollTop + roll.el.clientHeight
  }

  const stopWatching = watchSuggestions(doc, (all) => {
    const ids = new Set(all.map((s) => s.id))
    // A candidate that left the map with its notes now in the tracks was accepted: its job is settled.
    // (Read from the document itself: the model's snapshot is rebuilt only after this transaction.)
    const gone = pending.filter((s) => !ids.has(s.id))
    if (gone.length > 0) {
      const inTracks = noteIdsInTracks()
      for (const s of gone) if (s.notes.some((n) => inTracks.has(n.id))) settledJobs.add(s.job)
    }
    pending = all
    const arrived = all.filter((s) => !known.has(s.id))
    // What the first sync brings is the project as it was, not news: announce only what arrives after.
    // A job's candidates come one update each: gather them into one announcement.
    if (ctx.connection.provider.synced && arrived.length > 0) {
      arrivals.push(...arrived)
      clearTimeout(arrivalTimer)
      arrivalTimer = setTimeout(() => {
        const who = [...new Set(arrivals.map((s) => s.requestedBy.name))].join(' and ')
        announce(live, `${arrivals.length} AI candidate${arrivals.length === 1 ? '' : 's'} arrived, asked by ${who}`)
        arrivals = []
      }, ARRIVALS_MS)
    }
    known = ids
    // An auditioned candidate that was accepted or rejected is no longer what the transport should play.
    if (auditioned && !ids.has(auditioned)) {
      auditioned = undefined
      if (transport.auditioning) ctx.stop()
    }
    list.show(all)
    drawGhosts()
  })

  // While the user has not typed a region, it follows the loop, the selection and the cursor.
  const follows = ['keyup', 'pointerup', 'loopchange'] as const
  for (const e of follows) roll.el.addEventListener(e, proposeRegion)
  const stopModel = ctx.model.onChange(proposeRegion) // the time signature decides where bars fall
  proposeRegion()

  ctx.sidePanels.append(h('section', { id: 'ai-panel', class: 'ai-panel', 'aria-labelledby': 'ai-title' },
    h('h2', { id: 'ai-title' }, 'AI co-writer'), modelNote(ctx.session.token),
    editable ? undefined
      : h('p', { class: 'ai-hint', role: 'note' }, 'You are a viewer: you see and can hear the AI\'s candidates, but asking for or deciding on them needs the editor role.'),
    form?.el, editable ? h('div', { class: 'ai-job' }, statusText, progressBox) : undefined,
    error, list.el))

  return () => {
    closed = true
    clearTimeout(arrivalTimer)
    stopWatching()
    stopModel()
    for (const e of follows) roll.el.removeEventListener(e, proposeRegion)
    roll.el.removeEventListener('pointerdown', onPointer, { capture: true })
  }
}
