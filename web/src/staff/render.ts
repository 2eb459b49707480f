// The score as one SVG string: systems of staves with clefs, key and time signatures, bar lines, and
// the events placed by layoutPage. Built as text and set once (a 5,000-note piece is a single DOM write).
import type { Head, Score, Staff, StaffEvent } from './score'
import { layoutPage, SPACE, type BarPlace, type SystemPlace } from './systems'
import { accidental, bassClef, flags, notehead, rest, trebleClef } from './glyphs'
import { flagsOf } from './note-values'
import { ledgerLines, signaturePositions } from './pitch-spelling'

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const r = (v: number) => Math.round(v * 10) / 10
const line = (x1: number, y1: number, x2: number, y2: number, cls: string, w = 1) =>
  `<line class="${cls}" x1="${r(x1)}" y1="${r(y1)}" x2="${r(x2)}" y2="${r(y2)}" stroke="currentColor" stroke-width="${w}"/>`

const TITLE_ROOM = 4 * SPACE
const SYSTEM_GAP = 2.5 * SPACE
const STEM = 3.5 * SPACE

/** Room above and below a staff's five lines for its ledger lines and stems. */
function rooms(s: Staff): [number, number] {
  return [2.5 * SPACE + Math.max(0, s.high - 8) * SPACE / 2, 2.5 * SPACE + Math.max(0, -s.low) * SPACE / 2]
}

export interface Rendered { svg: string; width: number; height: number; systems: number }

export function renderScore(score: Score, width: number, label: string): Rendered {
  const nameWidth = Math.min(12 * SPACE, Math.max(5 * SPACE, ...score.staves.map((s) => s.name.length * 0.9 * SPACE)))
  const page = layoutPage(score, width, nameWidth)
  const where = new Map<number, { system: number; place: BarPlace }>()
  page.systems.forEach((s, i) => s.bars.forEach((place) => where.set(place.index, { system: i, place })))
  const blocks = score.staves.map(rooms)
  const systemHeight = blocks.reduce((sum, [a, b]) => sum + a + 4 * SPACE + b, 0) + SYSTEM_GAP
  const out: string[] = []
  const m = score.meta
  out.push(`<text class="title" x="${r(width / 2)}" y="${r(2 * SPACE)}" text-anchor="middle" font-size="16" font-weight="bold">${esc(score.title)}</text>`)
  page.systems.forEach((system, si) => {
    const y0 = TITLE_ROOM + si * systemHeight
    out.push(`<g class="system" data-system="${si}">`)
    let y = y0
    const tops: number[] = []
    score.staves.forEach((staff, k) => {
      const top = y + blocks[k][0]
      tops.push(top)
      out.push(drawStaff(score, staff, system, si, page.left, top, where))
      if (system.first) out.push(`<text class="staff-name" x="${r(page.left - 1.2 * SPACE)}" y="${r(top + 2.4 * SPACE)}" text-anchor="end" font-size="12">${esc(staff.name)}</text>`)
      y = top + 4 * SPACE + blocks[k][1]
    })
    if (tops.length > 0) {
      const bottom = tops[tops.length - 1] + 4 * SPACE
      out.push(line(page.left, tops[0], page.left, bottom, 'system-line'))
      if (tops.length > 1) out.push(line(page.left - 0.6 * SPACE, tops[0] - 2, page.left - 0.6 * SPACE, bottom + 2, 'bracket', 3))
      const firstBar = system.bars[0]?.index ?? 0
      if (system.first) {
        out.push(`<text class="tempo" x="${r(page.left)}" y="${r(tops[0] - 2.6 * SPACE)}" font-size="12">\u2669 = ${m.tempoBpm}</text>`)
      } else {
        out.push(`<text class="bar-number" x="${r(page.left + 0.2 * SPACE)}" y="${r(tops[0] - 1.4 * SPACE)}" font-size="10">${firstBar + 1}</text>`)
      }
    }
    out.push('</g>')
  })
  const height = TITLE_ROOM + page.systems.length * systemHeight
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" class="staff-svg" role="img" aria-label="${esc(label)}" width="${r(width)}" `
    + `height="${r(height)}" viewBox="0 0 ${r(width)} ${r(height)}" fill="currentColor">${out.join('')}</svg>`
  return { svg, width, height, systems: page.systems.length }
}

