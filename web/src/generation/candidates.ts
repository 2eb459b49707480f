// The pending candidates in the AI panel: a radio list (which candidate is focused: drawn strong in
// the roll, the one the buttons act on), the notes to take when accepting only some (by voice, one by
// one in a list, or by clicking ghost notes), and the audition, accept and reject buttons. Viewers get
// the list, the notes in words and audition only.
import { h } from '../ui/dom'
import { describeSuggestion, type SuggestedNote, type Suggestion } from './suggestions'

export interface CandidateActions {
  audition(s: Suggestion, kind: 'alone' | 'mix'): void
  stop(): void
  accept(s: Suggestion, noteIds?: string[]): void
  reject(s: Suggestion): void
  /** Focus, picked notes or the show-all toggle changed: redraw the ghosts. */
  changed(): void
  /** Whether one of the candidate's job's other candidates was accepted (it is then not focused by itself). */
  settled(s: Suggestion): boolean
  /** A note in words (pitch, place, length, voice) for the focused candidate's note list. */
  describe(n: SuggestedNote): string
  /** The part-writing checker's score of the candidate in a few words ("1 parallel fifth", "clean"). */
  score(s: Suggestion): string
}

export interface CandidateList {
  el: HTMLElement
  show(all: Suggestion[]): void
  focused(): Suggestion | undefined
  /** The focused candidate's notes that "accept chosen notes" takes (ids). */
  picked(): Set<string>
  /** Picks or leaves out one note of the focused candidate (a click on its ghost); returns whether picked. */
  toggle(noteId: string): boolean
  showAll(): boolean
  /** Puts keyboard focus on the focused candidate's radio (after the list changed under it). */
  focusList(): void
}

const ORDER = ['soprano', 'alto', 'tenor', 'bass']
/** The voices a candidate writes, high to low. */
const voicesOf = (s: Suggestion) => [...new Set(s.notes.map((n) => n.voice))]
  .sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99))

