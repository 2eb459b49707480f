// The "Part writing" panel in the studio's side column: the four-part checker run live, on this user's
// edits and on those arriving from others (once a frame at most), with markers on the notes concerned
// and the findings listed in words. A finding is a button: it selects its notes, moves the cursor to the
// first and focuses the roll, and the live region reads the explanation. What changed since the last
// check is said by the panel's status line (itself a polite live region, so it does not cut off what the
// roll is saying about the edit). Which rules run: every rule, or an assignment's (setRules).
import type { StudioContext } from '../studio/studio'
import { announce, h } from '../ui/dom'
import { checkPartWriting, type Finding, type Report } from './checker'

/** At most this many findings are listed (all are marked); a long list says how many more there are. */
const LISTED = 60

export interface PartWritingPanel {
  /** The rules checked: an assignment's, or undefined for every rule. */
  rules: () => readonly string[] | undefined
  /** Checks only these rules from now on (an assignment's choice), with a line saying why. */
  setRules: (rules: readonly string[], why: string) => void
  /**
   * The latest report, and what the last check cost in milliseconds (read by the benchmark): `ms` in
   * all (markers and list included), `rulesMs` the checker alone.
   */
  latest: () => { report: Report; ms: number; rulesMs: number }
  dispose: () => void
}

const keyOf = (f: Finding) => `${f.rule}:${f.tick}:${f.noteIds.join(',')}:${f.explanation}`
const ruleName = (rule: string) => rule.charAt(0).toUpperCase() + rule.slice(1).replace(/-/g, ' ')

export function mountPartWriting(ctx: StudioContext): PartWritingPanel {
  const { model, roll } = ctx
  const live = document.getElementById('live')
  let rules: readonly string[] | undefined
  let report: Report = { rules: [], findings: [], counts: {}, voiced: false }
  let ms = 0
  let rulesMs = 0
  let shown = new Set<string>()
  let items = new Map<string, HTMLElement>()
  let first = true
  let voiced = false

  const status = h('p', { class: 'small', role: 'status', 'data-testid': 'part-writing-status' })
  const scope = h('p', { class: 'muted small', 'data-testid': 'part-writing-rules' }, 'Checking every rule.')
  const list = h('ol', { class: 'findings', 'aria-label': 'Part-writing findings, in time order', 'data-testid': 'findings' })
  const panel = h('section', { class: 'panel part-writing', 'aria-labelledby': 'part-writing-title', 'data-testid': 'part-writing-panel' },
    h('h2', { id: 'part-writing-title' }, 'Part writing'), scope, status, list)

  const open = (f: Finding) => {
    const where = model.read().notes
    const notes = f.noteIds.map((id) => where.get(id)).filter((n) => n !== undefined)
    if (notes.length === 0) return
    roll.select(notes.map((n) => n!.note.id))
    roll.setActiveTrack(notes[0]!.trackId)
    roll.caret.tick = notes[0]!.note.start
    roll.caret.pitch = notes[0]!.note.pitch
    roll.scrollIntoView(f.tick)
    roll.el.focus()
    if (live) announce(live, `Bar ${f.bar}, beat ${f.beat}: ${f.explanation}`)
  }

  const item = (f: Finding) => h('li', { 'data-rule': f.rule, 'data-notes': f.noteIds.join(' ') },
    h('button', { type: 'button', class: 'link finding', onclick: () => open(f) },
      h('strong', {}, `Bar ${f.bar}, beat ${f.beat}`), ` · ${ruleName(f.rule)}`),
    h('p', { class: 'small explanation' }, f.explanation))

  function check(): void {
    const snap = model.read()
    const t0 = performance.now()
    report = checkPartWriting(snap.meta, snap.tracks, rules)
    rulesMs = performance.now() - t0
    const marks = new Map<string, string[]>()
    for (const f of report.findings) {
      for (const id of f.noteIds) {
        const said = marks.get(id) ?? []
        if (!said.includes(f.explanation)) said.push(f.explanation)
        marks.set(id, said)
      }
    }
    roll.marks = marks
    // Compared as sets of keys: no long strings built on every edit; list items are kept by key.
    const keys = new Set(report.findings.map(keyOf))
    const before = shown
    const changed = keys.size !== before.size || [...keys].some((k) => !before.has(k))
    if (changed) {
      shown = keys
      const kept = new Map<string, HTMLElement>()
      for (const f of report.findings.slice(0, LISTED)) kept.set(keyOf(f), items.get(keyOf(f)) ?? item(f))
      items = kept
      list.replaceChildren(...kept.values(),
        ...(report.findings.length > LISTED ? [h('li', { class: 'muted small' }, `and ${report.findings.length - LISTED} more`)] : []))
    }
    const total = report.findings.length === 0 ? 'No part-writing findings.'
      : `${report.findings.length} part-writing finding${report.findings.length === 1 ? '' : 's'}.`
    if (first || report.voiced !== voiced) {
      status.textContent = report.voiced ? total
        : 'Give tracks the soprano, alto, tenor and bass roles (in the track list) to check their part writing.'
    } else if (changed) {
      const added = report.findings.filter((f) => !before.has(keyOf(f)))
      const gone = [...before].filter((k) => !keys.has(k)).length
      status.textContent = added.length > 0
        ? `New in bar ${added[0].bar}: ${added[0].explanation}${added.length > 1 ? ` (and ${added.length - 1} more)` : ''} ${total}`
        : gone > 0 ? `${gone} fixed. ${total}` : total
    }
    voiced = report.voiced
    first = false
    ms = performance.now() - t0
    roll.invalidate()
  }

  // Checked just after the frame that draws the edit, not inside it: the note is on screen first and
  // its markers a frame later (inside the frame, a 5,000-note piece's check held every remote edit back).
  let pending = false
  let disposed = false
  const unwatch = model.onChange(() => {
    if (pending) return
    pending = true
    requestAnimationFrame(() => setTimeout(() => {
      pending = false
      if (!disposed) check()
    }, 0))
  })
  check()
  ctx.sidePanels.append(panel)
  return {
    setRules(chosen, why) {
      rules = chosen
      scope.textContent = why
      first = true
      check()
    },
    rules: () => rules,
    latest: () => ({ report, ms, rulesMs }),
    dispose() {
      disposed = true
      unwatch()
      roll.marks = new Map()
      panel.remove()
    },
  }
}