function drawStaff(score: Score, staff: Staff, system: SystemPlace, si: number, left: number, top: number,
  where: Map<number, { system: number; place: BarPlace }>): string {
  const out: string[] = [`<g class="staff" data-track-id="${esc(staff.trackId)}" data-clef="${staff.clef}">`]
  const bottom = top + 4 * SPACE
  for (let l = 0; l < 5; l++) out.push(line(left, top + l * SPACE, left + system.width, top + l * SPACE, 'staff-line', 0.8))
  out.push(staff.clef === 'treble' ? trebleClef(left + 1.4 * SPACE, top + 3 * SPACE) : bassClef(left + 0.9 * SPACE, top + SPACE))
  const sign = score.fifths > 0 ? 1 : -1
  out.push(`<g class="key-signature" data-fifths="${score.fifths}">`)
  signaturePositions(score.fifths, staff.clef).forEach((p, i) =>
    out.push(accidental(left + 4.1 * SPACE + i * 1.1 * SPACE, bottom - p * SPACE / 2, sign as 1 | -1, 'key-accidental')))
  out.push('</g>')
  if (system.first) {
    const x = left + system.header - 1.7 * SPACE
    const [num, den] = score.meta.timeSignature
    const digits = (v: number, baseline: number) =>
      `<text x="${r(x)}" y="${r(baseline)}" text-anchor="middle" font-size="${r(2.6 * SPACE)}" font-weight="bold" font-family="Georgia, serif">${v}</text>`
    out.push(`<g class="time-signature">${digits(num, top + 1.85 * SPACE)}${digits(den, top + 3.85 * SPACE)}</g>`)
  }
  for (const place of system.bars) {
    const x = left + place.x + place.width
    if (place.index === score.bars - 1) {
      out.push(line(x - 0.6 * SPACE, top, x - 0.6 * SPACE, bottom, 'bar-line'), line(x - 0.2 * SPACE, top, x - 0.2 * SPACE, bottom, 'bar-line end', 3))
    } else out.push(line(x, top, x, bottom, 'bar-line'))
  }
  const xOf = (e: StaffEvent) => {
    const at = where.get(e.bar)
    return at ? { system: at.system, x: left + at.place.x + (at.place.columns.get(e.offset) ?? 0) } : undefined
  }
  staff.events.forEach((e, i) => {
    const at = where.get(e.bar)
    if (!at || at.system !== si) return
    const x = xOf(e)!.x
    if (e.heads.length === 0) {
      if (e.wholeBar) out.push(rest(left + at.place.x + at.place.width / 2, top, 'whole'))
      else {
        const b = e.value.base
        out.push(rest(x, top, b === 'whole' || b === 'half' || b === 'quarter' ? b : flagsOf(b)))
        if (e.value.dots) out.push(`<circle cx="${r(x + 1.1 * SPACE)}" cy="${r(top + 1.5 * SPACE)}" r="${r(0.2 * SPACE)}"/>`)
      }
      return
    }
    const next = staff.events[i + 1]
    const prev = staff.events[i - 1]
    const nextAt = next && xOf(next)
    const tieEnd = nextAt && nextAt.system === si ? nextAt.x : left + system.width + SPACE
    const tieIn = prev && prev.heads.length > 0 && xOf(prev)?.system !== si
    out.push(drawChord(e, x, bottom, tieEnd, tieIn ? left + system.header - SPACE : undefined))
  })
  out.push('</g>')
  return out.join('')
}

