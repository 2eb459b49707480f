// The staff view's symbols as SVG, drawn from a few curves each (no music font is shipped: every
// kilobyte of the studio's script counts). Coordinates are in staff spaces around an anchor point and
// scaled by SPACE; y grows downwards as in SVG.
import type { Alter } from './pitch-spelling'
import { SPACE } from './systems'

const n = (v: number) => Math.round(v * 10) / 10

/** A path from commands whose numbers are in staff spaces, moved to (x, y). "M 0 0 L 1 1" style. */
function path(x: number, y: number, d: string, attrs: string): string {
  let axis = 0
  const moved = d.replace(/-?\d*\.?\d+/g, (m) => String(n((axis++ % 2 === 0 ? x : y) + Number(m) * SPACE)))
  return `<path d="${moved}" ${attrs}/>`
}

/** A G clef curling round the staff's second line (y is that line). */
export function trebleClef(x: number, y: number): string {
  return path(x, y, 'M 0.3 0.4 C -0.4 0.4 -0.4 -0.6 0.3 -0.7 C 1.2 -0.7 1.3 0.9 0.2 1.0 C -1.0 1.0 -1.2 -0.6 -0.4 -1.4 '
    + 'C 0.3 -2.1 0.9 -2.8 0.8 -3.6 C 0.7 -4.6 -0.1 -4.5 -0.1 -3.6 L 0.6 1.9 C 0.7 2.6 -0.3 2.7 -0.3 2.1',
  'class="clef treble" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"')
    + `<circle class="clef-dot" cx="${n(x - 0.15 * SPACE)}" cy="${n(y + 2.1 * SPACE)}" r="${n(0.32 * SPACE)}"/>`
}

/** An F clef on the staff's fourth line (y is that line), with its two dots either side of it. */
export function bassClef(x: number, y: number): string {
  return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(0.38 * SPACE)}"/>`
    + path(x, y, 'M -0.3 0 C -0.3 -1.2 1.8 -1.3 1.8 0.2 C 1.8 1.6 0.6 2.5 -0.6 3.0',
      'class="clef bass" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"')
    + `<circle cx="${n(x + 2.4 * SPACE)}" cy="${n(y - 0.5 * SPACE)}" r="${n(0.2 * SPACE)}"/>`
    + `<circle cx="${n(x + 2.4 * SPACE)}" cy="${n(y + 0.5 * SPACE)}" r="${n(0.2 * SPACE)}"/>`
}

const ACCIDENTALS = {
  sharp: 'M -0.25 -1.3 L -0.25 1.4 M 0.25 -1.4 L 0.25 1.3 M -0.6 -0.3 L 0.6 -0.6 M -0.6 0.6 L 0.6 0.3',
  flat: 'M -0.35 -2.0 L -0.35 0.6 C 0.3 0.1 0.8 -0.3 0.5 -0.7 C 0.3 -1.0 -0.1 -0.6 -0.35 -0.3',
  natural: 'M -0.3 -1.4 L -0.3 0.6 M 0.3 -0.6 L 0.3 1.4 M -0.3 -0.35 L 0.3 -0.55 M -0.3 0.55 L 0.3 0.35',
}

/** A sharp, flat or natural centred on (x, y). */
export function accidental(x: number, y: number, alter: Alter, cls = 'accidental'): string {
  const name = alter > 0 ? 'sharp' : alter < 0 ? 'flat' : 'natural'
  return path(x, y, ACCIDENTALS[name], `class="${cls} ${name}" fill="none" stroke="currentColor" stroke-width="1.3"`)
}

/** A notehead centred on (x, y): filled for quarters and shorter, open for halves and wholes. */
export function notehead(x: number, y: number, open: boolean, whole: boolean, attrs: string): string {
  const rx = n((whole ? 0.75 : 0.62) * SPACE)
  const ry = n(0.43 * SPACE)
  const tilt = whole ? '' : ` transform="rotate(-20 ${n(x)} ${n(y)})"`
  const paint = open ? 'fill="#fff" stroke="currentColor" stroke-width="1.4"' : 'fill="currentColor"'
  return `<ellipse ${attrs} cx="${n(x)}" cy="${n(y)}" rx="${rx}" ry="${ry}"${tilt} ${paint}/>`
}

/** `count` flags on a stem ending at (x, y), hanging down from an up stem or up from a down stem. */
export function flags(x: number, y: number, count: number, up: boolean): string {
  let out = ''
  const s = up ? 1 : -1
  for (let i = 0; i < count; i++) {
    const y0 = y + s * i * 0.8 * SPACE
    out += path(x, y0, `M 0 0 Q 0.2 ${s * 0.9} 0.9 ${s * 1.3} Q 1.3 ${s * 1.8} 0.9 ${s * 2.6}`,
      'class="flag" fill="none" stroke="currentColor" stroke-width="1.6"')
  }
  return out
}

/** A whole, half or quarter rest, or one with that many flags (1 an eighth), centred on x; `top` is the top line. */
export function rest(x: number, top: number, kind: 'whole' | 'half' | 'quarter' | number): string {
  if (kind === 'whole') return `<rect class="rest whole" x="${n(x - 0.6 * SPACE)}" y="${n(top + SPACE)}" width="${n(1.2 * SPACE)}" height="${n(0.5 * SPACE)}"/>`
  if (kind === 'half') return `<rect class="rest half" x="${n(x - 0.6 * SPACE)}" y="${n(top + 1.5 * SPACE)}" width="${n(1.2 * SPACE)}" height="${n(0.5 * SPACE)}"/>`
  if (kind === 'quarter') {
    return path(x, top, 'M -0.3 0.6 L 0.35 1.4 L -0.25 2.1 L 0.4 2.9 C -0.3 2.6 -0.6 3.2 -0.05 3.6',
      'class="rest quarter" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="bevel"')
  }
  let out = path(x, top, `M 0.5 1.4 L ${-0.2 - kind * 0.15} ${2.6 + kind * 0.9}`, 'class="rest" fill="none" stroke="currentColor" stroke-width="1.4"')
  for (let i = 0; i < kind; i++) out += `<circle cx="${n(x - 0.2 * SPACE - i * 0.15 * SPACE)}" cy="${n(top + (1.35 + i) * SPACE)}" r="${n(0.28 * SPACE)}"/>`
  return out
}