export function buildCandidateList(editable: boolean, act: CandidateActions): CandidateList {
  let items: Suggestion[] = []
  let focusedId: string | undefined
  let picked = new Set<string>()
  const list = h('ul', { id: 'ai-candidates', class: 'ai-candidates', 'aria-labelledby': 'ai-candidates-title' })
  const empty = h('p', { class: 'ai-hint', id: 'ai-no-candidates', tabindex: -1 }, 'No pending candidates.')
  const showAll = h('input', { type: 'checkbox', id: 'ai-show-all', checked: true })
  showAll.addEventListener('change', () => act.changed())
  const pickBox = h('fieldset', { class: 'ai-pick' }, h('legend', {}, 'Voices to accept'))
  const noteList = h('ul', { class: 'ai-note-list' })
  const notesBox = h('details', { class: 'ai-notes' },
    h('summary', {}, 'Notes to accept, one by one (or click ghost notes in the roll)'), noteList)
  const acceptPicked = h('button', { type: 'button', id: 'ai-accept-picked', onclick: () => {
    const s = current()
    if (s) act.accept(s, s.notes.filter((n) => picked.has(n.id)).map((n) => n.id))
  } }, 'Accept chosen notes')
  const heading = h('p', { class: 'ai-focused', id: 'ai-focused' })
  const button = (id: string, label: string, onclick: () => void) => h('button', { type: 'button', id, onclick }, label)
  const withFocused = (fn: (s: Suggestion) => void) => () => { const s = current(); if (s) fn(s) }
  const actions = h('div', { class: 'ai-actions', role: 'group', 'aria-labelledby': 'ai-focused' },
    heading,
    h('div', { class: 'ai-row' },
      button('ai-play-alone', 'Play alone', withFocused((s) => act.audition(s, 'alone'))),
      button('ai-play-mix', 'Play in the mix', withFocused((s) => act.audition(s, 'mix'))),
      button('ai-stop', 'Stop', () => act.stop())),
    editable ? pickBox : undefined,
    notesBox,
    editable ? h('div', { class: 'ai-row' },
      button('ai-accept-all', 'Accept all', withFocused((s) => act.accept(s))), acceptPicked,
      button('ai-reject', 'Reject', withFocused((s) => act.reject(s)))) : undefined)

  const current = () => items.find((s) => s.id === focusedId)

  const voiceBoxes = new Map<string, HTMLInputElement>()
  const noteBoxes = new Map<string, HTMLInputElement>()

  /** Shows the picks: a voice box is checked when all its notes are picked, mixed when some are. */
  const syncPicks = () => {
    const s = current()
    if (!s) return
    for (const [v, box] of voiceBoxes) {
      const mine = s.notes.filter((n) => n.voice === v)
      const n = mine.filter((x) => picked.has(x.id)).length
      box.checked = n === mine.length
      box.indeterminate = n > 0 && n < mine.length
    }
    for (const [id, box] of noteBoxes) box.checked = picked.has(id)
    acceptPicked.textContent = `Accept chosen notes (${picked.size})`
  }

  const drawPicks = () => {
    const s = current()
    pickBox.replaceChildren(h('legend', {}, 'Voices to accept'))
    noteList.replaceChildren()
    voiceBoxes.clear()
    noteBoxes.clear()
    if (!s) return
    for (const v of voicesOf(s)) {
      const box = h('input', { type: 'checkbox', id: `ai-pick-${v}` })
      box.addEventListener('change', () => {
        for (const n of s.notes) if (n.voice === v) { if (box.checked) picked.add(n.id); else picked.delete(n.id) }
        syncPicks()
        act.changed()
      })
      voiceBoxes.set(v, box)
      const count = s.notes.filter((n) => n.voice === v).length
      pickBox.append(h('span', { class: 'ai-check' }, box, h('label', { for: box.id }, `${v} (${count} note${count === 1 ? '' : 's'})`)))
    }
    s.notes.forEach((n, i) => {
      const text = act.describe(n)
      if (!editable) return noteList.append(h('li', {}, text))
      const box = h('input', { type: 'checkbox', id: `ai-pick-note-${i}`, 'data-note': n.id })
      box.addEventListener('change', () => {
        if (box.checked) picked.add(n.id)
        else picked.delete(n.id)
        syncPicks()
        act.changed()
      })
      noteBoxes.set(n.id, box)
      noteList.append(h('li', { class: 'ai-check' }, box, h('label', { for: box.id }, text)))
    })
    syncPicks()
  }

  const setFocus = (id: string | undefined) => {
    if (id === focusedId) return
    focusedId = id
    const s = current()
    picked = new Set(s ? s.notes.map((n) => n.id) : [])
    drawPicks()
    updateFocused()
    act.changed()
  }

  const updateFocused = () => {
    for (const li of list.children) li.classList.toggle('focused', (li as HTMLElement).dataset.suggestion === focusedId)
    const s = current()
    actions.hidden = !s
    heading.textContent = s ? `Candidate ${s.candidate} (${s.mode}, ${s.notes.length} notes)` : ''
  }

  const render = () => {
    // Redrawing the list must not throw away the keyboard focus of someone moving through it.
    const had = list.contains(document.activeElement) ? document.activeElement?.id : undefined
    list.replaceChildren(...items.map((s) => {
      const radio = h('input', { type: 'radio', name: 'ai-focus', id: `ai-focus-${s.id}`, value: s.id, checked: s.id === focusedId })
      radio.addEventListener('change', () => { if (radio.checked) setFocus(s.id) })
      radio.setAttribute('aria-describedby', `ai-score-${s.id}`)
      return h('li', { class: 'ai-candidate' + (s.id === focusedId ? ' focused' : ''), 'data-suggestion': s.id },
        radio, h('label', { for: radio.id }, describeSuggestion(s)),
        h('span', { class: 'ai-score', id: `ai-score-${s.id}`, 'data-testid': 'ai-score' }, `Part writing: ${act.score(s)}`))
    }))
    empty.hidden = items.length > 0
    updateFocused()
    // The focused one may have gone (accepted or rejected): then the chosen candidate, or the empty note.
    if (had) (document.getElementById(had) ?? list.querySelector<HTMLElement>('input:checked') ?? empty).focus()
  }

  const el = h('div', { class: 'ai-candidates-box' },
    h('h3', { id: 'ai-candidates-title' }, 'Candidates'),
    h('span', { class: 'ai-check' }, showAll, h('label', { for: 'ai-show-all' }, 'Show every candidate\'s ghost notes (else only the chosen one)')),
    empty, list, actions)
  render()

  return {
    el,
    show(all) {
      items = all
      // Keep the focused candidate while it is pending; otherwise focus the newest of a job none of
      // whose candidates was accepted (the others are alternatives to music already taken).
      if (!current()) setFocus(items.filter((x) => !act.settled(x)).at(-1)?.id)
      render()
    },
    focused: current,
    picked: () => picked,
    toggle(noteId) {
      const now = !picked.has(noteId)
      if (now) picked.add(noteId)
      else picked.delete(noteId)
      syncPicks()
      act.changed()
      return now
    },
    showAll: () => showAll.checked,
    focusList() {
      const radio = list.querySelector<HTMLInputElement>('input:checked') ?? list.querySelector<HTMLInputElement>('input')
      if (radio) radio.focus()
      else empty.focus()
    },
  }
}