/** A chord (or single note): heads, ledger lines, accidentals, dots, stem, flags and its ties. */
function drawChord(e: StaffEvent, x: number, bottom: number, tieEnd: number, tieFrom: number | undefined): string {
  const out: string[] = []
  const heads = e.heads
  const y = (p: number) => bottom - p * SPACE / 2
  const base = e.value.base
  const whole = base === 'whole'
  const open = whole || base === 'half'
  const hw = (whole ? 0.75 : 0.62) * SPACE
  const lowest = heads[0].position
  const highest = heads[heads.length - 1].position
  const up = (lowest + highest) / 2 < 4
  // A second in a chord: the upper head of the pair (the lower, stem down) goes to the stem's other side.
  const dx = heads.map(() => 0)
  if (up) for (let i = 1; i < heads.length; i++) { if (heads[i].position - heads[i - 1].position === 1 && dx[i - 1] === 0) dx[i] = 2 * hw - 1 }
  else for (let i = heads.length - 2; i >= 0; i--) { if (heads[i + 1].position - heads[i].position === 1 && dx[i + 1] === 0) dx[i] = -(2 * hw - 1) }
  const columns: { position: number; column: number }[] = []
  const leftmost = Math.min(0, ...dx)
  ;[...heads.keys()].reverse().forEach((i) => {
    const h = heads[i]
    if (h.accidental === undefined) return
    let column = 0
    while (columns.some((c) => c.column === column && Math.abs(c.position - h.position) < 6)) column++
    columns.push({ position: h.position, column })
    out.push(accidental(x + leftmost - hw - 0.8 * SPACE - column * 1.1 * SPACE, y(h.position), h.accidental))
  })
  const rightmost = Math.max(0, ...dx)
  heads.forEach((h: Head, i) => {
    const cx = x + dx[i]
    for (const p of ledgerLines(h.position)) out.push(line(cx - hw - 0.4 * SPACE, y(p), cx + hw + 0.4 * SPACE, y(p), 'ledger', 1.2))
    if (h.noteIds.length === 0) out.push(notehead(cx, y(h.position), open, whole, 'class="notehead tied"'))
    for (const id of h.noteIds) out.push(notehead(cx, y(h.position), open, whole, `class="notehead" data-note-id="${esc(id)}" data-pitch="${h.pitch}"`))
    if (e.value.dots) out.push(`<circle class="dot" cx="${r(x + rightmost + hw + 0.6 * SPACE)}" cy="${r(y(h.position % 2 === 0 ? h.position + 1 : h.position))}" r="${r(0.2 * SPACE)}"/>`)
    // Ties curve away from the stem, from this head to the next one (or the system's edge and back in).
    const bend = up ? 1 : -1
    const tie = (x1: number, x2: number) => {
      const ty = y(h.position) + bend * 0.6 * SPACE
      const mx = (x1 + x2) / 2
      return `<path class="tie" d="M ${r(x1)} ${r(ty)} Q ${r(mx)} ${r(ty + bend * SPACE)} ${r(x2)} ${r(ty)} Q ${r(mx)} ${r(ty + bend * 0.7 * SPACE)} ${r(x1)} ${r(ty)} Z"/>`
    }
    if (h.tiedToNext) out.push(tie(cx + hw + 1, tieEnd - hw - 1))
    if (tieFrom !== undefined && h.noteIds.length === 0) out.push(tie(tieFrom, cx - hw - 1))
  })
  if (!whole) {
    const n = flagsOf(base)
    const extra = Math.max(0, n - 1) * 0.8 * SPACE
    const sx = up ? x + hw - 0.6 : x - hw + 0.6
    const from = up ? y(lowest) : y(highest)
    // A note far off the staff keeps its stem reaching the middle line, as engravers draw it.
    const to = up ? Math.min(y(highest) - STEM - extra, y(4)) : Math.max(y(lowest) + STEM + extra, y(4))
    out.push(line(sx, from, sx, to, 'stem', 1.2))
    if (n > 0) out.push(flags(sx, to, n, up))
  }
  return out.join('')
}
